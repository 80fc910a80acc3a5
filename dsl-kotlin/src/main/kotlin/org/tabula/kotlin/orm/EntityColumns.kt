package org.tabula.kotlin.orm

import kotlin.reflect.KProperty1
import org.tabula.orm.Mapper
import org.tabula.schema.Column
import org.tabula.schema.Table

/**
 * The typed Core column of an entity property: `User::age.column gt 18`. The column's type
 * follows the property's (`var age: Int?` gives `Column<Int?>`), so `User::age.column eq "x"`
 * does not compile. Resolved through [Mapper.column] (a map lookup), no kotlin-reflect at run time.
 */
inline val <reified T : Any, V> KProperty1<T, V>.column: Column<V>
    get() = Mapper.column(T::class.java, name)

/** The typed column of an entity attribute by name: `column<User, String>("name")`. */
inline fun <reified T : Any, V> column(attribute: String): Column<V> = Mapper.column(T::class.java, attribute)

/** The Core table an entity class maps to: `table<User>()`. */
inline fun <reified T : Any> table(): Table = Mapper.table(T::class.java)
