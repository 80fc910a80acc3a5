package org.tabula.kotlin

import org.tabula.expr.Expression
import org.tabula.schema.Column
import org.tabula.schema.Table
import org.tabula.statement.Insert

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
class InsertBuilder @PublishedApi internal constructor(private val table: Table) {
    @PublishedApi
    internal var statement: Insert = Insert.into(table)
        private set
    internal val values = LinkedHashMap<String, Any?>()
    private var hasExpressions = false

    /** Sets [column] to a bound value. */
    operator fun <T> set(column: Column<T>, value: T) {
        statement = statement.set(column, value)
        values[column.name()] = value
    }

    /** Sets [column] to an expression (another column, a function, a scalar subquery). */
    operator fun <T> set(column: Column<T>, value: Expression<out T>) {
        statement = statement.set(column, value)
        hasExpressions = true
    }

    /** The plain values, for executemany; expressions cannot be batched. */
    internal fun batchRow(): Map<String, Any?> {
        require(!hasExpressions) {
            "batchInsert into ${table.name()} takes plain values only; insert rows with expressions one by one"
        }
        return LinkedHashMap(values)
    }
}
