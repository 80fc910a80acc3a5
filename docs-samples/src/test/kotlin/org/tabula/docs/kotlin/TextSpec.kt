package org.tabula.docs.kotlin

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import org.tabula.Sql.text

/** docs/tutorial/text.md, Kotlin. */
class TextSpec : FunSpec({

    test("text with parameters") {
        sampleEngine().use { engine ->
            engine.connect().use { conn ->
                // tag::text[]
                val rows = conn.execute(
                    text("SELECT name, fullname FROM user_account WHERE name > :name ORDER BY name")
                        .bind("name", "patrick")).all()
                for (row in rows) {
                    println(row.get<String>("name") + ": " + row.get<String?>("fullname"))
                }
                rows[0].get<String>("name") shouldBe "sandy"
                // end::text[]
            }
        }
    }

    test("executemany and typed columns") {
        sampleEngine().use { engine ->
            // tag::text-many[]
            engine.begin { conn ->
                conn.execute(
                    text("INSERT INTO user_account (name) VALUES (:name)"),
                    listOf(mapOf("name" to "squidward"), mapOf("name" to "gary")))
            }
            // end::text-many[]
            // tag::text-typed[]
            val count = engine.transaction { conn ->
                conn.execute(text("SELECT count(*) AS n FROM user_account")).scalarOne<Number>()
            }
            count.toInt() shouldBe 5                          // as the driver read it
            val name: String = engine.transaction { conn ->
                conn.execute(
                    text("SELECT name FROM user_account WHERE id = :id")
                        .bind("id", 1L)
                        .columns(Users.name))                 // typed like the table's column
                    .one()[Users.name]
            }
            name shouldBe "spongebob"
            // end::text-typed[]
        }
    }
})
