@file:JvmName("Batch")

package org.tabula.kotlin

import org.tabula.engine.Connection
import org.tabula.result.Result
import org.tabula.schema.Table
import org.tabula.statement.Insert
import org.tabula.statement.InsertRow

/**
 * Inserts one row per item as one JDBC batch (executemany):
 *
 * ```
 * conn.batchInsert(Users, people) { row, p -> row[name] = p.name; row[age] = p.age }
 * ```
 */
fun <T : Table, E> Connection.batchInsert(table: T, items: Iterable<E>, body: T.(InsertBuilder, E) -> Unit): Result {
    // One typed row, refilled and bound per item: no map, no statement per row.
    val builder = InsertBuilder.batch(table)
    return execute(Insert.into(table), items) { row, item ->
        InsertBuilder.fill(builder, row)
        table.body(builder, item)
    }
}

/** The rows of [batchInsert] as a list (for a caller that sends them later, on another thread). */
internal fun <T : Table, E> batchRows(table: T, items: Iterable<E>, body: T.(InsertBuilder, E) -> Unit): List<Map<String, Any?>> {
    val builder = InsertBuilder.batch(table)
    return InsertRow.batch(table, items) { row, item ->
        InsertBuilder.fill(builder, row)
        table.body(builder, item)
    }
}
