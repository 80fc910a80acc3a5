package org.tabula.kotlin.orm

import kotlin.reflect.KProperty1
import org.tabula.orm.Lazy
import org.tabula.orm.LoadOption
import org.tabula.orm.Mapper

/**
 * [LoadOption.undefer] by property: the deferred ([Lazy]) column [property] is selected with the
 * entity's row, in the same statement, so reading it afterwards needs no `session.load` and runs
 * no SQL. Only `Lazy` properties compile here; resolved through [Mapper.column] (a map lookup).
 *
 * @sample org.tabula.kotlin.samples.undeferColumn
 */
inline fun <reified T : Any, V> undefer(property: KProperty1<T, Lazy<V>>): LoadOption =
    LoadOption.undefer(Mapper.column<Any?>(T::class.java, property.name))
