package org.tabula.docs.kotlin

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import org.tabula.dialect.Dialect
import org.tabula.kotlin.SortOrder
import org.tabula.kotlin.batchInsert
import org.tabula.kotlin.contains
import org.tabula.kotlin.count
import org.tabula.kotlin.deleteAll
import org.tabula.kotlin.deleteWhere
import org.tabula.kotlin.eq
import org.tabula.kotlin.gt
import org.tabula.kotlin.inList
import org.tabula.kotlin.insert
import org.tabula.kotlin.or
import org.tabula.kotlin.orderBy
import org.tabula.kotlin.select
import org.tabula.kotlin.update
import org.tabula.kotlin.where
import org.tabula.kotlin.having

/** docs/tutorial/statements.md, Kotlin. */
class StatementsSpec : FunSpec({

    test("insert") {
        sampleEngine().use { engine ->
            engine.connect().use { conn ->
                // tag::insert[]
                val id = conn.execute(Users.insert {
                    it[name] = "squidward"
                    it[fullname] = "Squidward Tentacles"
                }).insertedPrimaryKey()[Users.id]
                conn.batchInsert(Users, listOf("gary", "larry")) { row, n ->   // executemany
                    row[name] = n
                }
                conn.batchInsert(Addresses, listOf("squidward@krusty.com", "squidward@clarinet.org")) { row, e ->
                    row[userId] = id
                    row[email] = e
                }
                conn.commit()
                // end::insert[]
                id shouldBe 4L
            }
        }
    }

    test("select") {
        sampleEngine().use { engine ->
            engine.connect().use { conn ->
                // tag::select[]
                val query = Users.select(Users.name, Addresses.email)
                    .join(Addresses)                          // ON inferred from the foreign key
                    .where { (Users.name eq "sandy") or (Users.name eq "patrick") }
                    .where { Addresses.email contains "sqlalchemy" }   // AND-ed; % and _ match themselves
                    .orderBy(Users.name to SortOrder.ASC)
                println(query.toSql(Dialect.POSTGRES))        // the SQL and its bound values
                val rows = conn.execute(query).all()
                rows[0][Addresses.email] shouldBe "sandy@sqlalchemy.org"
                // end::select[]
            }
        }
    }

    test("group by") {
        sampleEngine().use { engine ->
            engine.connect().use { conn ->
                // tag::group-by[]
                val addresses = Addresses.id.count()
                val perUser = Users.select(Users.name, addresses.`as`("addresses"))
                    .leftJoin(Addresses)
                    .where { Users.name inList listOf("spongebob", "sandy", "patrick") }
                    .groupBy(Users.name)
                    .having { addresses gt 1L }
                    .orderBy(Users.name to SortOrder.ASC)
                val sandy = conn.execute(perUser).one()
                sandy.get<Long>("addresses") shouldBe 2L
                // end::group-by[]
            }
        }
    }

    test("subquery") {
        sampleEngine().use { engine ->
            engine.connect().use { conn ->
                // tag::subquery[]
                val withAddress = Addresses.select(Addresses.userId)
                val names = conn.execute(Users.select(Users.name)
                    .where { Users.id inList withAddress }
                    .orderBy(Users.name to SortOrder.ASC)).scalars()
                names shouldBe listOf("sandy", "spongebob")
                // end::subquery[]
            }
        }
    }

    test("update and delete") {
        sampleEngine().use { engine ->
            engine.connect().use { conn ->
                // tag::update[]
                val changed = conn.execute(Users.update({ name eq "patrick" }) {
                    it[fullname] = "Patrick the Star"
                }).rowCount()
                changed shouldBe 1L
                // end::update[]
                // tag::delete[]
                val removed = conn.execute(Users.deleteWhere { name eq "sandy" }).rowCount()
                val addressesLeft = conn.execute(select(count()).from(Addresses)).scalarOne()
                removed shouldBe 1L
                addressesLeft shouldBe 1L                     // ON DELETE CASCADE
                conn.execute(Addresses.deleteAll())           // no WHERE: say so
                conn.commit()
                // end::delete[]
            }
        }
    }
})
