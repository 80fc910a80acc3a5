@file:JvmName("Results")

package org.tabula.kotlin

import kotlin.reflect.KClass
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow
import org.tabula.result.Result
import org.tabula.result.Result1
import org.tabula.result.Row

/*
 * Reading results the Kotlin way. `row[Users.name]` is Row.get, typed by the column
 * (String for a NOT NULL column, Int? for a nullable one).
 */

/**
 * Every row as an instance of [R], by constructor parameter names: `result.mapTo<UserDto>()`.
 *
 * @sample org.tabula.kotlin.samples.mapRows
 */
inline fun <reified R : Any> Result.mapTo(): List<R> = mapTo(R::class)

/**
 * Every row as an instance of [type].
 *
 * @sample org.tabula.kotlin.samples.mapRowsToClass
 */
fun <R : Any> Result.mapTo(type: KClass<R>): List<R> {
    val mapper = RowMapper.of(type, columns() ?: throw IllegalStateException("this statement returned no rows (rowCount = ${rowCount()})"))
    val out = ArrayList<R>()
    for (row in this) {
        out.add(mapper.map(row))
    }
    return out
}

/**
 * The single row as an [R], or null when there is none (more than one is an error).
 *
 * @sample org.tabula.kotlin.samples.mapOneRowOrNull
 */
inline fun <reified R : Any> Result.mapOneOrNull(): R? =
    oneOrNull()?.let { RowMapper.of(R::class, columns()!!).map(it) }

/**
 * One row as an [R] (resolves the mapping each call; prefer [mapTo] for many rows).
 *
 * @sample org.tabula.kotlin.samples.rowInto
 */
inline fun <reified R : Any> Row.into(): R = RowMapper.of(R::class, columns()).map(this)

/**
 * Streamed rows as instances of [R]; the mapping is resolved once, from the first row's columns.
 *
 * @sample org.tabula.kotlin.samples.mapStream
 */
inline fun <reified R : Any> Flow<Row>.mapTo(): Flow<R> = mapTo(R::class)

/**
 * Streamed rows as instances of [type].
 *
 * @sample org.tabula.kotlin.samples.mapStreamToClass
 */
fun <R : Any> Flow<Row>.mapTo(type: KClass<R>): Flow<R> = flow {
    var mapper: RowMapper<R>? = null
    collect { row ->
        val m = mapper ?: RowMapper.of(type, row.columns()).also { mapper = it }
        emit(m.map(row))
    }
}

/*
 * A select of one expression (`Users.select(Users.id)`) gives a Result1<T> whose scalar members
 * are typed and take no type argument. These keep the older spelling `scalarOne<Long>()`
 * compiling, but only with the selected type: `scalarOne<String>()` on a Result1<Long> does not.
 */

/**
 * [Result1.scalarOne] with its type spelled out: `execute(Users.select(count())).scalarOne<Long>()`.
 *
 * @sample org.tabula.kotlin.samples.typedScalarOne
 */
@JvmName("typedScalarOne")
fun <R> Result1<out R>.scalarOne(): R = scalarOne()

/**
 * [Result1.scalarOneOrNull] with its type spelled out.
 *
 * @sample org.tabula.kotlin.samples.typedScalarOneOrNull
 */
@JvmName("typedScalarOneOrNull")
fun <R> Result1<out R>.scalarOneOrNull(): R? = scalarOneOrNull()

/**
 * [Result1.scalar] with its type spelled out.
 *
 * @sample org.tabula.kotlin.samples.typedScalar
 */
@JvmName("typedScalar")
fun <R> Result1<out R>.scalar(): R? = scalar()

/**
 * [Result1.scalars] with its type spelled out.
 *
 * @sample org.tabula.kotlin.samples.typedScalars
 */
@JvmName("typedScalars")
fun <R> Result1<out R>.scalars(): List<R> = scalars()
