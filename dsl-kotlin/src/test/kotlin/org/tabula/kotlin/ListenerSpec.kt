package org.tabula.kotlin

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.longs.shouldBeGreaterThanOrEqual
import io.kotest.matchers.shouldBe
import java.time.Duration
import java.util.concurrent.CopyOnWriteArrayList
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.async
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.flow.toList
import org.tabula.Sql
import org.tabula.engine.ConnectionEvent
import org.tabula.engine.EngineListener
import org.tabula.engine.EngineOptions
import org.tabula.engine.StatementEvent
import org.tabula.engine.TransactionEvent
import org.tabula.error.DatabaseException
import org.tabula.error.PoolTimeoutException

/** Every event as a short line, to compare the Java and the coroutine paths. */
private class Recorder : EngineListener {
    val lines: MutableList<String> = CopyOnWriteArrayList()
    val waits: MutableList<Long> = CopyOnWriteArrayList()

    override fun connectionAcquired(event: ConnectionEvent) { lines += "acquired" }
    override fun connectionFailed(event: ConnectionEvent) {
        waits += event.waitTime().toMillis()
        lines += "connectFailed ${event.failure()!!.javaClass.simpleName}"
    }
    override fun connectionReleased(event: ConnectionEvent) { lines += "released" }
    override fun beforeExecute(event: StatementEvent) { lines += "before ${event.operation()} ${event.parameters()}" }
    override fun afterExecute(event: StatementEvent) {
        lines += "after ${event.operation()} " +
            (if (event.failure() != null) "failed" else "rows=${event.rows()}") +
            (if (event.batchSize() > 1) " batch=${event.batchSize()}" else "")
    }
    override fun begin(event: TransactionEvent) { lines += "begin" }
    override fun commit(event: TransactionEvent) { lines += "commit" }
    override fun rollback(event: TransactionEvent) { lines += "rollback" + (event.failure()?.let { " ${it.javaClass.simpleName}" } ?: "") }
    override fun savepoint(event: TransactionEvent) { lines += "savepoint" }
    override fun savepointReleased(event: TransactionEvent) { lines += "release savepoint" }
    override fun savepointRolledBack(event: TransactionEvent) { lines += "rollback savepoint" }
}

/**
 * The listener SPI from coroutines: AsyncEngine and AsyncConnection reach JDBC through the same
 * Java connections, so the same work reports the same events as Java's Engine, on every database.
 */
class ListenerSpec : FunSpec({

    for (db in KtDatabases.names()) {
        context(db) {
            KtDatabases.engine(db) // creates the kt_ tables
            val recorder = Recorder()
            val engine = KtDatabases.newEngine(db, EngineOptions.defaults().poolSize(1).maxOverflow(0)
                .connectionTimeout(Duration.ofMillis(300)).listener(recorder))
            val async = AsyncEngine(engine)
            val u = KtUsers
            afterSpec { engine.close() }

            beforeEach {
                KtDatabases.clean(KtDatabases.engine(db))
                recorder.lines.clear()
            }

            test("a transaction with savepoints, executemany and a failure reports what Java reports") {
                val javaLines = run {
                    engine.begin { conn ->
                        conn.execute(u.insert { it[name] = "ann" })
                        conn.execute(u.select(u.name).where { u.name eq "ann" })
                        conn.nested { c -> c.execute(u.update({ u.name eq "ann" }) { it[age] = 3 }) }
                        runCatching { conn.nested { c -> c.execute(Sql.text("SELECT * FROM kt_no_such_table")) } }
                        conn.execute(Sql.insert(u), listOf(mapOf("name" to "b"), mapOf("name" to "c")))
                    }
                    shouldThrow<IllegalStateException> {
                        engine.begin { conn ->
                            conn.execute(u.insert { it[name] = "dee" })
                            throw IllegalStateException("no")
                        }
                    }
                    recorder.lines.toList()
                }
                javaLines shouldBe listOf(
                    "acquired", "begin", "before insert [ann]", "after insert rows=1",
                    "before select [ann]", "after select rows=1",
                    "savepoint", "before update [3, ann]", "after update rows=1", "release savepoint",
                    "savepoint", "before text []", "after text failed", "rollback savepoint",
                    "before insert [b]", "after insert rows=2 batch=2", "commit", "released",
                    "acquired", "begin", "before insert [dee]", "after insert rows=1",
                    "rollback IllegalStateException", "released",
                )
                KtDatabases.clean(KtDatabases.engine(db))
                recorder.lines.clear()

                async.begin {
                    execute(u.insert { it[name] = "ann" })
                    execute(u.select(u.name).where { u.name eq "ann" })
                    savepoint { execute(u.update({ u.name eq "ann" }) { it[age] = 3 }) }
                    runCatching { savepoint { execute(Sql.text("SELECT * FROM kt_no_such_table")) } }
                    executeMany(Sql.insert(u), listOf(mapOf("name" to "b"), mapOf("name" to "c")))
                }
                shouldThrow<IllegalStateException> {
                    async.begin {
                        execute(u.insert { it[name] = "dee" })
                        throw IllegalStateException("no")
                    }
                }
                recorder.lines shouldBe javaLines
            }

            test("a database error reports the failed statement and the rollback with its cause") {
                val e = shouldThrow<DatabaseException> {
                    async.begin { execute(Sql.text("SELECT * FROM kt_no_such_table")) }
                }
                recorder.lines shouldBe listOf(
                    "acquired", "begin", "before text []", "after text failed",
                    "rollback ${original(e).javaClass.simpleName}", "released",
                )
            }

            test("a stream reports its statement and the connection") {
                async.begin { execute(u.insert { it[name] = "ann" }) }
                recorder.lines.clear()
                async.stream(u.select(u.name), fetchSize = 10).toList().size shouldBe 1
                recorder.lines shouldBe listOf("acquired", "begin", "before select []", "after select rows=-1", "rollback", "released")
            }

            test("a coroutine that waits in vain for a connection is reported like Java's pool timeout") {
                coroutineScope {
                    val holding = CompletableDeferred<Unit>()
                    val release = CompletableDeferred<Unit>()
                    val holder = async {
                        async.connect {
                            holding.complete(Unit)
                            release.await()
                        }
                    }
                    holding.await()
                    shouldThrow<PoolTimeoutException> { async.connect { } }
                    release.complete(Unit)
                    holder.await()
                }
                recorder.lines shouldBe listOf("acquired", "connectFailed PoolTimeoutException", "released")
                recorder.waits.last() shouldBeGreaterThanOrEqual 250L
            }
        }
    }
})
