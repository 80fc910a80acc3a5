package org.tabula.docs.kotlin

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import org.tabula.kotlin.SortOrder
import org.tabula.kotlin.eq
import org.tabula.kotlin.mapOneOrNull
import org.tabula.kotlin.mapTo
import org.tabula.kotlin.orderBy
import org.tabula.kotlin.select
import org.tabula.kotlin.selectAll
import org.tabula.kotlin.where

// tag::data-class[]
data class UserEmail(val name: String, val email: String)   // matched by name
// end::data-class[]

/** docs/tutorial/results.md, Kotlin. */
class ResultsSpec : FunSpec({

    test("rows") {
        sampleEngine().use { engine ->
            engine.connect().use { conn ->
                // tag::rows[]
                val result = conn.execute(Users.select(Users.id, Users.name, Users.fullname)
                    .orderBy(Users.id to SortOrder.ASC))
                for (row in result) {                         // buffered: read once
                    val id: Long = row[Users.id]              // typed by the column
                    val name: String = row["name"]            // by label
                    val fullname: String? = row[2]            // by position
                    println("$id $name $fullname")
                }
                // end::rows[]
            }
        }
    }

    test("one and scalars") {
        sampleEngine().use { engine ->
            engine.connect().use { conn ->
                // tag::one[]
                val sandy = conn.execute(Users.selectAll().where { Users.name eq "sandy" }).one()
                val nobody = conn.execute(Users.selectAll().where { Users.name eq "x" }).oneOrNull()
                val first = conn.execute(Users.selectAll().orderBy(Users.name to SortOrder.ASC)).first()
                val fullname = conn.execute(Users.select(Users.fullname)
                    .where { Users.name eq "sandy" }).scalarOne()
                val names = conn.execute(Users.select(Users.name)
                    .orderBy(Users.id to SortOrder.ASC)).scalars()
                sandy[Users.fullname] shouldBe "Sandy Cheeks"
                nobody shouldBe null
                first?.get(Users.name) shouldBe "patrick"
                fullname shouldBe "Sandy Cheeks"
                names shouldBe listOf("spongebob", "sandy", "patrick")
                // end::one[]
            }
        }
    }

    test("mappings and data classes") {
        sampleEngine().use { engine ->
            engine.connect().use { conn ->
                // tag::records[]
                val query = Users.select(Users.name, Addresses.email.`as`("email")).join(Addresses)
                    .orderBy(Addresses.id to SortOrder.ASC)
                val maps = conn.execute(query).mappings()
                val emails = conn.execute(query).mapTo<UserEmail>()   // by constructor parameter names
                val none = conn.execute(query.where { Users.name eq "x" }).mapOneOrNull<UserEmail>()
                maps[0]["name"] shouldBe "spongebob"
                emails[0] shouldBe UserEmail("spongebob", "spongebob@sqlalchemy.org")
                none shouldBe null
                // end::records[]
            }
        }
    }

    test("streaming") {
        sampleEngine().use { engine ->
            engine.connect().use { conn ->
                // tag::stream[]
                conn.stream(Users.select(Users.name).orderBy(Users.id to SortOrder.ASC), 500).use { big ->
                    val n = big.stream().map { row -> row[Users.name] }.count()   // 500 rows at a time
                    n shouldBe 3L
                }
                // end::stream[]
            }
        }
    }
})
