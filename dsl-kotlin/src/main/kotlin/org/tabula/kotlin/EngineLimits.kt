package org.tabula.kotlin

import java.util.WeakHashMap
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.ThreadFactory
import java.util.concurrent.ThreadPoolExecutor
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import kotlin.coroutines.intrinsics.suspendCoroutineUninterceptedOrReturn
import kotlinx.coroutines.ExecutorCoroutineDispatcher
import kotlinx.coroutines.Job
import kotlinx.coroutines.ThreadContextElement
import kotlinx.coroutines.asCoroutineDispatcher
import java.time.Duration
import kotlinx.coroutines.sync.Semaphore
import kotlinx.coroutines.withTimeoutOrNull
import org.tabula.engine.Engine
import org.tabula.error.PoolTimeoutException

/**
 * One engine's coroutine limits, shared by every AsyncEngine and suspendTransaction on it.
 *
 * Blocking JDBC runs on [dispatcher]: the engine's own threads, one per pooled connection. A
 * coroutine takes a [permits] permit (suspending, not blocking) before it takes a connection, so a
 * dispatcher thread never waits on the pool while the coroutines holding connections wait for a
 * thread. Like the pool's own wait, waiting for a permit ends after the engine's connection
 * timeout ([acquire]).
 *
 * The threads are a plain fixed-size executor rather than a view of `Dispatchers.IO`
 * (`limitedParallelism`): handing 1,000 coroutines to it and back costs a third as much (about
 * 1.5 against 5 µs each on two cores, `CoroutinePoolBenchmark.coroutineHandoffsOnly`), which
 * against an in-process database is the difference between 0.45x and 0.79x of a thread pool. They
 * are daemon threads, stop after [IDLE_SECONDS] idle, and are shut down when the engine closes.
 */
