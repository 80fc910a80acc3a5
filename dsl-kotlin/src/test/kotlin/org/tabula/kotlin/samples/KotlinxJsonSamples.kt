package org.tabula.kotlin.samples

import kotlinx.serialization.json.Json
import org.tabula.engine.Connection
import org.tabula.kotlin.KotlinxJsonType
import org.tabula.kotlin.eq
import org.tabula.kotlin.insert
import org.tabula.kotlin.kotlinxJson
import org.tabula.kotlin.select
import org.tabula.kotlin.where
import org.tabula.schema.Table

// Samples of KotlinxJsonType.kt, run by SamplesSpec.

fun kotlinxJsonColumn(conn: Connection): Settings {
    // @Serializable data class Settings(val theme: String, val fontSize: Int = 12)
    // object Profiles : Table("profiles") {
    //     val id = bigint("id").primaryKey().autoIncrement()
    //     val settings = kotlinxJson<Settings>("settings")
    // }
    val id = conn.execute(Profiles.insert { it[settings] = Settings(theme = "dark") }).insertedPrimaryKey()[Profiles.id]
    return conn.execute(Profiles.select(Profiles.settings).where { Profiles.id eq id }).scalarOne()
}

fun kotlinxJsonType(): String {
    val type = KotlinxJsonType(Settings.serializer(), Settings::class.java, Json { encodeDefaults = true })
    return type.toJson(Settings(theme = "dark"))                  // {"theme":"dark","fontSize":12}
}

fun kotlinxJsonLenient(): Table = object : Table("lenient_profiles") {
    val settings = kotlinxJson<Settings>("settings", Json { ignoreUnknownKeys = true })
}
