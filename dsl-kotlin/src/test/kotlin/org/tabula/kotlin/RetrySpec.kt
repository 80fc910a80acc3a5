package org.tabula.kotlin

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import java.time.Duration
import java.util.concurrent.atomic.AtomicInteger
import org.tabula.Sql
import org.tabula.engine.Connection
import org.tabula.engine.RetryPolicy

/** `begin(retry = ...)`: the block runs again when the database aborts it, and only then. */
class RetrySpec : FunSpec({

    for (db in KtDatabases.names()) {
        context(db) {
            val engine = KtDatabases.engine(db)
            val async = AsyncEngine(engine)
            val u = KtUsers
            val policy = RetryPolicy.attempts(3).backoff(Duration.ofMillis(1), Duration.ofMillis(5))

            beforeEach { KtDatabases.clean(engine) }

            /**
             * An increment of [id]'s age that the database aborts on the first run: another
             * connection changes the row after this transaction read it (PostgreSQL under
             * REPEATABLE READ: 40001; SQLite: busy snapshot) or holds its lock past a one-second
             * wait (MariaDB: 1205).
             */
            fun AsyncConnection.increment(id: Long, other: Connection, first: Boolean) {
                if (db == "postgresql") {
                    connection.execute(Sql.text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
                }
                val seen = connection.execute(u.select(u.age).where { u.id eq id }).scalarOne()!!
                if (db == "mysql") {
                    if (first) {
                        other.execute(u.update({ u.id eq id }) { it[age] = -1 })   // held, not committed
                    } else {
                        other.rollback()
                    }
                    connection.execute(Sql.text("SET STATEMENT innodb_lock_wait_timeout = 1 FOR UPDATE kt_users" +
                        " SET age = ${seen + 1} WHERE id = $id"))
                    return
                }
                if (first) {
                    other.execute(u.update({ u.id eq id }) { it[age] = 100 })
                    other.commit()
                }
                connection.execute(u.update({ u.id eq id }) { it[age] = seen + 1 })
            }

            test("a transaction the database aborts runs again; its effect is applied once") {
                val id = async.begin { execute(u.insert { it[name] = "ann"; it[age] = 0 }).insertedPrimaryKey()[u.id] }
                val runs = AtomicInteger()
                engine.connect().use { other ->
                    async.begin(retry = policy) { increment(id, other, runs.incrementAndGet() == 1) }
                }
                runs.get() shouldBe 2
                async.begin { execute(u.select(u.age).where { u.id eq id }).scalarOne()!! } shouldBe
                    if (db == "mysql") 1 else 101
            }

            test("any other failure is thrown at once, and a joined block leaves the retry to its outer one") {
                val runs = AtomicInteger()
                shouldThrow<IllegalStateException> {
                    async.begin(retry = policy) {
                        runs.incrementAndGet()
                        throw IllegalStateException("the application's own")
                    }
                }
                runs.get() shouldBe 1
                val id = async.begin { execute(u.insert { it[name] = "bob"; it[age] = 0 }).insertedPrimaryKey()[u.id] }
                val inner = AtomicInteger()
                engine.connect().use { other ->
                    async.begin(retry = policy) {
                        val first = runs.incrementAndGet() == 2
                        async.begin(retry = RetryPolicy.attempts(10)) {
                            inner.incrementAndGet()
                            increment(id, other, first)
                        }
                    }
                }
                runs.get() shouldBe 3
                inner.get() shouldBe 2
            }
        }
    }
})
