package org.tabula.kotlin

import org.tabula.expr.BindValue
import org.tabula.expr.Expression
import org.tabula.schema.Column
import org.tabula.schema.Table
import org.tabula.statement.Insert

/**
 * The values of one row, set with `it[column] = value` inside [insert] and [batchInsert].
 *
 * The value's type follows the column: `it[age] = "x"` does not compile, `it[age] = null` only
 * compiles for a nullable column.
 *
 * @sample org.tabula.kotlin.samples.insertBuilderValues
 */
class InsertBuilder private constructor(private val table: Table, private val batch: HashMap<String, Any?>?) {

    @PublishedApi
    internal constructor(table: Table) : this(table, null)

    /**
     * What a single-row insert sets, in the order it was set. A batch row keeps only [batch], the
     * values by column name that executemany binds: no statement is built per row.
     */
    private val assigned: LinkedHashMap<Column<*>, Expression<*>>? = if (batch == null) LinkedHashMap() else null

    /**
     * Sets [column] to a bound value.
     *
     * @sample org.tabula.kotlin.samples.insertValue
     */
    operator fun <T> set(column: Column<T>, value: T) {
        requireOwn(column)
        if (batch != null) {
            batch[column.name()] = value
        } else {
            assigned!![column] = BindValue(value, column.type())
        }
    }

    /**
     * Sets [column] to an expression (another column, a function, a scalar subquery).
     *
     * @sample org.tabula.kotlin.samples.insertExpression
     */
    operator fun <T> set(column: Column<T>, value: Expression<out T>) {
        requireOwn(column)
        require(batch == null) {
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
        /** A builder for one executemany row, sized like the previous row. */
        fun batchRow(table: Table, expectedSize: Int): InsertBuilder =
            InsertBuilder(table, HashMap(maxOf(4, expectedSize * 4 / 3 + 1)))

        /** The row's values by column name, for executemany. */
        fun valuesOf(builder: InsertBuilder): Map<String, Any?> = builder.batch!!
    }
}
