package org.tabula.kotlin.orm

import kotlin.reflect.KProperty1
import org.tabula.orm.Mapper
import org.tabula.schema.Column
import org.tabula.schema.Table

/*
 * Kotlin entities. The Java Mapper reads fields, so Kotlin classes map as they are:
 *  - a class with `var` properties and a no-argument constructor (the primary one, or declare one):
 *    loaded through it, fields written through their (private) backing fields;
 *  - a data class of `val`s: built through its constructor (parameters = fields in order),
 *    so it reads and inserts; its `val`s are not changed by the session.
 * `@MappedColumn` and `@Relationship` are Java annotations with `@Target(FIELD)`: without a use-site
 * target Kotlin puts an annotation on the first applicable of param, property, field, which for
 * them is the backing field, on class-body properties and on constructor `val`/`var`s alike, so
 * `@field:MappedColumn` is not needed (it does no harm). `@Transient` works the same way; Kotlin's own
 * `@kotlin.jvm.Transient` also excludes a field. Nullability is the property's: `var age: Int?` is a
 * nullable column, `var age: Int` NOT NULL ([KotlinPropertyConventions]), and a non-null property's
 * initialiser (`var status: String = "active"`) is its column's client-side default. Fields are named after the
 * properties, so `User::createdAt` is the attribute `createdAt` and column `created_at`.
 */

/**
 * The typed Core column of an entity property: `User::age.column gt 18`. The column's type
 * follows the property's (`var age: Int?` gives `Column<Int?>`), so `User::age.column eq "x"`
 * does not compile. Resolved through [Mapper.column] (a map lookup), no kotlin-reflect at run time.
 *
 * @sample org.tabula.kotlin.samples.propertyColumn
 */
inline val <reified T : Any, V> KProperty1<T, V>.column: Column<V>
    get() = Mapper.column(T::class.java, name)

/**
 * The typed column of an entity attribute by name: `column<User, String>("name")`.
 *
 * @sample org.tabula.kotlin.samples.columnByName
 */
inline fun <reified T : Any, V> column(attribute: String): Column<V> = Mapper.column(T::class.java, attribute)

/**
 * The Core table an entity class maps to: `table<User>()`.
 *
 * @sample org.tabula.kotlin.samples.tableOfEntity
 */
inline fun <reified T : Any> table(): Table = Mapper.table(T::class.java)
