package org.tabula.kotlin

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.ints.shouldBeLessThanOrEqual
import io.kotest.matchers.longs.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeSameInstanceAs
import java.io.IOException
import java.util.concurrent.atomic.AtomicInteger
import kotlinx.coroutines.CancellationException
import kotlin.coroutines.AbstractCoroutineContextElement
import kotlin.coroutines.CoroutineContext
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.ThreadContextElement
import kotlinx.coroutines.TimeoutCancellationException
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.count
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import kotlinx.coroutines.withTimeout
import org.tabula.Sql
import org.tabula.engine.Engine
import org.tabula.engine.EngineOptions

/** Suspend transactions, streaming, cancellation and concurrency on every database. */
class CoroutinesSpec : FunSpec({

    for (db in KtDatabases.names()) {
        context(db) {
            val engine = KtDatabases.engine(db)
            val async = AsyncEngine(engine)
            val u = KtUsers

            beforeEach { KtDatabases.clean(engine) }

            suspend fun names(): List<String> = async.userNames()

            suspend fun awaitIdle(e: Engine = engine) = awaitPoolIdle(e)

            test("begin commits when the block returns and gives its value") {
                val id = async.begin { execute(u.insert { it[name] = "ann" }).insertedPrimaryKey()[u.id] }
                async.connect { execute(u.select(u.name).where { u.id eq id }).one()[u.name] } shouldBe "ann"
                awaitIdle()
            }

            test("calls of the block and of its child coroutines on one connection run one at a time") {
                val inside = AtomicInteger()
                val most = AtomicInteger()
                suspend fun AsyncConnection.counted(): Int = call {
                    most.accumulateAndGet(inside.incrementAndGet(), ::maxOf)
                    Thread.sleep(2)
                    inside.decrementAndGet()
                    it.execute(Sql.text("SELECT 1")).scalar<Number>()!!.toInt()
                }
                val total = async.begin {
                    val children = AtomicInteger()
                    coroutineScope {
                        repeat(4) {
                            // Children on the JDBC threads and elsewhere meet the block's own calls.
                            launch { repeat(5) { children.addAndGet(counted()) } }
                            launch(Dispatchers.Default) { repeat(5) { children.addAndGet(counted()) } }
                        }
                        var own = 0
                        repeat(10) { own += counted() }
                        own
                    } + children.get()
                }
                total shouldBe 50
                most.get() shouldBe 1
                awaitIdle()
            }

            test("an exception rolls back and the original exception is rethrown") {
                val boom = IllegalStateException("boom")
                val thrown = shouldThrow<IllegalStateException> {
                    async.begin {
                        execute(u.insert { it[name] = "ann" })
                        throw boom
                    }
                }
                original(thrown) shouldBeSameInstanceAs boom
                // A checked exception is not wrapped either.
                val io = IOException("disk")
                shouldThrow<IOException> {
                    engine.suspendTransaction {
                        execute(u.insert { it[name] = "bob" })
                        throw io
                    }
                }.let(::original) shouldBeSameInstanceAs io
                names() shouldBe emptyList()
                awaitIdle()
            }

            test("the block runs on the engine's bounded dispatcher, not the caller's") {
                val callerThread = Thread.currentThread()
                val blockThread = async.begin { Thread.currentThread() }
                (blockThread === callerThread) shouldBe false
                blockThread.name.startsWith("tabula-jdbc-") shouldBe true
                blockThread.isDaemon shouldBe true
            }

            test("a block started on one of the engine's JDBC threads runs there, and permits still bound the connections") {
                withContext(async.dispatcher) {
                    val here = Thread.currentThread()
                    here.name.startsWith("tabula-jdbc-") shouldBe true
                    async.connect { Thread.currentThread() } shouldBeSameInstanceAs here
                    async.begin { execute(u.insert { it[name] = "ann" }) }
                    // More blocks at once than connections: the permits, not the pool, make them wait.
                    val inside = AtomicInteger()
                    val most = AtomicInteger()
                    coroutineScope {
                        repeat(40) {
                            launch {
                                async.connect {
                                    most.accumulateAndGet(inside.incrementAndGet(), ::maxOf)
                                    delay(2)         // holds its connection while suspended
                                    inside.decrementAndGet()
                                    execute(u.select(u.name)).all().size
                                }
                            }
                        }
                    }
                    most.get() shouldBeLessThanOrEqual EngineLimits.of(engine).maxConnections
                }
                names() shouldBe listOf("ann")
                awaitIdle()
            }

            test("the caller's thread context elements (MDC, names) are set on the JDBC thread, and only there while the block runs") {
                val seen = async.begin {
                    val first = Tag.local.get()
                    delay(1)                     // resumed by the dispatcher: set again
                    first to Tag.local.get()
                }
                seen shouldBe (null to null)     // no element in the caller's context
                withContext(Tag("request-7")) {
                    val inside = async.connect {
                        val first = Tag.local.get() to Thread.currentThread()
                        delay(1)
                        listOf(first.first, Tag.local.get(), first.second.name.startsWith("tabula-jdbc-"))
                    }
                    inside shouldBe listOf("request-7", "request-7", true)
                }
                // Restored on the JDBC threads afterwards: a block without the element sees none.
                async.dispatcher.let { d -> withContext(d) { Tag.local.get() } } shouldBe null
            }

            test("a cancelled caller resumes only after the rollback and the connection's return") {
                shouldThrow<TimeoutCancellationException> {
                    withTimeout(200) {
                        async.begin {
                            execute(u.insert { it[name] = "late" })
                            delay(10_000)
                        }
                    }
                }
                engine.poolStatus().active shouldBe 0      // no waiting: already returned
                names() shouldBe emptyList()
            }

            test("nested calls join the transaction; nested = true uses a savepoint") {
                async.begin {
                    val outer = this
                    execute(u.insert { it[name] = "ann" })
                    engine.suspendTransaction {
                        (this === outer) shouldBe true
                        execute(u.insert { it[name] = "bob" })
                    }
                    shouldThrow<IllegalArgumentException> {
                        async.begin(nested = true) {
                            execute(u.insert { it[name] = "cid" })
                            throw IllegalArgumentException("undo cid only")
                        }
                    }
                    savepoint { execute(u.insert { it[name] = "dan" }) }
                }
                names() shouldBe listOf("ann", "bob", "dan")
                awaitIdle()
            }

            test("connect is commit as you go: what is not committed is rolled back") {
                async.connect {
                    execute(u.insert { it[name] = "ann" })
                    commit()
                    execute(u.insert { it[name] = "bob" })
                }
                names() shouldBe listOf("ann")
            }

            test("Flow<Row> streams a large result in bounded chunks and frees the connection") {
                async.begin {
                    batchInsert(u, 1..2500) { row, i -> row[name] = "user $i"; row[age] = i }
                }
                async.stream(u.select(u.id, u.age), fetchSize = 100).count() shouldBe 2500
                async.stream(u.select(u.age).orderBy(u.age to SortOrder.ASC), fetchSize = 50)
                    .map { it[u.age] }.take(3).toList() shouldBe listOf(1, 2, 3)
                async.stream(u.selectAll().orderBy(u.id to SortOrder.ASC), fetchSize = 10).mapTo<UserDto>()
                    .take(2).toList().map { it.name } shouldBe listOf("user 1", "user 2")
                awaitIdle()
                async.begin {
                    var seen = 0
                    stream(u.selectAll(), fetchSize = 64).collect { seen++ }
                    seen
                } shouldBe 2500
                awaitIdle()
            }

            test("1,000 coroutines share a pool of 10 without deadlock") {
                val small = KtDatabases.newEngine(db, EngineOptions.defaults().poolSize(10).maxOverflow(0))
                try {
                    val smallAsync = AsyncEngine(small)
                    val done = AtomicInteger()
                    val inside = AtomicInteger()
                    val mostInside = AtomicInteger()
                    coroutineScope {
                        repeat(1000) { i ->
                            launch(Dispatchers.Default) {
                                smallAsync.begin {
                                    mostInside.accumulateAndGet(inside.incrementAndGet(), ::maxOf)
                                    execute(u.insert { it[name] = "c$i" })
                                    delay(1) // suspending while holding a connection must not starve the others
                                    execute(u.select(count())).scalarOne<Long>()
                                    inside.decrementAndGet()
                                }
                                done.incrementAndGet()
                            }
                        }
                    }
                    done.get() shouldBe 1000
                    smallAsync.execute(u.select(count())).scalarOne<Long>() shouldBe 1000L
                    small.poolStatus().total shouldBeLessThanOrEqual 10
                    // Coroutines wait for a connection suspended, never more at once than the pool holds.
                    mostInside.get() shouldBeLessThanOrEqual 10
                    awaitIdle(small)
                } finally {
                    small.close()
                }
            }

            if (db != "sqlite") {
                val sleep = if (db == "postgresql") "SELECT pg_sleep(5)" else "SELECT SLEEP(5)"

                test("cancelling the coroutine cancels the running statement and rolls back") {
                    val started = System.nanoTime()
                    coroutineScope {
                        val job = launch {
                            async.begin {
                                execute(u.insert { it[name] = "cancelled" })
                                execute(Sql.text(sleep))
                            }
                        }
                        delay(100)
                        job.cancelAndJoin()
                    }
                    (System.nanoTime() - started) / 1_000_000 shouldBeLessThan 2500L
                    names() shouldBe emptyList()
                    awaitIdle()
                }

                test("withTimeout cancels the statement, rolls back and throws the timeout") {
                    val started = System.nanoTime()
                    shouldThrow<TimeoutCancellationException> {
                        withTimeout(150) {
                            engine.suspendTransaction {
                                execute(u.insert { it[name] = "timed out" })
                                execute(Sql.text(sleep))
                            }
                        }
                    }
                    (System.nanoTime() - started) / 1_000_000 shouldBeLessThan 2500L
                    names() shouldBe emptyList()
                    awaitIdle()
                }

                test("cancelling a stream mid-query frees the connection") {
                    val started = System.nanoTime()
                    shouldThrow<CancellationException> {
                        withTimeout(150) { async.stream(Sql.text(sleep)).count() }
                    }
                    (System.nanoTime() - started) / 1_000_000 shouldBeLessThan 2500L
                    awaitIdle()
                }
            }

            test("closing the engine stops its JDBC threads; later calls say the engine is closed") {
                val own = AsyncEngine(KtDatabases.newEngine(db, EngineOptions.defaults().poolSize(2)))
                val thread = own.connect { Thread.currentThread() }
                own.close()
                thread.join(5_000)
                thread.isAlive shouldBe false
                shouldThrow<IllegalStateException> { own.begin { } }.message shouldBe "$own is closed"
                shouldThrow<IllegalStateException> { own.stream(Sql.text("SELECT 1")).count() }
                    .message shouldBe "$own is closed"
            }

            test("the connection is usable after a cancelled transaction") {
                withContext(Dispatchers.Default) {
                    async.begin { execute(u.insert { it[name] = "after" }) }
                }
                names() shouldBe listOf("after")
            }
        }
    }
})

/** A [ThreadContextElement] like SLF4J's `MDCContext`: sets [local] on the thread the coroutine runs on. */
private class Tag(private val value: String) : ThreadContextElement<String?>, AbstractCoroutineContextElement(Key) {
    companion object Key : CoroutineContext.Key<Tag> {
        val local = ThreadLocal<String?>()
    }

    override fun updateThreadContext(context: CoroutineContext): String? = local.get().also { local.set(value) }

    override fun restoreThreadContext(context: CoroutineContext, oldState: String?) = local.set(oldState)
}
