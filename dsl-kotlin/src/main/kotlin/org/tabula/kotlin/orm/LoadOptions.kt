package org.tabula.kotlin.orm

import kotlin.reflect.KProperty1
import org.tabula.orm.Lazy
import org.tabula.orm.LoadOption
import org.tabula.orm.Mapper
import org.tabula.orm.Relation

/**
 * [LoadOption.undefer] by property: the deferred ([Lazy]) column [property] is selected with the
 * entity's row, in the same statement, so reading it afterwards needs no `session.load` and runs
 * no SQL. Only `Lazy` properties compile here; resolved through [Mapper.column] (a map lookup).
 *
 * @sample org.tabula.kotlin.samples.undeferColumn
 */
inline fun <reified T : Any, V> undefer(property: KProperty1<T, Lazy<V>>): LoadOption =
    LoadOption.undefer(Mapper.column<Any?>(T::class.java, property.name))

/**
 * [LoadOption.undefer] through a relationship path, by property: the objects [through] leads to
 * are loaded select-in with the query, their deferred column [property] selected in that same
 * `IN (...)` query, so reading it afterwards runs no SQL (SQLAlchemy's
 * `selectinload(Post.author).undefer(User.bio)`).
 *
 * @sample org.tabula.kotlin.samples.undeferThrough
 */
inline fun <reified T : Any, V> undefer(through: Relation<*, T>, property: KProperty1<T, Lazy<V>>): LoadOption =
    LoadOption.undefer(through, Mapper.column<Any?>(T::class.java, property.name))
