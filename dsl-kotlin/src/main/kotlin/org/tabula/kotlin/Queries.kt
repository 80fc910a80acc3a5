@file:JvmName("Queries")

package org.tabula.kotlin

import org.tabula.Sql
import org.tabula.expr.Condition
import org.tabula.expr.Expression
import org.tabula.expr.OrderItem
import org.tabula.schema.Table
import org.tabula.statement.FromItem
import org.tabula.statement.JoinType
import org.tabula.statement.Select
import org.tabula.statement.Select1

/*
 * SELECT builders. They return org.tabula.statement.Select, so every Java method (distinct,
 * limit, offset, forUpdate, union, as, ...) keeps working in between:
 *
 *     Users.select(Users.id, Users.name)
 *         .where { (Users.age gt 18) and (Users.name like "a%") }
 *         .orderBy(Users.id to SortOrder.DESC)
 *         .limit(10)
 */

/**
 * `SELECT column FROM this`, typed by the column: `execute(Users.select(Users.id)).scalarOne()` is a `Long`.
 *
 * @sample org.tabula.kotlin.samples.selectOneColumn
 */
fun <T> Table.select(column: Expression<T>): Select1<T> = Sql.select(column).from(this)

/**
 * `SELECT columns FROM this`; no columns means every column of the table.
 *
 * @sample org.tabula.kotlin.samples.selectColumns
 */
fun Table.select(vararg columns: Expression<*>): Select =
    // asList, not a spread: spreading a vararg array into Java varargs copies it.
    if (columns.isEmpty()) Sql.select(this) else Sql.select(columns.asList()).from(this)

/**
 * `SELECT columns FROM this`.
 *
 * @sample org.tabula.kotlin.samples.selectColumnList
 */
fun Table.select(columns: List<Expression<*>>): Select =
    if (columns.isEmpty()) Sql.select(this) else Sql.select(columns).from(this)

/**
 * `SELECT * FROM this` (every column, listed).
 *
 * @sample org.tabula.kotlin.samples.selectAllColumns
 */
fun Table.selectAll(): Select = Sql.select(this)

/**
 * `SELECT expression`, typed by it, FROM inferred: `execute(select(count()).from(Users)).scalarOne()` is a `Long`.
 *
 * @sample org.tabula.kotlin.samples.selectExpression
 */
fun <T> select(expression: Expression<T>): Select1<T> = Sql.select(expression)

/**
 * `SELECT expressions`, FROM inferred from the columns: `select(count())`.
 *
 * @sample org.tabula.kotlin.samples.selectExpressions
 */
fun select(vararg expressions: Expression<*>): Select = Sql.select(expressions.asList())

/**
 * Adds a WHERE condition (AND-ed with earlier ones).
 *
 * @sample org.tabula.kotlin.samples.whereCondition
 */
inline fun Select.where(condition: () -> Condition): Select = where(condition())

/**
 * Adds a WHERE condition to a typed single-expression select, keeping its type.
 *
 * @sample org.tabula.kotlin.samples.whereTyped
 */
inline fun <T> Select1<T>.where(condition: () -> Condition): Select1<T> = where(condition())

/**
 * Adds a HAVING condition.
 *
 * @sample org.tabula.kotlin.samples.havingCondition
 */
inline fun Select.having(condition: () -> Condition): Select = having(condition())

/**
 * `ORDER BY` with Kotlin pairs: `orderBy(Users.name to SortOrder.ASC, Users.id to SortOrder.DESC)`.
 *
 * @sample org.tabula.kotlin.samples.orderByPairs
 */
fun Select.orderBy(vararg order: Pair<Expression<*>, SortOrder>): Select =
    if (order.size == 1) orderBy(order[0].first.sorted(order[0].second))    // no array to build and copy
    else orderBy(*Array(order.size) { order[it].first.sorted(order[it].second) })

/**
 * `ORDER BY` with Kotlin pairs on a typed single-expression select, keeping its type.
 *
 * @sample org.tabula.kotlin.samples.orderByTyped
 */
fun <T> Select1<T>.orderBy(vararg order: Pair<Expression<*>, SortOrder>): Select1<T> =
    orderBy(*Array(order.size) { order[it].first.sorted(order[it].second) })

/**
 * This expression as an ORDER BY item.
 *
 * @sample org.tabula.kotlin.samples.sortedItem
 */
fun Expression<*>.sorted(order: SortOrder): OrderItem {
    val item = if (order.descending) desc() else asc()
    return when (order.nullsFirst) {
        null -> item
        true -> item.nullsFirst()
        false -> item.nullsLast()
    }
}

/**
 * `JOIN right ON condition`.
 *
 * @sample org.tabula.kotlin.samples.joinOn
 */
inline fun Select.join(right: FromItem, on: () -> Condition): Select = join(right, on())

/**
 * `LEFT JOIN right ON condition`.
 *
 * @sample org.tabula.kotlin.samples.leftJoinOn
 */
inline fun Select.leftJoin(right: FromItem, on: () -> Condition): Select = leftJoin(right, on())

/**
 * A join of any type: `join(Posts, JoinType.RIGHT) { Posts.userId eq Users.id }`.
 *
 * @sample org.tabula.kotlin.samples.joinOfType
 */
inline fun Select.join(right: FromItem, type: JoinType, on: () -> Condition): Select = join(right, type, on())
