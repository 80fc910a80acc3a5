package org.tabula.kotlin.orm

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf
import org.tabula.engine.Isolation
import org.tabula.engine.Propagation
import org.tabula.engine.TransactionOptions
import org.tabula.error.ReadOnlyTransactionException
import org.tabula.error.TransactionRolledBackException
import org.tabula.error.TransactionStateException
import org.tabula.error.UniqueViolationException
import org.tabula.kotlin.AsyncEngine
import org.tabula.kotlin.KtDatabases
import org.tabula.kotlin.SortOrder
import org.tabula.kotlin.eq
import org.tabula.kotlin.insert
import org.tabula.kotlin.original
import org.tabula.kotlin.update

/**
 * Coroutine sessions with the transaction rules of the Core: a swallowed failure, isolation,
 * read-only and propagation, on every database. As in TransactionsSpec, SQLite's rollback journal
 * lets no second connection commit while a first one has begun, so the REQUIRES_NEW scenario
 * there starts the outer transaction after the inner one, and the isolation snapshot scenario
 * runs on MariaDB and PostgreSQL only.
 */
class AsyncSessionTransactionsSpec : FunSpec({

    for (db in KtDatabases.names()) {
        context(db) {
            val engine = KtDatabases.engine(db)
            val async = AsyncEngine(engine)
            val sessions = async.sessionFactory()
            KtoTables.create(engine)
            val users = table<KtoUser>()
            val userId = column<KtoUser, Long>("id")
            val userName = column<KtoUser, String>("name")
            val userAge = column<KtoUser, Int?>("age")

            beforeEach { KtoTables.clear(async) }

            suspend fun names(): List<String> =
                sessions.session { s -> s.select<KtoUser>().orderBy(userName to SortOrder.ASC).all().map { it.name } }

            /** Adds and flushes [who], then swallows a unique violation on its key. */
            suspend fun AsyncSession.addThenSwallowClash(who: String) {
                val user = KtoUser(who)
                add(user)
                flush()
                try {
                    execute(users.insert { it[userId] = user.id!!; it[userName] = "clash" })
                } catch (swallowed: UniqueViolationException) {
                    // ignored on purpose
                }
            }

            test("a swallowed failure ends sessions.begin with TransactionRolledBackException, nothing written") {
                val e = shouldThrow<TransactionRolledBackException> { sessions.begin { s -> s.addThenSwallowClash("ann") } }
                original(e).cause.shouldBeInstanceOf<UniqueViolationException>()
                names() shouldBe emptyList()
            }

            test("a nested session (the default inside a transaction) that swallowed a failure rolls back alone") {
                sessions.begin { outer ->
                    outer.add(KtoUser("ann"))
                    shouldThrow<TransactionRolledBackException> { sessions.begin { s -> s.addThenSwallowClash("bob") } }
                    outer.add(KtoUser("cid"))
                }
                names() shouldBe listOf("ann", "cid")
            }

            test("a REQUIRED session that throws marks the outer transaction rollback-only") {
                val e = shouldThrow<TransactionRolledBackException> {
                    async.begin {
                        sessions.begin { s -> s.add(KtoUser("ann")) }
                        try {
                            sessions.begin(propagation = Propagation.REQUIRED) { s ->
                                s.add(KtoUser("bob"))
                                s.flush()
                                throw IllegalArgumentException("inner business rule")
                            }
                        } catch (caught: IllegalArgumentException) {
                            connection.isRollbackOnly shouldBe true
                        }
                    }
                }
                original(e).cause.shouldBeInstanceOf<IllegalArgumentException>()
                names() shouldBe emptyList()
            }

            test("a REQUIRES_NEW session commits on its own; MANDATORY and NEVER check the current transaction") {
                shouldThrow<IllegalStateException> {
                    sessions.begin { outer ->
                        sessions.begin(propagation = Propagation.REQUIRES_NEW) { s -> s.add(KtoUser("audit")) }
                        outer.add(KtoUser("order"))   // after the inner one committed: SQLite allows one writer at a time
                        outer.flush()
                        error("the order fails")
                    }
                }
                names() shouldBe listOf("audit")
                shouldThrow<TransactionStateException> {
                    sessions.begin(propagation = Propagation.MANDATORY) { s -> s.add(KtoUser("ann")) }
                }
                async.begin {
                    sessions.begin(propagation = Propagation.MANDATORY) { s -> s.add(KtoUser("bob")) }
                    shouldThrow<TransactionStateException> {
                        sessions.begin(propagation = Propagation.NEVER) { s -> s.add(KtoUser("cid")) }
                    }
                }
                names() shouldBe listOf("audit", "bob")
            }

            test("a read-only session refuses to write, with ReadOnlyTransactionException, and reads") {
                val annId = sessions.begin { s -> KtoUser("ann", 30).also { s.add(it); s.flush() }.id!! }
                shouldThrow<ReadOnlyTransactionException> {
                    sessions.begin(readOnly = true) { s -> s.getOne<KtoUser>(annId).age = 40 }
                }
                sessions.begin(TransactionOptions.readOnlyTransaction()) { s -> s.getOne<KtoUser>(annId).age } shouldBe 30
                sessions.begin { s -> s.getOne<KtoUser>(annId).age = 41 }
                sessions.begin { s -> s.getOne<KtoUser>(annId).age } shouldBe 41
            }

            if (db == "sqlite") {
                test("SQLite sessions accept every isolation level") {
                    for (level in Isolation.values()) {
                        sessions.begin(isolation = level) { s ->
                            s.connection.connection.isolation() shouldBe level
                            s.add(KtoUser(level.name))
                        }
                    }
                    names().size shouldBe Isolation.values().size
                }
            } else {
                /** What refresh() sees of a change another connection commits during the transaction. */
                suspend fun ageAfterRefresh(annId: Long, isolation: Isolation): Int? {
                    async.begin { execute(users.update({ userId eq annId }) { it[userAge] = 30 }) }
                    return sessions.begin(isolation = isolation) { s ->
                        val ann = s.getOne<KtoUser>(annId)   // the snapshot starts here
                        ann.age shouldBe 30
                        async.connect {
                            execute(users.update({ userId eq annId }) { it[userAge] = 31 })
                            commit()
                        }
                        s.refresh(ann)
                        ann.age
                    }
                }

                test("refresh keeps the snapshot under REPEATABLE READ and sees the change under READ COMMITTED") {
                    val annId = sessions.begin { s -> KtoUser("ann", 30).also { s.add(it); s.flush() }.id!! }
                    ageAfterRefresh(annId, Isolation.REPEATABLE_READ) shouldBe 30
                    ageAfterRefresh(annId, Isolation.READ_COMMITTED) shouldBe 31
                }
            }
        }
    }
})
