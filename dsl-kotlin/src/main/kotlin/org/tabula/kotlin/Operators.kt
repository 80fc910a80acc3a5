@file:Suppress("UNCHECKED_CAST")

package org.tabula.kotlin

import org.tabula.expr.Condition
import org.tabula.expr.Expression
import org.tabula.statement.Select

/*
 * Infix forms of every operator of org.tabula.expr.Expression and Condition. Each one delegates
 * to the Java builder method of the same meaning, so Kotlin and Java build the same AST.
 *
 *     (Users.age gt 18) and (Users.name like "a%")
 *     Users.id inList listOf(1L, 2L)
 *     Users.age between 18..65
 *
 * A value of the wrong type does not compile: the column fixes T (Expression is invariant), so
 * `Users.name eq 3`, `Users.age gt "x"`, `Users.id inList listOf("a")` and `Users.age like "a%"`
 * are type errors, and `gt(null)` is refused for nullable columns (`T & Any`).
 */

// ---------------------------------------------------------------- comparison

/**
 * `this = value`; `eq(null)` on a nullable column is `IS NULL`.
 *
 * @sample org.tabula.kotlin.samples.eqValue
 */
infix fun <T> Expression<T>.eq(value: T): Condition = eq(value)

/**
 * `this = other`, e.g. `Posts.userId eq Users.id` (either side may be nullable).
 *
 * @sample org.tabula.kotlin.samples.eqExpression
 */
infix fun <T> Expression<T>.eq(other: Expression<out T?>): Condition = eq(other as Expression<T>)

/**
 * `this <> value`; `ne(null)` on a nullable column is `IS NOT NULL`.
 *
 * @sample org.tabula.kotlin.samples.neValue
 */
infix fun <T> Expression<T>.ne(value: T): Condition = ne(value)

/**
 * `this <> other` between two expressions: `Posts.userId ne Users.id`.
 *
 * @sample org.tabula.kotlin.samples.neExpression
 */
infix fun <T> Expression<T>.ne(other: Expression<out T?>): Condition = ne(other as Expression<T>)

/**
 * `this > value`: `Users.age gt 18`; a null value does not compile.
 *
 * @sample org.tabula.kotlin.samples.gtValue
 */
infix fun <T> Expression<T>.gt(value: T & Any): Condition = gt(value)

/**
 * `this > other`: `Posts.updatedAt gt Posts.createdAt`.
 *
 * @sample org.tabula.kotlin.samples.gtExpression
 */
infix fun <T> Expression<T>.gt(other: Expression<out T?>): Condition = gt(other as Expression<T>)

/**
 * `this >= value`: `Users.age ge 18`.
 *
 * @sample org.tabula.kotlin.samples.geValue
 */
infix fun <T> Expression<T>.ge(value: T & Any): Condition = ge(value)

/**
 * `this >= other`: `Orders.paid ge Orders.total`.
 *
 * @sample org.tabula.kotlin.samples.geExpression
 */
infix fun <T> Expression<T>.ge(other: Expression<out T?>): Condition = ge(other as Expression<T>)

/**
 * `this < value`: `Users.age lt 65`.
 *
 * @sample org.tabula.kotlin.samples.ltValue
 */
infix fun <T> Expression<T>.lt(value: T & Any): Condition = lt(value)

/**
 * `this < other`: `Posts.createdAt lt Users.createdAt`.
 *
 * @sample org.tabula.kotlin.samples.ltExpression
 */
infix fun <T> Expression<T>.lt(other: Expression<out T?>): Condition = lt(other as Expression<T>)

/**
 * `this <= value`: `Users.age le 65`.
 *
 * @sample org.tabula.kotlin.samples.leValue
 */
infix fun <T> Expression<T>.le(value: T & Any): Condition = le(value)

/**
 * `this <= other`: `Orders.paid le Orders.total`.
 *
 * @sample org.tabula.kotlin.samples.leExpression
 */
infix fun <T> Expression<T>.le(other: Expression<out T?>): Condition = le(other as Expression<T>)

/**
 * `low <= this <= high` as SQL `BETWEEN`, from a Kotlin range: `Users.age between 18..65`.
 *
 * @sample org.tabula.kotlin.samples.betweenRange
 */
infix fun <T : Comparable<T>> Expression<out T?>.between(range: ClosedRange<T>): Condition =
    (this as Expression<T>).between(range.start, range.endInclusive)

/**
 * `NOT BETWEEN` over a Kotlin range.
 *
 * @sample org.tabula.kotlin.samples.notBetweenRange
 */
