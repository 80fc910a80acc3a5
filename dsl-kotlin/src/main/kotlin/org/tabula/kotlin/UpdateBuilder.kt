package org.tabula.kotlin

import org.tabula.expr.Expression
import org.tabula.schema.Column
import org.tabula.statement.Update

/**
 * The assignments of an UPDATE, set with `it[column] = value` inside [update].
 *
 * @sample org.tabula.kotlin.samples.updateBuilderSets
 */
class UpdateBuilder @PublishedApi internal constructor(@PublishedApi internal var statement: Update) {

    /**
     * `SET column = value`.
     *
     * @sample org.tabula.kotlin.samples.updateValue
     */
    operator fun <T> set(column: Column<T>, value: T) {
        statement = statement.set(column, value)
    }

    /**
     * `SET column = expression`, e.g. `it[age] = Users.age + 1`.
     *
     * @sample org.tabula.kotlin.samples.updateExpression
     */
    operator fun <T> set(column: Column<T>, value: Expression<out T>) {
        statement = statement.set(column, value)
    }
}
