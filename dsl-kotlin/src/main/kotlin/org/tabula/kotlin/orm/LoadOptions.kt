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
 * ```
 * val users = session.select(User::class.java).options(undefer(User::bio)).all()   // one SELECT
 * users[0].bio.get()                                                       // no SQL, no BlockingLazyLoadException
 * session.select(User::class.java).options(undefer(User::bio)).stream().collect { println(it.bio.get()) }
 * ```
 */
inline fun <reified T : Any, V> undefer(property: KProperty1<T, Lazy<V>>): LoadOption =
    LoadOption.undefer(Mapper.column<Any?>(T::class.java, property.name))