infix fun <T : Comparable<T>> Expression<out T?>.notBetween(range: ClosedRange<T>): Condition =
    (this as Expression<T>).notBetween(range.start, range.endInclusive)

// ---------------------------------------------------------------- IN

/**
 * `this IN (...)`; any iterable, including ranges (`Users.age inList 1..3`). Empty is always false.
 *
 * @sample org.tabula.kotlin.samples.inListValues
 */
infix fun <T> Expression<T>.inList(values: Iterable<T & Any>): Condition = `in`(values)

/**
 * `this IN (SELECT ...)`.
 *
 * @sample org.tabula.kotlin.samples.inListSubquery
 */
infix fun <T> Expression<T>.inList(subquery: Select): Condition = `in`(subquery)

/**
 * `this NOT IN (...)`; empty is always true.
 *
 * @sample org.tabula.kotlin.samples.notInListValues
 */
infix fun <T> Expression<T>.notInList(values: Iterable<T & Any>): Condition = notIn(values)

/**
 * `this NOT IN (SELECT ...)`: `Users.id notInList Posts.select(Posts.userId)`.
 *
 * @sample org.tabula.kotlin.samples.notInListSubquery
 */
infix fun <T> Expression<T>.notInList(subquery: Select): Condition = notIn(subquery)

// ---------------------------------------------------------------- strings

/**
 * `this LIKE pattern`: `%` and `_` are wildcards.
 *
 * @sample org.tabula.kotlin.samples.likePattern
 */
infix fun Expression<out String?>.like(pattern: String): Condition = (this as Expression<String?>).like(pattern)

/**
 * `this NOT LIKE pattern`: `Users.email notLike "%@example.com"`.
 *
 * @sample org.tabula.kotlin.samples.notLikePattern
 */
infix fun Expression<out String?>.notLike(pattern: String): Condition = (this as Expression<String?>).notLike(pattern)

/**
 * Case-insensitive LIKE on every dialect.
 *
 * @sample org.tabula.kotlin.samples.ilikePattern
 */
infix fun Expression<out String?>.ilike(pattern: String): Condition = (this as Expression<String?>).ilike(pattern)

/**
 * Substring match; `%` and `_` in [text] match themselves.
 *
 * @sample org.tabula.kotlin.samples.containsText
 */
infix fun Expression<out String?>.contains(text: String): Condition = (this as Expression<String?>).contains(text)

/**
 * Prefix match: `Users.name startsWith "an"`; `%` and `_` in [prefix] match themselves.
 *
 * @sample org.tabula.kotlin.samples.startsWithPrefix
 */
infix fun Expression<out String?>.startsWith(prefix: String): Condition =
    (this as Expression<String?>).startsWith(prefix)

/**
 * Suffix match: `Users.email endsWith "@example.com"`; `%` and `_` in [suffix] match themselves.
 *
 * @sample org.tabula.kotlin.samples.endsWithSuffix
 */
infix fun Expression<out String?>.endsWith(suffix: String): Condition = (this as Expression<String?>).endsWith(suffix)

/**
 * String concatenation: `Users.name concat "!"`.
 *
 * @sample org.tabula.kotlin.samples.concatText
 */
infix fun Expression<out String?>.concat(text: String): Expression<String> = (this as Expression<String?>).concat(text)

// ---------------------------------------------------------------- logic

/**
 * Both conditions: `(a eq b) and (c lt d)`.
 *
 * @sample org.tabula.kotlin.samples.andConditions
 */
infix fun Condition.and(other: Condition): Condition = and(other)

/**
 * Either condition.
 *
 * @sample org.tabula.kotlin.samples.orConditions
 */
infix fun Condition.or(other: Condition): Condition = or(other)

/**
 * `NOT condition`; `!condition` works as well.
 *
 * @sample org.tabula.kotlin.samples.notCondition
 */
fun not(condition: Condition): Condition = condition.not()

/**
 * All conditions (TRUE when none).
 *
 * @sample org.tabula.kotlin.samples.allOfConditions
 */
fun allOf(vararg conditions: Condition): Condition = org.tabula.Sql.and(*conditions)

/**
 * Any condition (FALSE when none).
 *
 * @sample org.tabula.kotlin.samples.anyOfConditions
 */
fun anyOf(vararg conditions: Condition): Condition = org.tabula.Sql.or(*conditions)

// ---------------------------------------------------------------- arithmetic
// `+ - * /` come straight from Expression.plus/minus/times/div (Java methods with operator names).

/**
 * `this % value` (SQL modulo).
 *
 * @sample org.tabula.kotlin.samples.remainder
 */
operator fun <T> Expression<T>.rem(value: T & Any): Expression<T> = mod(value)
