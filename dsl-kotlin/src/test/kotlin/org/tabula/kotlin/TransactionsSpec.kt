package org.tabula.kotlin

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeInstanceOf
import io.kotest.matchers.types.shouldBeSameInstanceAs
import java.time.Duration
import kotlinx.coroutines.TimeoutCancellationException
import kotlinx.coroutines.delay
import kotlinx.coroutines.withTimeout
import org.tabula.engine.Engine
import org.tabula.engine.EngineOptions
import org.tabula.engine.Isolation
import org.tabula.engine.Propagation
import org.tabula.engine.TransactionOptions
import org.tabula.error.OperationalException
import org.tabula.error.ReadOnlyTransactionException
import org.tabula.error.TransactionAbortedException
import org.tabula.error.TransactionRolledBackException
import org.tabula.error.TransactionStateException
import org.tabula.error.UniqueViolationException

/** The cause a TransactionRolledBackException names, past a recovery copy. */
private fun causeOf(e: TransactionRolledBackException): Throwable? = original(e).cause

/**
 * Transactions you can trust, from coroutines: a swallowed failure, savepoints, isolation,
 * read-only and the five propagations, on every database. The current transaction is the one in
 * the coroutine context.
 *
 * SQLite file databases use the rollback journal, where a second connection cannot commit while
 * the first holds a read or write transaction: the REQUIRES_NEW scenarios there let the outer
 * transaction start only after the inner one ended, and the isolation snapshot scenarios (which
 * need a concurrent writer) run on MariaDB and PostgreSQL only.
 */
