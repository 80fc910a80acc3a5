package org.tabula.kotlin

import org.tabula.type.ConvertedType
import org.tabula.type.SqlType
import org.tabula.type.SqlTypes

/**
 * A user-defined column type for values of [T], stored as this type (SQLAlchemy's
 * `TypeDecorator`, jOOQ's `Converter`): [fromDatabase] turns a stored value into a [T] on
 * reading, [toDatabase] back on binding; NULL stays NULL and never reaches either. The DDL name
 * and codec are this type's on every database, unless [ConvertedType.withSqlName] or
 * [ConvertedType.on] says otherwise. Works for value classes:
 *
 * @sample org.tabula.kotlin.samples.convertedType
 */
inline fun <reified T : Any, S : Any> SqlType<S>.converted(
    noinline fromDatabase: (S) -> T,
    noinline toDatabase: (T) -> S,
): ConvertedType<T, S> = SqlTypes.converted(this, T::class.java, { fromDatabase(it) }, { toDatabase(it) })
