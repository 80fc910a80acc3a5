@file:Suppress("UNCHECKED_CAST")
@file:JvmName("Aggregates")

package org.tabula.kotlin

import java.math.BigDecimal
import org.tabula.Sql
import org.tabula.expr.Expression

/*
 * Aggregate functions with the result types the databases really return: SUM of integers is a
 * Long, and every aggregate but COUNT is NULL over no rows, hence `?`.
 *
 *     Users.select(Users.age.avg(), count()).groupBy(Users.name).having { count() gt 1L }
 */

/**
 * `COUNT(*)`.
 *
 * @sample org.tabula.kotlin.samples.countRows
 * @sample org.tabula.kotlin.samples.groupAndHaving
 */
fun count(): Expression<Long> = Sql.count()

/**
 * `COUNT(this)`: the non-null values.
 *
 * @sample org.tabula.kotlin.samples.countColumn
 */
fun Expression<*>.count(): Expression<Long> = Sql.count(this)

/**
 * `COUNT(DISTINCT this)`.
 *
 * @sample org.tabula.kotlin.samples.countDistinctColumn
 */
fun Expression<*>.countDistinct(): Expression<Long> = Sql.countDistinct(this)

/**
 * `SUM` of an integer column, as a Long.
 *
 * @sample org.tabula.kotlin.samples.sumInt
 */
@JvmName("sumInt")
fun <T : Int?> Expression<T>.sum(): Expression<Long?> = Sql.sum(this as Expression<Number>) as Expression<Long?>

/**
 * `SUM` of a bigint column: `Orders.quantity.sum()`; NULL (`null`) over no rows.
 *
 * @sample org.tabula.kotlin.samples.sumLong
 */
@JvmName("sumLong")
fun <T : Long?> Expression<T>.sum(): Expression<Long?> = Sql.sum(this as Expression<Number>) as Expression<Long?>

/**
 * `SUM` of a double column: `Posts.score.sum()`; `null` over no rows.
 *
 * @sample org.tabula.kotlin.samples.sumDouble
 */
@JvmName("sumDouble")
fun <T : Double?> Expression<T>.sum(): Expression<Double?> = Sql.sum(this as Expression<Number>) as Expression<Double?>

/**
 * `SUM` of a decimal column, exact: `Orders.amount.sum()`; `null` over no rows.
 *
 * @sample org.tabula.kotlin.samples.sumDecimal
 */
@JvmName("sumDecimal")
fun <T : BigDecimal?> Expression<T>.sum(): Expression<BigDecimal?> =
    Sql.sum(this as Expression<Number>) as Expression<BigDecimal?>

/**
 * `AVG`, as a Double.
 *
 * @sample org.tabula.kotlin.samples.averageAge
 */
fun <T : Number?> Expression<T>.avg(): Expression<Double?> = Sql.avg(this as Expression<Number>) as Expression<Double?>

/**
 * `MIN(this)`: `Users.select(Users.age.min())`; `null` over no rows, hence `T?`.
 *
 * @sample org.tabula.kotlin.samples.minAge
 */
fun <T> Expression<T>.min(): Expression<T?> = Sql.min(this) as Expression<T?>

/**
 * `MAX(this)`: `Users.select(Users.age.max())`; `null` over no rows, hence `T?`.
 *
 * @sample org.tabula.kotlin.samples.maxAge
 */
fun <T> Expression<T>.max(): Expression<T?> = Sql.max(this) as Expression<T?>

/**
 * `COALESCE(this, fallback)`: never null.
 *
 * @sample org.tabula.kotlin.samples.coalesce
 */
infix fun <T> Expression<T>.ifNull(fallback: T & Any): Expression<T & Any> =
    Sql.coalesce(this, fallback) as Expression<T & Any>

/**
 * `LOWER(this)`: `Users.select().where { Users.name.lowercase() eq "ann" }`.
 *
 * @sample org.tabula.kotlin.samples.lowercaseMatch
 */
fun Expression<out String?>.lowercase(): Expression<String> = Sql.lower(this as Expression<String>)

/**
 * `UPPER(this)`: `Users.select(Users.name.uppercase())`.
 *
 * @sample org.tabula.kotlin.samples.uppercaseNames
 */
fun Expression<out String?>.uppercase(): Expression<String> = Sql.upper(this as Expression<String>)
