package org.tabula.bench

import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import org.tabula.kotlin.AsyncEngine
import org.tabula.statement.Select

/**
 * What `CoroutinePoolBenchmark.coroutines` runs: [count] coroutines started at once, each taking a
 * pooled connection through [AsyncEngine.connect] (suspending while the pool is busy) and reading
 * one row by primary key. Returns the sum of the values read, so nothing is optimised away.
 */
object CoroutineSelects {
    @JvmStatic
    fun run(db: AsyncEngine, count: Int, rows: Int, query: (Long) -> Select): Long = runBlocking {
        (0 until count).map { i ->
            async {
                val id = (i % rows).toLong() + 1
                db.connect { (execute(query(id)).one().get<Any?>(0) as Number).toLong() }
            }
        }.awaitAll().sum()
    }
}
