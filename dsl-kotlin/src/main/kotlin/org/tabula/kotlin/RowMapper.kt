package org.tabula.kotlin

import java.lang.reflect.Constructor
import java.util.concurrent.ConcurrentHashMap
import kotlin.reflect.KClass
import kotlin.reflect.full.primaryConstructor
import kotlin.reflect.jvm.javaConstructor
import kotlin.reflect.jvm.javaType
import org.tabula.result.ResultColumns
import org.tabula.result.Row

/**
 * Builds instances of a Kotlin class (typically a data class) from rows, matching its primary
 * constructor's parameters to result columns by name (`userId` matches `user_id`, case-insensitive).
 * Everything is resolved once per result shape; a row costs one constructor call.
 *
 * ```
 * data class UserDto(val id: Long, val name: String, val age: Int?)
 * val users: List<UserDto> = conn.execute(Users.selectAll()).mapTo<UserDto>()
 * ```
 */
class RowMapper<R : Any> private constructor(
    private val type: KClass<R>,
    private val constructor: Constructor<R>,
    private val parameters: List<Parameter>,
    private val indexes: IntArray,
) {
    internal class Parameter(val name: String, val javaType: Class<*>, val nullable: Boolean)

    /** One instance from one row. */
    fun map(row: Row): R {
        val args = arrayOfNulls<Any?>(parameters.size)
        for (i in args.indices) {
            val p = parameters[i]
            val value = row.get(indexes[i], p.javaType)
            if (value == null && !p.nullable) {
                throw IllegalArgumentException(
                    "column ${row.columns().label(indexes[i])} is NULL but ${type.java.name}.${p.name} is not nullable"
                )
            }
            args[i] = value
        }
        return constructor.newInstance(*args)
    }

    /**
     * Builds and caches the mapper of each class: `RowMapper.of(UserDto::class, result.columns())`,
     * which `mapTo<UserDto>()` calls for you.
     */
    companion object {
        private class Shape<R : Any>(val constructor: Constructor<R>, val parameters: List<Parameter>)

        private val shapes = ConcurrentHashMap<KClass<*>, Shape<*>>()

        /** A mapper of rows with [columns] to [type]. */
        fun <R : Any> of(type: KClass<R>, columns: ResultColumns): RowMapper<R> {
            @Suppress("UNCHECKED_CAST")
            val shape = shapes.computeIfAbsent(type) { shapeOf(type) } as Shape<R>
            val byKey = HashMap<String, Int>()
            for (i in 0 until columns.size()) {
                byKey.putIfAbsent(key(columns.label(i)), i)
            }
            val indexes = IntArray(shape.parameters.size) { i ->
                val p = shape.parameters[i]
                byKey[key(p.name)] ?: throw IllegalArgumentException(
                    "${type.java.name}.${p.name} has no matching column among ${columns.labels()}"
                )
            }
            return RowMapper(type, shape.constructor, shape.parameters, indexes)
        }

        private fun <R : Any> shapeOf(type: KClass<R>): Shape<R> {
            val kConstructor = type.primaryConstructor
                ?: throw IllegalArgumentException("${type.java.name} has no primary constructor to map rows to")
            val constructor = kConstructor.javaConstructor
                ?: throw IllegalArgumentException("${type.java.name}'s primary constructor is not a JVM constructor")
            constructor.trySetAccessible()
            val parameters = kConstructor.parameters.mapIndexed { i, p ->
                Parameter(
                    p.name ?: "arg$i",
                    boxed(constructor.parameterTypes[i]),
                    p.type.isMarkedNullable,
                )
            }
            return Shape(constructor, parameters)
        }

        private fun key(name: String): String = name.replace("_", "").lowercase()

        private fun boxed(c: Class<*>): Class<*> = if (c.isPrimitive) c.kotlin.javaObjectType else c
    }
}
