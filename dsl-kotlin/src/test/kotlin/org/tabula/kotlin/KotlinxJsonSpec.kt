package org.tabula.kotlin

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import kotlinx.serialization.Serializable
import org.tabula.schema.MetaData
import org.tabula.schema.Table

@Serializable
data class KtSettings(val theme: String, val fontSize: Int, val plugins: List<String> = emptyList(), val note: String? = null)

object KtProfiles : Table("kt_profiles") {
    val id = bigint("id").primaryKey().autoIncrement()
    val settings = kotlinxJson<KtSettings>("settings")
    val extra = kotlinxJson<Map<String, Int>>("extra").nullable()
}

/** kotlinx.serialization JSON columns on SQLite, MariaDB and PostgreSQL. */
class KotlinxJsonSpec : FunSpec({

    for (db in KtDatabases.names()) {
        test("$db: @Serializable values and maps round-trip, nulls stay null") {
            val engine = KtDatabases.newEngine(db, org.tabula.engine.EngineOptions.defaults().poolSize(1).maxOverflow(0))
            engine.use {
                val md = MetaData(KtProfiles)
                md.dropAll(engine)
                md.createAll(engine)
                val settings = KtSettings("dark \uD83C\uDF19", 14, listOf("a", "b's"))
                engine.connect().use { conn ->
                    val id = conn.execute(KtProfiles.insert { it[this.settings] = settings; it[extra] = mapOf("x" to 1) })
                        .insertedPrimaryKey()[KtProfiles.id]
                    val other = conn.execute(KtProfiles.insert { it[this.settings] = KtSettings("light", 10) })
                        .insertedPrimaryKey()[KtProfiles.id]
                    val row = conn.execute(KtProfiles.select(KtProfiles.settings, KtProfiles.extra).where { KtProfiles.id eq id }).one()
                    row[KtProfiles.settings] shouldBe settings
                    row[KtProfiles.extra] shouldBe mapOf("x" to 1)
                    val second = conn.execute(KtProfiles.select(KtProfiles.extra).where { KtProfiles.id eq other }).one()
                    second[KtProfiles.extra] shouldBe null
                    conn.commit()
                }
                md.dropAll(engine)
            }
        }
    }
})
