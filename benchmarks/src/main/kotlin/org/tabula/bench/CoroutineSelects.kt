package org.tabula.bench

import java.util.concurrent.Executor
import kotlin.coroutines.suspendCoroutine
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
}
