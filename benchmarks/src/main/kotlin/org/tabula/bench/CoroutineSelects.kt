package org.tabula.bench

import java.util.concurrent.Executor
import kotlin.coroutines.AbstractCoroutineContextElement
import kotlin.coroutines.Continuation
import kotlin.coroutines.CoroutineContext
import kotlin.coroutines.EmptyCoroutineContext
import kotlin.coroutines.coroutineContext
import kotlin.coroutines.createCoroutine
import kotlin.coroutines.suspendCoroutine
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.InternalCoroutinesApi
import kotlinx.coroutines.ensureActive
import kotlinx.coroutines.job
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.Semaphore
import kotlinx.coroutines.sync.withLock
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import org.tabula.engine.Engine
import org.tabula.kotlin.AsyncEngine
import org.tabula.statement.Select

/**
 * What `CoroutinePoolBenchmark` runs: [count] coroutines started at once, each taking a pooled
 * connection through [AsyncEngine.connect] (suspending while the pool is busy) and reading one
 * row by primary key. Returns the sum of the values read, so nothing is optimised away.
 */
object CoroutineSelects {
    /** The coroutines live on `runBlocking`'s single-threaded event loop (a test or a CLI tool). */
    @JvmStatic
    fun run(db: AsyncEngine, count: Int, rows: Int, query: (Long) -> Select): Long = runBlocking {
        selects(db, count, rows, query)
    }

    /** The coroutines live on [Dispatchers.Default], like request handlers of a coroutine server (Ktor). */
    @JvmStatic
    fun runOnDefault(db: AsyncEngine, count: Int, rows: Int, query: (Long) -> Select): Long =
        runBlocking { withContext(Dispatchers.Default) { selects(db, count, rows, query) } }

    /** The coroutines live on the engine's own JDBC threads, where a `connect` block needs no hand-off. */
    @JvmStatic
    fun runOnEngineThreads(db: AsyncEngine, count: Int, rows: Int, query: (Long) -> Select): Long =
        runBlocking(db.dispatcher) { selects(db, count, rows, query) }

    /**
     * What the hop of [AsyncEngine.connect] costs by itself: [count] coroutines on `runBlocking`
     * that each only `withContext` to the engine's JDBC dispatcher and back, with no connection
     * and no SQL.
     */
    @JvmStatic
    fun handoffsOnly(db: AsyncEngine, count: Int): Long = runBlocking {
        (0 until count).map { i -> async { withContext(db.dispatcher) { i.toLong() } } }.awaitAll().sum()
    }

    /**
     * The cheapest coroutine wrapper over blocking JDBC we could write, the ceiling for [run]:
     * each coroutine suspends, hands the blocking select ([Engine.connect], execute, close) to
     * [threads] and is resumed with its value. No permit, no cancellation, no transaction context:
     * what is left is the two hand-offs and kotlinx.coroutines' own bookkeeping.
     */
    @JvmStatic
    fun bareSuspend(engine: Engine, threads: Executor, count: Int, rows: Int, query: (Long) -> Select): Long =
        runBlocking {
            (0 until count).map { i ->
                async {
                    val id = (i % rows).toLong() + 1
                    suspendCoroutine { done ->
                        threads.execute {
                            done.resumeWith(runCatching {
                                engine.connect().use { (it.execute(query(id)).one().get<Any?>(0) as Number).toLong() }
                            })
                        }
                    }
                }
            }.awaitAll().sum()
        }

    private suspend fun selects(db: AsyncEngine, count: Int, rows: Int, query: (Long) -> Select): Long =
        coroutineScope {
            (0 until count).map { i ->
                async {
                    val id = (i % rows).toLong() + 1
                    db.connect { (execute(query(id)).one().get<Any?>(0) as Number).toLong() }
                }
            }.awaitAll().sum()
        }

    /**
     * The features of [AsyncEngine.connect] added one at a time to the bare hand-off, to see what
     * each costs (`CoroutinePoolInterleaved`): the bare floor with the product's one-hop hand-off
     * (a coroutine made with `createCoroutine` on the caller's context plus [dispatcher] plus an
     * [element], not a plain `Runnable`), then [permits] (taken with `tryAcquire`), then [cancel] (a
     * completion handler on the caller's `Job`, as `StatementCanceller`), then [mutex] (a `Mutex`
     * per connection, the block's `ensureActive` checks, as `AsyncConnection.call`, and a context
     * element per block, as the transaction element).
     */
    @JvmStatic
    fun staged(
        engine: Engine,
        dispatcher: CoroutineDispatcher,
        threads: Executor,
        count: Int,
        rows: Int,
        query: (Long) -> Select,
        permits: Semaphore?,
        cancel: Boolean,
        mutex: Boolean,
    ): Long = runBlocking {
        (0 until count).map { i ->
            async {
                val id = (i % rows).toLong() + 1
                hop(dispatcher, threads, if (mutex) Element() else EmptyCoroutineContext) { stagedBody(engine, id, query, permits, cancel, mutex) }
            }
        }.awaitAll().sum()
    }

    @OptIn(InternalCoroutinesApi::class)
    private suspend fun stagedBody(
        engine: Engine,
        id: Long,
        query: (Long) -> Select,
        permits: Semaphore?,
        cancel: Boolean,
        mutex: Boolean,
    ): Long {
        val context = coroutineContext
        if (mutex) {
            context.ensureActive()
        }
        if (permits != null && !permits.tryAcquire()) {
            permits.acquire()
        }
        try {
            val conn = engine.connect()
            val handle = if (cancel) {
                context.job.invokeOnCompletion(onCancelling = true, invokeImmediately = true) { cause ->
                    if (cause != null && conn.isExecuting) {
                        conn.cancel()
                    }
                }
            } else {
                null
            }
            try {
                return if (mutex) {
                    val lock = Mutex()
                    context.ensureActive()
                    val value = lock.withLock { (conn.execute(query(id)).one().get<Any?>(0) as Number).toLong() }
                    context.ensureActive()
                    context.ensureActive()
                    value
                } else {
                    (conn.execute(query(id)).one().get<Any?>(0) as Number).toLong()
                }
            } finally {
                handle?.dispose()
                conn.close()
            }
        } finally {
            permits?.release()
        }
    }

    /** `EngineLimits.hop` without its thread-context and closed-engine handling. */
    private suspend fun <T> hop(dispatcher: CoroutineDispatcher, threads: Executor, element: CoroutineContext, body: suspend () -> T): T =
        suspendCoroutine { caller ->
            val start = body.createCoroutine(Continuation(caller.context + dispatcher + element, caller::resumeWith))
            threads.execute { start.resumeWith(UNIT) }
        }

    /** Stands for the transaction element: one per block. */
    private class Element : AbstractCoroutineContextElement(Element) {
        companion object Key : CoroutineContext.Key<Element>
    }

    private val UNIT: Result<Unit> = Result.success(Unit)
}
