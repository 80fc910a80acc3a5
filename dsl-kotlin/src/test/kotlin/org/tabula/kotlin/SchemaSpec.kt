package org.tabula.kotlin

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import org.tabula.migration.SchemaDiff
import org.tabula.schema.MetaData
import org.tabula.schema.Table

/** Version 1 of a Kotlin model: one table. */
private object KsAuthorsV1 : Table("ks_authors") {
    val id = bigint("id").primaryKey().autoIncrement()
    val name = varchar("name", 40)
}

/** Version 2: a wider name, a nullable column, and a second table with a foreign key. */
private object KsAuthorsV2 : Table("ks_authors") {
    val id = bigint("id").primaryKey().autoIncrement()
    val name = varchar("name", 80)
    val country = varchar("country", 2).nullable()
}

private object KsBooksV2 : Table("ks_books") {
    val id = bigint("id").primaryKey().autoIncrement()
    val authorId = bigint("author_id").references(KsAuthorsV2.id)
    val title = varchar("title", 100)
}

/** Schema lifecycle from Kotlin table objects: diff, apply, reflect, on every database. */
class SchemaSpec : FunSpec({
    val mine: (String) -> Boolean = { it.startsWith("ks_") }

    for (db in KtDatabases.names()) {
        test("a Kotlin model evolves by diff and a reflected table is queried on $db") {
            KtDatabases.newEngine(db, org.tabula.engine.EngineOptions.defaults().poolSize(2)).use { engine ->
                MetaData(KsBooksV2, KsAuthorsV2).dropAll(engine)
                MetaData(KsAuthorsV1).createAll(engine)
                engine.connect().use { conn ->
                    conn.execute(KsAuthorsV1.insert { it[name] = "ann" })
                    conn.commit()
                }

                val v2 = MetaData(KsAuthorsV2, KsBooksV2)
                val diff = SchemaDiff.between(v2, engine.inspect()) { mine(it) }
                diff.isEmpty shouldBe false
                diff.apply(engine)
                SchemaDiff.between(v2, engine.inspect()) { mine(it) }.isEmpty shouldBe true

                val reflected = MetaData.reflect(engine)
                val authors = reflected.table("ks_authors")
                engine.connect().use { conn ->
                    conn.execute(authors.select(authors.column("name"))).scalars() shouldBe listOf("ann")
                }
                MetaData(KsBooksV2, KsAuthorsV2).dropAll(engine)
            }
        }
    }
})
