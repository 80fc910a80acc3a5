package org.tabula.docs.kotlin

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import org.tabula.engine.Engine
import org.tabula.kotlin.async
import org.tabula.kotlin.batchInsert
import org.tabula.kotlin.deleteWhere
import org.tabula.kotlin.eq
import org.tabula.kotlin.insert
import org.tabula.kotlin.orm.column
import org.tabula.kotlin.orm.select
import org.tabula.kotlin.orm.sessionFactory
import org.tabula.kotlin.select
import org.tabula.kotlin.selectAll
import org.tabula.kotlin.update
import org.tabula.kotlin.where
import org.tabula.orm.Mapper
import org.tabula.schema.MetaData

/** docs/migrating-from-exposed.md: the Tabula side of each comparison. */
class FromExposedSpec : FunSpec({

    test("core") {
        // tag::connect[]
        Engine.create("jdbc:sqlite::memory:").use { engine ->
            MetaData(Users, Addresses).createAll(engine)
            engine.begin { conn ->
                // ... statements run on conn, see below
            }
        }
        // end::connect[]
        sampleEngine().use { engine ->
            // tag::crud[]
            engine.begin { conn ->
                val id = conn.execute(Users.insert { it[name] = "gary"; it[fullname] = "Gary" })
                    .insertedPrimaryKey()[Users.id]
                val names = conn.execute(Users.selectAll().where { Users.name eq "sandy" })
                    .map { it[Users.fullname] }
                val emails = conn.execute(Users.select(Users.name, Addresses.email).join(Addresses)
                    .where { Users.name eq "sandy" }).all()
                conn.execute(Users.update({ name eq "patrick" }) { it[fullname] = "Patrick the Star" })
                conn.execute(Users.deleteWhere { name eq "gary" })
                conn.batchInsert(Users, listOf("larry", "squidward")) { row, n -> row[name] = n }
                id shouldBe 4L
                names shouldBe listOf("Sandy Cheeks")
                emails.size shouldBe 2
            }
            // end::crud[]
            // tag::suspend[]
            val db = engine.async()
            val count = db.begin {                            // suspends; JDBC runs on the engine's threads
                execute(Users.selectAll()).all().size
            }
            // end::suspend[]
            count shouldBe 5
        }
    }

    test("dao") {
        Engine.create("jdbc:sqlite::memory:").use { engine ->
            Mapper.metaData(User::class.java, Address::class.java).createAll(engine)
            // tag::dao[]
            val sessions = engine.async().sessionFactory()
            sessions.begin { session ->
                val sandy = User("sandy", "Sandy Cheeks")     // a plain class, see the ORM page
                session.add(sandy)
            }
            val sandy = sessions.session { session ->
                session.select<User>().where { User::name.column eq "sandy" }.one()
            }
            // end::dao[]
            sandy.fullname shouldBe "Sandy Cheeks"
        }
    }
})
