package org.tabula.docs.kotlin

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import org.tabula.Sql.createTable
import org.tabula.dialect.Dialect
import org.tabula.engine.Engine
import org.tabula.schema.MetaData

/** docs/tutorial/metadata.md, Kotlin. */
class MetadataSpec : FunSpec({

    test("createAll") {
        // tag::create-all[]
        val metadata = MetaData(Users, Addresses)
        Engine.create("jdbc:sqlite::memory:").use { engine ->
            metadata.createAll(engine)                        // CREATE TABLE IF NOT EXISTS, parents first
            metadata.sortedTables() shouldBe listOf(Users, Addresses)
            metadata.dropAll(engine)                          // children first
        }
        // end::create-all[]
    }

    test("ddl") {
        // tag::ddl[]
        val ddl = createTable(Addresses).toSql(Dialect.POSTGRES).sql()
        println(ddl)
        ddl shouldContain "REFERENCES \"user_account\""
        // end::ddl[]
    }

    test("reflect") {
        sampleEngine().use { engine ->
            // tag::reflect[]
            val reflected = MetaData.reflect(engine)          // Tables built from the catalog
            val users = reflected.table("user_account")
            val name = users.column("name")
            name.name() shouldBe "name"
            // end::reflect[]
        }
    }
})