internal class EngineLimits private constructor(
    val maxConnections: Int,
    private val poolName: String,
    private val timeout: Duration,
) {
    private val executor: ExecutorService = (if (VIRTUAL_REQUESTED) VirtualThreads.executor() else null)
        ?: ThreadPoolExecutor(
            maxConnections, maxConnections, IDLE_SECONDS, TimeUnit.SECONDS, LinkedBlockingQueue(),
            ThreadFactory { task -> JdbcThread(task, this) },
        ).apply { allowCoreThreadTimeOut(true) }

    val dispatcher: ExecutorCoroutineDispatcher = executor.asCoroutineDispatcher()

    /** Whether [AsyncEngine] hands off by `withContext` instead of [hop] (`-Dtabula.async.withContext=true`). */
    val handOffWithContext: Boolean = WITH_CONTEXT_REQUESTED
    val permits = Semaphore(maxConnections)

    private val waiting = AtomicInteger()

    /** Coroutines suspended in [acquire] right now. */
    val waiters: Int get() = waiting.get()

    /** Whether the engine has been closed (its threads take no new work). */
    val isShutdown: Boolean get() = executor.isShutdown

    /**
     * Takes a permit, suspended for at most the engine's connection timeout; then throws the
     * [PoolTimeoutException] that the pool's own wait throws, naming [operation] (and tells the
     * engine's listeners, as a failed `connect()` does, of the wait since [waitStart]). A waiter that
     * is cancelled or times out holds no permit, so it releases none.
     */
    suspend fun acquire(engine: Engine, operation: String, waitStart: Long) {
        if (permits.tryAcquire()) {
            return
        }
        var acquired = false
        waiting.incrementAndGet()
        try {
            withTimeoutOrNull(timeout.toMillis()) {
                permits.acquire()
                acquired = true
            }
        } catch (t: Throwable) {
            // Cancelled from outside after the permit was handed over: it is ours to give back.
            if (acquired) {
                permits.release()
            }
            throw t
        } finally {
            waiting.decrementAndGet()
        }
        // The timeout may fire just after acquire() returned; the flag, not the result, says whether we hold it.
        if (!acquired) {
            val status = engine.poolStatus()
            val failure = PoolTimeoutException(
                poolName, operation, timeout, maxConnections, status.active(), status.idle(),
                status.waiting() + waiters, null,
            )
            engine.connectFailed(waitStart, failure)
            throw failure
        }
    }

    /**
     * Runs [body] on a JDBC thread, with a [BlockHop] (the block's transaction element) added to
     * the caller's context, and resumes the caller with its outcome: one hand-off out, one back,
     * and none of `withContext`'s child `Job` (benchmarks/README.md "Round 3: coroutine hand-off"
     * and "Round 3: cost of the hand-off's features").
     *
     * What `withContext` gave is kept by other means. [body] shares the caller's `Job`, so it sees the
     * caller's cancellation (`ensureActive`, cancellable suspensions, [StatementCanceller]); the
     * caller waits without cancellation, so it resumes only when [body] has ended, rollback included,
     * and then sees the CancellationException [body] threw. The caller's [ThreadContextElement]s
     * (SLF4J MDC, coroutine names) are set on the JDBC thread for the first step by [BlockHop] and by
     * the dispatcher for every later one. A closed engine's refusal is reported as
     * [IllegalStateException] naming [owner], instead of cancelling the caller's `Job` as the
     * dispatcher would.
     *
     * Callers without a `Job` in their context use `withContext` (see [AsyncEngine]). A caller
     * that already runs on one of this engine's JDBC threads (its coroutines dispatched on
     * [dispatcher]) runs [body] right there, with no hand-off either way: blocking is what these
     * threads are for, and the permit [body] takes first still bounds the connections in use.
     */
    suspend fun <T> hop(owner: Any, body: suspend BlockHop<T>.() -> T): T =
        suspendCoroutineUninterceptedOrReturn { caller ->
            BlockHop(caller, dispatcher, body).start(executor, owner, here = onOwnThread())
        }

    /**
     * Runs blocking [work] on a JDBC thread and resumes the caller with its outcome: the cheapest
     * hand-off, for work that does not suspend (a stream's connection, chunks and release, a call
     * from outside the block's coroutine). As `withContext(dispatcher)` did, work that finds [job]
     * cancelled when its thread takes it up is not started (the caller sees the
     * CancellationException), the caller resumes only after [work] ended, and the caller's
     * [ThreadContextElement]s are set on the JDBC thread around it. [job] null: nothing cancels
     * it; with [release] (what must happen even on a closed engine: returning a connection) the
     * work runs on the caller's thread when the engine's threads are gone, else that throws
     * [IllegalStateException] naming [owner].
     */
    suspend fun <T> run(job: Job?, owner: Any, release: Boolean = false, work: () -> T): T =
        suspendCoroutineUninterceptedOrReturn { caller -> BlockingHop(caller, job, work).start(executor, owner, release) }

    /** Lets running work finish and refuses new work. */
    fun shutdown() {
        executor.shutdown()
    }

    /** One of an engine's JDBC threads: [owner] tells [hop] that a block started here needs no hand-off. */
    private class JdbcThread(task: Runnable, val owner: EngineLimits) :
        Thread(task, "tabula-jdbc-${COUNT.incrementAndGet()}") {
        init {
            isDaemon = true
        }
    }

    /** Whether the calling thread is one of this engine's JDBC threads (a coroutine dispatched on [dispatcher]). */
    private fun onOwnThread(): Boolean = (Thread.currentThread() as? JdbcThread)?.owner === this

    /**
     * A virtual thread per JDBC call, when the runtime has them (Java 21+) and
     * `-Dtabula.async.virtualThreads=true` asks for them; the bytecode stays Java 17, so the
     * factory is looked up once, reflectively, when an engine's limits are made (never per call).
     * Measured in benchmarks/README.md ("coroutines"); off by default.
     */
    private object VirtualThreads {
        fun executor(): ExecutorService? = try {
            val builder = Thread::class.java.getMethod("ofVirtual").invoke(null)
            val builderType = Class.forName("java.lang.Thread\$Builder")
            val named = builderType.getMethod("name", String::class.java, Long::class.javaPrimitiveType).invoke(builder, "tabula-jdbc-v-", 1L)
            val factory = builderType.getMethod("factory").invoke(named) as ThreadFactory
            Executors::class.java.getMethod("newThreadPerTaskExecutor", ThreadFactory::class.java).invoke(null, factory) as ExecutorService
        } catch (e: ReflectiveOperationException) {
            null      // Java 17 to 20: the platform threads below
        }
    }

    companion object {
        private const val IDLE_SECONDS = 30L
        private val COUNT = AtomicInteger()

        /**
         * `-Dtabula.async.withContext=true` (read when an engine's limits are made): the hand-off of
         * [AsyncEngine.begin]/`connect` by `withContext`, as before [hop]; kept to measure against.
         */
        val WITH_CONTEXT_REQUESTED: Boolean
            get() = System.getProperty("tabula.async.withContext").toBoolean()

        /** `-Dtabula.async.virtualThreads=true`: JDBC calls on virtual threads where the JVM has them. */
        private val VIRTUAL_REQUESTED: Boolean
            get() = System.getProperty("tabula.async.virtualThreads").toBoolean()

        // Weak keys: the limits hold no reference to the engine, so closed engines can go.
        private val byEngine = WeakHashMap<Engine, EngineLimits>()

        fun of(engine: Engine): EngineLimits = synchronized(byEngine) {
            byEngine[engine] ?: create(engine).also { limits ->
                byEngine[engine] = limits
                engine.onClose {
                    synchronized(byEngine) { byEngine.remove(engine) }
                    limits.shutdown()
                }
            }
        }

        /** Sized and timed like the engine's own pool, so both waits end alike. */
        private fun create(engine: Engine): EngineLimits {
            val pool = HikariSupport.settings(engine.dataSource())
            val options = engine.options()
            val max = pool?.maximumPoolSize ?: (options.poolSize() + options.maxOverflow())
            val timeout = pool?.connectionTimeout ?: options.connectionTimeout()
            return EngineLimits(max.coerceAtLeast(1), pool?.name ?: options.poolName() ?: engine.toString(), timeout)
        }
    }
}
