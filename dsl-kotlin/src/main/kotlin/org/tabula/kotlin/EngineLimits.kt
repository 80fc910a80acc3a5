package org.tabula.kotlin

import java.util.WeakHashMap
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.ThreadFactory
import java.util.concurrent.ThreadPoolExecutor
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import kotlinx.coroutines.ExecutorCoroutineDispatcher
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.sync.Semaphore
import org.tabula.engine.Engine

/**
 * One engine's coroutine limits, shared by every AsyncEngine and suspendTransaction on it.
 *
 * Blocking JDBC runs on [dispatcher]: the engine's own threads, one per pooled connection. A
 * coroutine takes a [permits] permit (suspending, not blocking) before it takes a connection, so a
 * dispatcher thread never waits on the pool while the coroutines holding connections wait for a
 * thread.
 *
 * The threads are a plain fixed-size executor rather than a view of `Dispatchers.IO`
 * (`limitedParallelism`): handing 1,000 coroutines to it and back costs a third as much (about
 * 1.5 against 5 µs each on two cores, `CoroutinePoolBenchmark.coroutineHandoffsOnly`), which
 * against an in-process database is the difference between 0.45x and 0.79x of a thread pool. They
 * are daemon threads, stop after [IDLE_SECONDS] idle, and are shut down when the engine closes.
 */
internal class EngineLimits private constructor(val maxConnections: Int) {
    private val executor = ThreadPoolExecutor(
        maxConnections, maxConnections, IDLE_SECONDS, TimeUnit.SECONDS, LinkedBlockingQueue(), JdbcThreads,
    ).apply { allowCoreThreadTimeOut(true) }

    val dispatcher: ExecutorCoroutineDispatcher = executor.asCoroutineDispatcher()
    val permits = Semaphore(maxConnections)

    /** Whether the engine has been closed (its threads take no new work). */
    val isShutdown: Boolean get() = executor.isShutdown

    /** Lets running work finish and refuses new work. */
    fun shutdown() {
        executor.shutdown()
    }

    private object JdbcThreads : ThreadFactory {
        private val count = AtomicInteger()

        override fun newThread(task: Runnable): Thread =
            Thread(task, "tabula-jdbc-${count.incrementAndGet()}").apply { isDaemon = true }
    }

    companion object {
        private const val IDLE_SECONDS = 30L

        // Weak keys: the limits hold no reference to the engine, so closed engines can go.
        private val byEngine = WeakHashMap<Engine, EngineLimits>()

        fun of(engine: Engine): EngineLimits = synchronized(byEngine) {
            byEngine[engine] ?: EngineLimits(maxConnections(engine)).also { limits ->
                byEngine[engine] = limits
                engine.onClose {
                    synchronized(byEngine) { byEngine.remove(engine) }
                    limits.shutdown()
                }
            }
        }

        private fun maxConnections(engine: Engine): Int {
            val max = HikariSupport.maximumPoolSize(engine.dataSource())
                ?: (engine.options().poolSize() + engine.options().maxOverflow())
            return max.coerceAtLeast(1)
        }
    }
}
