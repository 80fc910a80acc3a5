package org.tabula.kotlin

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.longs.shouldBeGreaterThanOrEqual
import io.kotest.matchers.longs.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import java.time.Duration
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.count
import kotlinx.coroutines.launch
import org.tabula.engine.EngineOptions
import org.tabula.error.PoolTimeoutException

/** No wait for a connection outlasts the engine's connection timeout, and no wait leaks a permit. */
class PoolTimeoutSpec : FunSpec({

    // A wait that never ends fails here, not at the build's limit.
    timeout = 60_000L

    for (db in KtDatabases.names()) {
        context(db) {
            val shared = KtDatabases.engine(db) // creates the kt_ tables
            val u = KtUsers

            beforeEach { KtDatabases.clean(shared) }

            /** An engine of one connection that gives up waiting after 300 ms. */
            suspend fun withPoolOfOne(test: suspend (AsyncEngine, EngineLimits) -> Unit) {
                val options = EngineOptions.defaults().poolSize(1).maxOverflow(0)
                    .connectionTimeout(Duration.ofMillis(300)).poolName("kt-one-$db")
                val small = AsyncEngine(KtDatabases.newEngine(db, options))
                try {
                    test(small, EngineLimits.of(small.engine))
                } finally {
                    small.close()
                }
            }

            test("begin { connect { } } on a pool of one fails with PoolTimeoutException after the timeout") {
                withPoolOfOne { small, limits ->
                    val started = System.nanoTime()
                    val e = shouldThrow<PoolTimeoutException> {
                        small.begin {
                            execute(u.insert { it[name] = "ann" })
                            small.connect { }
                        }
                    }
                    val waited = (System.nanoTime() - started) / 1_000_000
                    waited shouldBeGreaterThanOrEqual 300L
                    waited shouldBeLessThan 10_000L
                    e.pool() shouldBe "kt-one-$db"
                    e.poolSize() shouldBe 1
                    e.active() shouldBe 1
                    e.idle() shouldBe 0
                    e.message shouldContain "AsyncEngine.connect"
                    e.message shouldContain "needs a second connection"
                    // The outer transaction rolled back and gave its permit back; the engine still works.
                    limits.permits.availablePermits shouldBe 1
                    small.begin { execute(u.select(count())).scalarOne<Long>() } shouldBe 0L
                    small.engine.poolStatus().active() shouldBe 0
                }
            }

            test("a stream inside a transaction on a pool of one fails the same way") {
                withPoolOfOne { small, limits ->
                    shouldThrow<PoolTimeoutException> {
                        small.begin { small.stream(u.selectAll()).count() }
                    }.message shouldContain "AsyncEngine.stream"
                    limits.permits.availablePermits shouldBe 1
                }
            }

            test("a cancelled waiter releases nothing it did not take") {
                withPoolOfOne { small, limits ->
                    coroutineScope {
                        val holding = CompletableDeferred<Unit>()
                        val finish = CompletableDeferred<Unit>()
                        val holder = launch {
                            small.connect {
                                holding.complete(Unit)
                                finish.await()
                            }
                        }
                        holding.await()
                        val waiter = launch { small.connect { error("the waiter must never get the connection") } }
                        while (limits.waiters == 0) {
                            delay(5)
                        }
                        waiter.cancelAndJoin()
                        limits.waiters shouldBe 0
                        limits.permits.availablePermits shouldBe 0 // still the holder's
                        finish.complete(Unit)
                        holder.join()
                    }
                    limits.permits.availablePermits shouldBe 1
                    small.connect { execute(u.select(count())).scalarOne<Long>() } shouldBe 0L
                }
            }
        }
    }
})
