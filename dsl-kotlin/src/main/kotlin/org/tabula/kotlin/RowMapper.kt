package org.tabula.kotlin

import java.lang.invoke.MethodHandle
import java.lang.invoke.MethodHandles
import java.util.concurrent.ConcurrentHashMap
import kotlin.reflect.KClass
import kotlin.reflect.full.primaryConstructor
import kotlin.reflect.jvm.javaConstructor
import org.tabula.result.ConstructorMapper
import org.tabula.result.ResultColumns
import org.tabula.result.Row

/**
 * Builds instances of a Kotlin class (typically a data class) from rows, matching its primary
 * constructor's parameters to result columns by name, by the rule of [org.tabula.result.ColumnNaming]
 * shared with Java record mapping and the ORM (`userId` matches `user_id`, `HTTPStatus` matches
 * `http_status`, any case). The mapping itself is Java's [ConstructorMapper]: Kotlin only says which
 * constructor and which parameters may be null. Everything is resolved once per result shape; a row
 * costs one constructor call.
 *
 * @sample org.tabula.kotlin.samples.rowMapperClass
 */
class RowMapper<R : Any> private constructor(private val mapper: ConstructorMapper<R>) {

    /**
     * One instance from one row.
     *
     * @sample org.tabula.kotlin.samples.rowMapperOf
     */
    fun map(row: Row): R = mapper.map(row)

    /**
     * Builds and caches the mapper of each class: `RowMapper.of(UserDto::class, result.columns())`,
     * which `mapTo<UserDto>()` calls for you.
     *
     * @sample org.tabula.kotlin.samples.rowMapperOf
     */
    companion object {
        private class Shape(val parameters: List<ConstructorMapper.Parameter>, val constructor: MethodHandle)

        private val shapes = ConcurrentHashMap<KClass<*>, Shape>()

        /**
         * A mapper of rows with [columns] to [type].
         *
         * @sample org.tabula.kotlin.samples.rowMapperOf
         */
        fun <R : Any> of(type: KClass<R>, columns: ResultColumns): RowMapper<R> {
            val shape = shapes.computeIfAbsent(type) { shapeOf(type) }
            return RowMapper(ConstructorMapper.of(type.java, shape.parameters, shape.constructor, columns))
        }

        private fun <R : Any> shapeOf(type: KClass<R>): Shape {
            val kConstructor = type.primaryConstructor
                ?: throw IllegalArgumentException("${type.java.name} has no primary constructor to map rows to")
            val constructor = kConstructor.javaConstructor
                ?: throw IllegalArgumentException("${type.java.name}'s primary constructor is not a JVM constructor")
            constructor.trySetAccessible()
            val parameters = kConstructor.parameters.mapIndexed { i, p ->
                ConstructorMapper.Parameter(
                    p.name ?: "arg$i",
                    boxed(constructor.parameterTypes[i]),
                    p.type.isMarkedNullable,
                )
            }
            val handle = MethodHandles.lookup().unreflectConstructor(constructor)
                .asSpreader(Array<Any?>::class.java, parameters.size)
            return Shape(parameters, handle)
        }

        private fun boxed(c: Class<*>): Class<*> = if (c.isPrimitive) c.kotlin.javaObjectType else c
    }
}
