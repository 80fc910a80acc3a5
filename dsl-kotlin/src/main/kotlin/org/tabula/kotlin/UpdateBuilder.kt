package org.tabula.kotlin

import org.tabula.expr.Expression
import org.tabula.schema.Column
import org.tabula.statement.Update

/**
 * The assignments of an UPDATE, set with `it[column] = value` inside [update]:
 *
 * ```
 * Users.update({ Users.id eq 1L }) { it[name] = "bob"; it[age] = Users.age + 1 }
 * ```
 */
class UpdateBuilder @PublishedApi internal constructor(@PublishedApi internal var statement: Update) {

    /** `SET column = value`. */
    operator fun <T> set(column: Column<T>, value: T) {
        statement = statement.set(column, value)
    }

    /** `SET column = expression`, e.g. `it[age] = Users.age + 1`. */
    operator fun <T> set(column: Column<T>, value: Expression<out T>) {
        statement = statement.set(column, value)
    }
}
