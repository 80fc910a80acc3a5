package org.tabula.kotlin.orm

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.types.shouldBeSameInstanceAs
import java.io.IOException
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.TimeoutCancellationException
import kotlinx.coroutines.withTimeout
import kotlinx.coroutines.awaitCancellation
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import org.tabula.kotlin.AsyncEngine
import org.tabula.kotlin.KtDatabases
import org.tabula.kotlin.SortOrder
import org.tabula.kotlin.original
import org.tabula.kotlin.and
import org.tabula.kotlin.eq
import org.tabula.kotlin.gt
import org.tabula.kotlin.insert
import org.tabula.kotlin.select
import org.tabula.kotlin.startsWith
import org.tabula.orm.Mapper
import org.tabula.schema.Column

/** A read model over kto_users, mapped onto the declarative entity's table. */
data class KtoUserRow(val id: Long, val name: String, val age: Int?)

/** The ORM from coroutines with Kotlin entities, on every database. */
class AsyncSessionSpec : FunSpec({

    for (db in KtDatabases.names()) {
        context(db) {
            val engine = KtDatabases.engine(db)
            val async = AsyncEngine(engine)
            val sessions = async.sessionFactory()
            KtoTables.create(engine)
            if (!Mapper.isMapped(KtoUserRow::class.java)) {
                Mapper.map(KtoUserRow::class.java, table<KtoUser>())
            }

            beforeEach { KtoTables.clear(async) }

            suspend fun userCount(): Long = sessions.session { it.select<KtoUser>().count() }
            suspend fun addressCount(): Long = sessions.session { it.select<KtoAddress>().count() }

            test("add, flush, id, child, commit in one suspend transaction") {
                val id = sessions.begin { session ->
                    val ann = KtoUser("ann", 31)
                    session.add(ann)
                    session.flush()
                    ann.id shouldNotBe null
                    session.add(KtoAddress(ann.id, "ann@example.com"))
                    ann.id!!
                }
                sessions.session { session ->
                    session.get<KtoUser>(id)!!.name shouldBe "ann"
                    val address = session.select<KtoAddress>().where { KtoAddress::userId.column eq id }.one()
                    address.email shouldBe "ann@example.com"
                }
            }

            test("README's Kotlin ORM lines") {
                val id = sessions.begin { session ->
                    val ann = KtoUser().apply { name = "ann" }; session.add(ann); session.flush(); ann.id!!
                }
                sessions.begin { session -> session.get<KtoUser>(id)!!.age = 32 }
                val adults = sessions.session { it.select<KtoUser>().where { KtoUser::age.column gt 18 }.all() }
                adults.map { it.name to it.age } shouldBe listOf("ann" to 32)
            }

            test("get goes through the identity map; queries return the same object") {
                sessions.begin { session ->
                    val bob = KtoUser("bob", 40)
                    session.add(bob)
                    session.flush()
                    session.get<KtoUser>(bob.id!!) shouldBeSameInstanceAs bob
                    session.select<KtoUser>().where { KtoUser::name.column eq "bob" }.one() shouldBeSameInstanceAs bob
                    session.get<KtoUser>(bob.id!! + 1000) shouldBe null
                }
            }

            test("typed Kotlin queries on entity properties") {
                sessions.begin { session ->
                    session.addAll(listOf(KtoUser("ann", 31), KtoUser("abe", 12), KtoUser("bob", 40), KtoUser("al", null)))
                }
                sessions.session { session ->
                    val age: Column<Int?> = KtoUser::age.column
                    session.select<KtoUser>()
                        .where { (age gt 18) and (KtoUser::name.column startsWith "a") }
                        .all().map { it.name } shouldBe listOf("ann")
                    session.select<KtoUser>().where { column<KtoUser, String>("name") eq "bob" }.one().age shouldBe 40
                    session.select<KtoUser>().orderBy(KtoUser::name.column to SortOrder.DESC).limit(2).all()
                        .map { it.name } shouldBe listOf("bob", "ann")
                    session.select<KtoUser>().filterBy(KtoUser::name.column, "al").one().age shouldBe null
                    session.select<KtoUser>().filterBy(age, null).one().name shouldBe "al"
                    session.select<KtoUser>().where { age gt 100 }.first() shouldBe null
                    session.select<KtoUserRow>().where { age gt 30 }.orderBy(KtoUserRow::name.column).all()
                        .map { it.copy(id = 0) } shouldBe listOf(KtoUserRow(0, "ann", 31), KtoUserRow(0, "bob", 40))
                }
            }

            test("a var class maps its backing fields; computed and transient properties are not columns") {
                table<KtoUser>().columns().map { it.name() } shouldBe listOf("id", "name", "age")
                Mapper.table(KtoAddress::class.java).columns().map { it.name() } shouldBe listOf("id", "user_id", "email")
            }

            test("a data class of vals with @MappedColumn on constructor parameters maps and reads") {
                val t = table<KtoTag>()
                async.begin {
                    execute(t.insert { it[column<KtoTag, Long>("id")] = 1L; it[column<KtoTag, String>("label")] = "red" })
                }
                sessions.session { session ->
                    session.get<KtoTag>(1L) shouldBe KtoTag(1, "red", null)
                    session.select<KtoTag>().where { KtoTag::label.column eq "red" }.one().id shouldBe 1L
                    session.add(KtoTag(2, "blue", 1))          // INSERT through the constructor's fields
                    session.commit()
                    session.select<KtoTag>().orderBy(KtoTag::id.column).all().map { it.label } shouldBe listOf("red", "blue")
                }
                t.column("label").type().toString().lowercase().contains("20") shouldBe true
            }

            test("update a name, refresh, delete") {
                val id = sessions.begin { session -> KtoUser("cid", 20).also { session.add(it); session.flush() }.id!! }
                sessions.begin { session -> session.get<KtoUser>(id)!!.name = "Cid" }
                sessions.session { session ->
                    val cid = session.getOne<KtoUser>(id)
                    cid.name shouldBe "Cid"
                    async.begin { execute(org.tabula.statement.Update.of(table<KtoUser>())
                        .set(column<KtoUser, Int?>("age"), 21).where(KtoUser::id.column eq id)) }
                    session.refresh(cid)
                    cid.age shouldBe 21
                }
                sessions.begin { session -> session.delete(session.getOne<KtoUser>(id)) }
                userCount() shouldBe 0L
            }

            test("an exception rolls back everything since begin and is rethrown as is") {
                val boom = IOException("boom")
                val thrown = shouldThrow<IOException> {
                    sessions.begin { session ->
                        val dan = KtoUser("dan")
                        session.add(dan)
                        session.flush()
                        session.add(KtoAddress(dan.id, "dan@example.com"))
                        session.flush()
                        throw boom
                    }
                }
                original(thrown) shouldBeSameInstanceAs boom
                userCount() shouldBe 0L
                addressCount() shouldBe 0L
            }

            test("cancellation rolls back flushed work") {
                val flushed = CompletableDeferred<Unit>()
                coroutineScope {
                    val job = launch {
                        sessions.begin { session ->
                            session.add(KtoUser("eve"))
                            session.flush()
                            flushed.complete(Unit)
                            awaitCancellation()
                        }
                    }
                    flushed.await()
                    job.cancelAndJoin()
                }
                userCount() shouldBe 0L
                repeat(100) { if (engine.poolStatus().active == 0) return@repeat; delay(20) }
                engine.poolStatus().active shouldBe 0
            }

            test("withTimeout rolls back a session transaction and gives its connection back") {
                shouldThrow<TimeoutCancellationException> {
                    withTimeout(300) {
                        sessions.begin { session ->
                            session.add(KtoUser("ivy"))
                            session.flush()
                            delay(10_000)
                        }
                    }
                }
                userCount() shouldBe 0L
            }

            test("a session inside an engine transaction joins it") {
                shouldThrow<IllegalStateException> {
                    async.begin {
                        sessions.begin { session -> session.add(KtoUser("fay")) }
                        sessions.session { it.select<KtoUser>().count() } shouldBe 0L   // not committed yet
                        error("undo")
                    }
                }
                userCount() shouldBe 0L
            }

            test("a failing session inside an engine transaction undoes only its own work") {
                async.begin {
                    sessions.begin { session -> session.add(KtoUser("gus")) }
                    shouldThrow<IOException> {
                        sessions.begin { session ->
                            session.add(KtoUser("hal"))
                            session.flush()
                            throw IOException("inner")
                        }
                    }
                    sessions.begin { session -> session.select<KtoUser>().all().map { it.name } } shouldBe listOf("gus")
                }
                sessions.session { s -> s.select<KtoUser>().all().map { it.name } } shouldBe listOf("gus")
            }
        }
    }
})
