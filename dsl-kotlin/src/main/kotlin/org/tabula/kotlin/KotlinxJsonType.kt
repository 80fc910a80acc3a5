package org.tabula.kotlin

import java.sql.PreparedStatement
import java.sql.ResultSet
import kotlinx.serialization.KSerializer
import kotlinx.serialization.SerializationException
import kotlinx.serialization.json.Json
import kotlinx.serialization.serializer
import org.tabula.schema.Column
import org.tabula.schema.Table
import org.tabula.type.JsonSqlType

/**
 * A JSON column mapped with kotlinx.serialization instead of Jackson: `JSONB` on PostgreSQL,
 * `JSON` on MySQL/MariaDB, `TEXT` on SQLite, like Java's `JsonType`.
 *
 * @sample org.tabula.kotlin.samples.kotlinxJsonType
 */
class KotlinxJsonType<T : Any>(
    private val serializer: KSerializer<T>,
    private val javaClass: Class<T>,
    private val json: Json = Json,
) : JsonSqlType<T> {

    /** The Kotlin class the column holds, as a Java class: `Settings::class.java`. */
    override fun javaType(): Class<T> = javaClass

    /** Encodes [value] with the serializer: `{"theme":"dark"}` for `Settings(theme = "dark")`. */
    override fun toJson(value: T): String = json.encodeToString(serializer, value)

    /**
     * Decodes [text] with the serializer: `fromJson("{\"theme\":\"dark\"}")` is `Settings(theme = "dark")`.
     *
     * @throws IllegalArgumentException when [text] is not a JSON document of the serializer's type
     */
    override fun fromJson(text: String): T = try {
        json.decodeFromString(serializer, text)
    } catch (e: SerializationException) {
        throw IllegalArgumentException("cannot read JSON as ${serializer.descriptor.serialName}: ${e.message}", e)
    }

    /** Binds [value] as its JSON text at [index] of [ps] (a `?` of an INSERT, UPDATE or WHERE). */
    override fun bind(ps: PreparedStatement, index: Int, value: T) = ps.setString(index, toJson(value))

    /** Reads the JSON text at column [index] of [rs] and decodes it; SQL NULL is `null`. */
    override fun read(rs: ResultSet, index: Int): T? = rs.getString(index)?.let(::fromJson)

    /** Any value of the serializer's type is accepted; it is checked when encoded. */
    @Suppress("UNCHECKED_CAST")
    override fun coerce(value: Any?): T? = value as T?

    /** Equal when both use the same serial descriptor and the same [Json] configuration, so `kotlinxJson<Settings>("a")` columns compare equal. */
    override fun equals(other: Any?): Boolean =
        other is KotlinxJsonType<*> && other.serializer.descriptor == serializer.descriptor && other.json == json

    /** The serial descriptor's hash, consistent with [equals]. */
    override fun hashCode(): Int = serializer.descriptor.hashCode()

    /** `JSON(com.example.Settings)`: the serial name, for messages and DDL comments. */
    override fun toString(): String = "JSON(${serializer.descriptor.serialName})"
}

/**
 * A JSON column of a `@Serializable` type, mapped with kotlinx.serialization.
 *
 * @sample org.tabula.kotlin.samples.kotlinxJsonColumn
 * @sample org.tabula.kotlin.samples.kotlinxJsonLenient
 */
inline fun <reified T : Any> Table.kotlinxJson(name: String, json: Json = Json): Column<T> =
    column(name, KotlinxJsonType(serializer<T>(), T::class.java, json))
