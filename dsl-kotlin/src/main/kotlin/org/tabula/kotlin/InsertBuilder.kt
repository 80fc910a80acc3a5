package org.tabula.kotlin

import org.tabula.expr.BindValue
import org.tabula.expr.Expression
import org.tabula.schema.Column
import org.tabula.schema.Table
import org.tabula.statement.Insert
import org.tabula.statement.InsertRow

/**
 * The values of one row, set with `it[column] = value` inside [insert] and [batchInsert]:
 *
 * ```
 * Users.insert { it[name] = "ann"; it[age] = 30 }
 * ```
 *
 * The value's type follows the column: `it[age] = "x"` does not compile, `it[age] = null` only
 * compiles for a nullable column.
 */
class InsertBuilder private constructor(private val table: Table, private val batching: Boolean) {

    @PublishedApi
    internal constructor(table: Table) : this(table, false)

    /**
     * What a single-row insert sets, in the order it was set. A batch builder writes into [batch]
     * instead, the typed row executemany binds (one row reused for every item): no statement and
     * no map is built per row.
     */
    private val assigned: LinkedHashMap<Column<*>, Expression<*>>? = if (batching) null else LinkedHashMap()
    private var batch: InsertRow? = null

    /** Sets [column] to a bound value. */
    operator fun <T> set(column: Column<T>, value: T) {
        requireOwn(column)
        val row = batch
        if (row != null) {
            row.set(column, value)
        } else {
            assigned!![column] = BindValue(value, column.type())
        }
    }

    /** Sets [column] to an expression (another column, a function, a scalar subquery). */
    operator fun <T> set(column: Column<T>, value: Expression<out T>) {
        requireOwn(column)
        require(!batching) {
            "batchInsert into ${table.name()} takes plain values only; insert rows with expressions one by one"
        }
        assigned!![column] = value
    }

    /** The single-row INSERT, built once from everything set. */
    @PublishedApi
    internal val statement: Insert
        get() = Insert(table, ArrayList(assigned!!.keys), listOf(ArrayList(assigned.values)), null, listOf(), null)

    private fun requireOwn(column: Column<*>) {
        require(column.table() === table) {
            "column ${column.qualifiedName()} is not a column of ${table.name()}, the table this insert writes to"
        }
    }

    internal companion object {
        /** A builder for executemany rows; [fill] points it at each row in turn. */
        fun batch(table: Table): InsertBuilder = InsertBuilder(table, true)

        /** Makes [builder]'s assignments go into [row]. */
        fun fill(builder: InsertBuilder, row: InsertRow) {
            builder.batch = row
        }
    }
}
