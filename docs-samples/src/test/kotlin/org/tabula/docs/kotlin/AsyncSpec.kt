package org.tabula.docs.kotlin

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.withTimeout
import org.tabula.engine.Engine
import org.tabula.engine.Isolation
import org.tabula.kotlin.SortOrder
import org.tabula.kotlin.async
import org.tabula.kotlin.count
import org.tabula.kotlin.deleteWhere
import org.tabula.kotlin.eq
import org.tabula.kotlin.gt
import org.tabula.kotlin.insert
import org.tabula.kotlin.orderBy
import org.tabula.kotlin.orm.column
import org.tabula.kotlin.orm.get
import org.tabula.kotlin.orm.select
import org.tabula.kotlin.orm.sessionFactory
import org.tabula.kotlin.select
import org.tabula.kotlin.suspendTransaction
import org.tabula.orm.Mapper

/** docs/tutorial/async.md: coroutines. */
class AsyncSpec : FunSpec({

    test("async engine") {
        sampleEngine().use { engine ->
            // tag::async-engine[]
            val db = engine.async()                           // JDBC on the engine's threads
            db.begin {                                        // commit, or rollback and rethrow
                execute(Users.insert { it[name] = "gary" })
                savepoint { execute(Users.deleteWhere { name eq "patrick" }) }
            }
            val n = withTimeout(2_000) {                      // cancellation cancels the statement
                db.begin(isolation = Isolation.SERIALIZABLE, readOnly = true) {
                    execute(select(count()).from(Users)).scalarOne()
                }
            }
            n shouldBe 3L
            // end::async-engine[]
            // tag::flow[]
            val names = db.stream(Users.select(Users.name).orderBy(Users.id to SortOrder.ASC), fetchSize = 500)
                .map { row -> row[Users.name] }               // Flow<Row>, read as it is collected
                .toList()
            names shouldBe listOf("spongebob", "sandy", "gary")
            // end::flow[]
            // tag::suspend-transaction[]
            val total = engine.suspendTransaction {           // the same, straight from an Engine
                execute(select(count()).from(Addresses)).scalarOne()
            }
            total shouldBe 3L
            // end::suspend-transaction[]
        }
    }

    test("async sessions") {
        Engine.create("jdbc:sqlite::memory:").use { engine ->
            Mapper.metaData(User::class.java, Address::class.java).createAll(engine)
            // tag::async-orm[]
            val sessions = engine.async().sessionFactory()
            val id = sessions.begin { session ->              // commit, or rollback on exception/cancellation
                val sandy = User("sandy", "Sandy Cheeks")
                session.add(sandy)
                session.flush()
                sandy.id!!
            }
            sessions.begin { session -> session.get<User>(id)!!.fullname = "Sandy" }   // UPDATE at commit
            val found = sessions.session { session ->
                session.select<User>().where { User::id.column gt 0L }.all()
            }
            found.single().fullname shouldBe "Sandy"
            // end::async-orm[]
        }
    }

    test("concurrent") {
        sampleEngine().use { engine ->
            val db = engine.async()
            // tag::concurrent[]
            val counts = coroutineScope {
                listOf(Users, Addresses).map { table ->
                    async { db.connect { execute(select(count()).from(table)).scalarOne() } }
                }.awaitAll()                                  // each waits its turn for a connection
            }
            counts shouldBe listOf(3L, 3L)
            // end::concurrent[]
        }
    }
})
