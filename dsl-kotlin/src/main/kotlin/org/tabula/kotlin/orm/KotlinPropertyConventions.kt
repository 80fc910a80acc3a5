package org.tabula.kotlin.orm

import java.lang.reflect.Field
import java.time.temporal.Temporal
import java.util.UUID
import java.util.concurrent.ConcurrentHashMap
import java.util.function.Supplier
import kotlin.reflect.full.createInstance
import kotlin.reflect.jvm.isAccessible
import kotlin.reflect.jvm.kotlinProperty
import org.tabula.orm.Lazy
import org.tabula.orm.PropertyConventions

/**
 * Kotlin entities as the mapper sees them, read with kotlin-reflect when a class is first mapped
 * (never while loading or flushing). Registered through `META-INF/services`, so any Kotlin
 * `@Entity` gets it.
 *
 * The default is the value a new instance holds, made by the constructor that needs no
 * arguments, for non-null properties of immutable value types (strings, numbers, booleans,
 * enums, `java.time` values, UUIDs); a nullable property's initialiser is not a default, since
 * an explicit `null` must stay NULL (as in SQLAlchemy, where a default only fills a value left out).
 *
 * @sample org.tabula.kotlin.samples.kotlinEntityDefaults
 */
class KotlinPropertyConventions : PropertyConventions {

    private val prototypes = ConcurrentHashMap<Class<*>, Any>()

    override fun appliesTo(entityClass: Class<*>): Boolean = isKotlin(entityClass)

    override fun isNullable(field: Field): Boolean {
        if (!isKotlin(field.declaringClass)) return false
        val type = field.kotlinProperty?.returnType ?: return false
        if (type.classifier == Lazy::class) {
            return type.arguments.firstOrNull()?.type?.isMarkedNullable ?: false
        }
        return type.isMarkedNullable
    }

    override fun defaultValue(field: Field): Supplier<*>? {
        if (!isKotlin(field.declaringClass)) return null
        val type = field.kotlinProperty?.returnType ?: return null
        if (type.isMarkedNullable || type.classifier == Lazy::class) return null
        val prototype = prototype(field.declaringClass) ?: return null
        if (!field.trySetAccessible()) return null
        val initial = field.get(prototype) ?: return null
        if (!isImmutableValue(initial)) return null
        return Supplier { initial }
    }

    /** One instance per class made without arguments, or null when the class has no such constructor. */
    private fun prototype(type: Class<*>): Any? {
        prototypes[type]?.let { return it }
        val made = runCatching {
            val constructor = type.kotlin.constructors.firstOrNull { c -> c.parameters.all { it.isOptional } }
                ?: return null
            constructor.isAccessible = true
            constructor.callBy(emptyMap())
        }.getOrNull() ?: runCatching { type.kotlin.createInstance() }.getOrNull() ?: return null
        prototypes.putIfAbsent(type, made)
        return made
    }

    private companion object {
        fun isKotlin(type: Class<*>): Boolean = type.isAnnotationPresent(Metadata::class.java)

        fun isImmutableValue(v: Any): Boolean =
            v is String || v is Number || v is Boolean || v is Char || v is Enum<*> || v is UUID ||
                (v is Temporal && v.javaClass.name.startsWith("java.time."))
    }
}