class TransactionsSpec : FunSpec({

    for (db in KtDatabases.names()) {
        context(db) {
            val engine = KtDatabases.engine(db)
            val async = AsyncEngine(engine)
            val u = KtUsers

            beforeEach { KtDatabases.clean(engine) }

            suspend fun names(): List<String> = async.userNames()

            suspend fun awaitIdle(e: Engine = engine) = awaitPoolIdle(e)

            /** Inserts [name], then swallows a unique violation: the program returns normally. */
            suspend fun AsyncConnection.insertThenSwallowClash(name: String) {
                val id = execute(u.insert { it[u.name] = name }).insertedPrimaryKey()[u.id]
                try {
                    execute(u.insert { it[u.id] = id; it[u.name] = "clash" })
                } catch (swallowed: UniqueViolationException) {
                    // ignored on purpose
                }
            }

            test("a swallowed failure ends begin and suspendTransaction with TransactionRolledBackException, nothing written") {
                val e = shouldThrow<TransactionRolledBackException> { async.begin { insertThenSwallowClash("ann") } }
                causeOf(e).shouldBeInstanceOf<UniqueViolationException>()
                e.message!! shouldContain "rolled back"
                e.message!! shouldContain "UniqueViolationException"
                names() shouldBe emptyList()

                shouldThrow<TransactionRolledBackException> {
                    engine.suspendTransaction {
                        insertThenSwallowClash("bob")
                        42
                    }
                }
                names() shouldBe emptyList()

                // Later statements of the doomed transaction are refused.
                shouldThrow<TransactionAbortedException> {
                    async.begin {
                        insertThenSwallowClash("cid")
                        execute(u.insert { it[name] = "dan" })
                    }
                }
                names() shouldBe emptyList()
                awaitIdle()
            }

            test("a failure swallowed in a joined block dooms the outer transaction") {
                shouldThrow<TransactionRolledBackException> {
                    async.begin {
                        execute(u.insert { it[name] = "ann" })
                        engine.suspendTransaction { insertThenSwallowClash("bob") }
                    }
                }
                names() shouldBe emptyList()
            }

            test("begin(nested = true) and savepoints are the way to go on after an expected failure") {
                async.begin {
                    execute(u.insert { it[name] = "ann" })
                    val annId = execute(u.select(u.id)).scalarOne<Long>()
                    shouldThrow<UniqueViolationException> {
                        async.begin(nested = true) { execute(u.insert { it[id] = annId; it[name] = "clash" }) }
                    }
                    // A savepoint whose block swallowed its failure rolls back alone, and says so.
                    shouldThrow<TransactionRolledBackException> {
                        async.begin(nested = true) { insertThenSwallowClash("bob") }
                    }
                    shouldThrow<TransactionRolledBackException> {
                        savepoint { insertThenSwallowClash("cid") }
                    }.let(::causeOf).shouldBeInstanceOf<UniqueViolationException>()
                    shouldThrow<UniqueViolationException> {
                        engine.suspendTransaction(propagation = Propagation.NESTED) {
                            execute(u.insert { it[name] = "dan" })
                            execute(u.insert { it[id] = annId; it[name] = "clash" })
                        }
                    }
                    connection.isRollbackOnly shouldBe false
                    execute(u.insert { it[name] = "eve" })
                }
                names() shouldBe listOf("ann", "eve")
                awaitIdle()
            }

            test("REQUIRED joins the current transaction; a joined block that throws marks it rollback-only") {
                async.currentTransaction() shouldBe null
                shouldThrow<IllegalStateException> {
                    async.begin {
                        val outer = this
                        async.currentTransaction() shouldBeSameInstanceAs outer
                        execute(u.insert { it[name] = "ann" })
                        async.begin(propagation = Propagation.REQUIRED) {
                            (this === outer) shouldBe true
                            execute(u.insert { it[name] = "bob" })
                        }
                        error("the outer block fails after the inner one returned")
                    }
                }
                names() shouldBe emptyList()

                val e = shouldThrow<TransactionRolledBackException> {
                    async.begin {
                        execute(u.insert { it[name] = "cid" })
                        try {
                            engine.suspendTransaction {
                                execute(u.insert { it[name] = "dan" })
                                throw IllegalArgumentException("inner business rule")
                            }
                        } catch (caught: IllegalArgumentException) {
                            connection.isRollbackOnly shouldBe true   // the outer block goes on, but cannot commit
                        }
                        execute(u.insert { it[name] = "eve" })
                    }
                }
                causeOf(e).shouldBeInstanceOf<IllegalArgumentException>()
                names() shouldBe emptyList()
                async.currentTransaction() shouldBe null
                awaitIdle()
            }

            test("REQUIRES_NEW commits on a connection of its own and suspends the outer transaction") {
                shouldThrow<IllegalStateException> {
                    async.begin {
                        val outer = this
                        if (db != "sqlite") {
                            // SQLite's rollback journal lets no second connection commit while this one has begun.
                            execute(u.insert { it[name] = "outer before" })
                        }
                        async.begin(propagation = Propagation.REQUIRES_NEW) {
                            (this === outer) shouldBe false
                            async.currentTransaction() shouldBeSameInstanceAs this
                            execute(u.insert { it[name] = "audit" })
                        }
                        async.currentTransaction() shouldBeSameInstanceAs outer
                        execute(u.insert { it[name] = "outer after" })
                        error("the outer transaction fails")
                    }
                }
                names() shouldBe listOf("audit")

                // The inner one rolls back alone, and the outer one commits.
                async.begin {
                    shouldThrow<IllegalArgumentException> {
                        engine.suspendTransaction(propagation = Propagation.REQUIRES_NEW) {
                            execute(u.insert { it[name] = "undone" })
                            throw IllegalArgumentException("inner fails")
                        }
                    }
                    connection.isRollbackOnly shouldBe false
                    execute(u.insert { it[name] = "kept" })
                }
                names() shouldBe listOf("audit", "kept")
                awaitIdle()
            }

            test("REQUIRES_NEW on an exhausted pool ends after the connection timeout, never hangs") {
                val small = KtDatabases.newEngine(
                    db,
                    EngineOptions.defaults().poolSize(1).maxOverflow(0).connectionTimeout(Duration.ofMillis(300)),
                )
                try {
                    val smallAsync = AsyncEngine(small)
                    val e = shouldThrow<OperationalException> {
                        withTimeout(20_000) {   // a hang fails the test instead of blocking the build
                            smallAsync.begin {
                                smallAsync.begin(propagation = Propagation.REQUIRES_NEW) { execute(u.insert { it[name] = "never" }) }
                            }
                        }
                    }
                    e.message!! shouldContain "connection"
                    awaitIdle(small)
                    smallAsync.begin { execute(u.insert { it[name] = "after" }) }
                    names() shouldBe listOf("after")
                } finally {
                    small.close()
                }
            }

            test("NESTED runs in a savepoint, or starts a transaction when there is none") {
                async.begin {
                    execute(u.insert { it[name] = "ann" })
                    shouldThrow<IllegalStateException> {
                        async.begin(propagation = Propagation.NESTED) {
                            execute(u.insert { it[name] = "bob" })
                            error("inner fails")
                        }
                    }
                    async.begin(propagation = Propagation.NESTED) { execute(u.insert { it[name] = "cid" }) }
                }
                names() shouldBe listOf("ann", "cid")
                async.begin(TransactionOptions.propagation(Propagation.NESTED)) { execute(u.insert { it[name] = "dan" }) }
                names() shouldBe listOf("ann", "cid", "dan")
            }

            test("MANDATORY needs a current transaction, NEVER refuses one") {
                shouldThrow<TransactionStateException> {
                    async.begin(propagation = Propagation.MANDATORY) { execute(u.insert { it[name] = "ann" }) }
                }.message!! shouldContain "MANDATORY"
                async.begin {
                    async.begin(propagation = Propagation.MANDATORY) { execute(u.insert { it[name] = "bob" }) }
                    shouldThrow<TransactionStateException> {
                        engine.suspendTransaction(propagation = Propagation.NEVER) { execute(u.insert { it[name] = "cid" }) }
                    }
                }
                async.begin(propagation = Propagation.NEVER) { execute(u.insert { it[name] = "dan" }) }
                names() shouldBe listOf("bob", "dan")
                shouldThrow<IllegalArgumentException> { async.begin(nested = true, propagation = Propagation.REQUIRED) { } }
            }

            test("joining with another isolation or read-only flag is an error, and a refused join never ran") {
                async.begin(isolation = Isolation.SERIALIZABLE) {
                    connection.isolation() shouldBe Isolation.SERIALIZABLE
                    async.begin(isolation = Isolation.SERIALIZABLE) { execute(u.insert { it[name] = "ann" }) }
                    shouldThrow<TransactionStateException> {
                        async.begin(isolation = Isolation.READ_COMMITTED) { execute(u.insert { it[name] = "bob" }) }
                    }
                    shouldThrow<TransactionStateException> {
                        async.begin(nested = true, readOnly = true) { execute(u.insert { it[name] = "cid" }) }
                    }
                }
                names() shouldBe listOf("ann")
            }

            test("a read-only transaction refuses a write with ReadOnlyTransactionException and leaves the pool writable") {
                async.begin { execute(u.insert { it[name] = "ann" }) }
                shouldThrow<ReadOnlyTransactionException> {
                    async.begin(readOnly = true) { execute(u.insert { it[name] = "bob" }) }
                }
                shouldThrow<ReadOnlyTransactionException> {
                    engine.suspendTransaction(TransactionOptions.readOnlyTransaction()) {
                        execute(u.update({ u.name eq "ann" }) { it[age] = 40 })
                    }
                }
                async.begin(readOnly = true) {
                    connection.isReadOnly shouldBe true
                    execute(u.select(u.name)).scalars<String>()
                } shouldBe listOf("ann")
                // Every pooled connection is writable again: more transactions than the pool has idle connections.
                repeat(5) { i -> async.begin { execute(u.insert { it[name] = "w$i" }) } }
                names() shouldBe listOf("ann", "w0", "w1", "w2", "w3", "w4")
                awaitIdle()
            }

            test("cancellation rolls back a transaction begun with options, and a REQUIRES_NEW one inside") {
                shouldThrow<TimeoutCancellationException> {
                    withTimeout(300) {
                        async.begin(isolation = Isolation.SERIALIZABLE, readOnly = false) {
                            async.begin(propagation = Propagation.REQUIRES_NEW) {
                                execute(u.insert { it[name] = "inner" })
                                delay(10_000)
                            }
                        }
                    }
                }
                names() shouldBe emptyList()
                awaitIdle()
            }

            if (db == "sqlite") {
                test("SQLite accepts every isolation level and runs it as serializable") {
                    for (level in Isolation.values()) {
                        async.begin(isolation = level) {
                            connection.isolation() shouldBe level
                            execute(u.insert { it[name] = level.name })
                        }
                    }
                    names().size shouldBe Isolation.values().size
                }
            } else {
                /** What the transaction reads of a change another connection commits in the middle of it. */
                suspend fun ageAfterOutsideCommit(isolation: Isolation): Int {
                    async.begin { execute(u.update({ u.name eq "ann" }) { it[age] = 30 }) }
                    return async.begin(isolation = isolation) {
                        connection.isolation() shouldBe isolation
                        execute(u.select(u.age).where { u.name eq "ann" }).scalarOne()!! shouldBe 30   // the snapshot starts here
                        async.connect {
                            execute(u.update({ u.name eq "ann" }) { it[age] = 31 })
                            commit()
                        }
                        execute(u.select(u.age).where { u.name eq "ann" }).scalarOne()!!
                    }
                }

                test("REPEATABLE READ keeps the snapshot, READ COMMITTED sees another connection's commit") {
                    async.begin { execute(u.insert { it[name] = "ann"; it[age] = 30 }) }
                    ageAfterOutsideCommit(Isolation.REPEATABLE_READ) shouldBe 30
                    ageAfterOutsideCommit(Isolation.READ_COMMITTED) shouldBe 31
                    async.begin { execute(u.select(u.age).where { u.name eq "ann" }).scalarOne()!! } shouldBe 31
                    awaitIdle()
                }
            }
        }
    }
})
