package org.tabula.bench

import org.tabula.bench.Items.ITEMS
import org.tabula.engine.Connection
import org.tabula.kotlin.batchInsert
import org.tabula.result.Result

/** `KotlinBatchBenchmark`'s insert, written the way a Kotlin user writes it: one `row[column] = value` per column. */
object KotlinBatches {
    @JvmStatic
    fun insert(conn: Connection, items: List<FetchBenchmark.ItemRecord>): Result =
        conn.batchInsert(ITEMS, items) { row, item ->
            row[id] = item.id()
            row[name] = item.name()
            row[qty] = item.qty()
            row[price] = item.price()
            row[score] = item.score()
            row[note] = item.note()
        }
}
