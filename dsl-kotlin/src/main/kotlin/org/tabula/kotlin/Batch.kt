@file:JvmName("Batch")

package org.tabula.kotlin

import org.tabula.engine.Connection
import org.tabula.result.Result
import org.tabula.schema.Table
import org.tabula.statement.Insert

/**
 * Inserts one row per item as one JDBC batch (executemany).
 *
 * @sample org.tabula.kotlin.samples.batchInsertRows
 */
fun <T : Table, E> Connection.batchInsert(table: T, items: Iterable<E>, body: T.(InsertBuilder, E) -> Unit): Result =
    execute(Insert.into(table), batchRows(table, items, body))

internal fun <T : Table, E> batchRows(table: T, items: Iterable<E>, body: T.(InsertBuilder, E) -> Unit): List<Map<String, Any?>> {
    val rows = if (items is Collection<*>) ArrayList<Map<String, Any?>>(items.size) else ArrayList()
    var width = 0
    for (item in items) {
        val builder = InsertBuilder.batchRow(table, width)
        table.body(builder, item)
        val row = InsertBuilder.valuesOf(builder)
        width = row.size
        rows.add(row)
    }
    return rows
}
