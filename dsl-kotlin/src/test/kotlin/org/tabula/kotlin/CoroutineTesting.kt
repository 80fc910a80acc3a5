package org.tabula.kotlin

import io.kotest.matchers.shouldBe
import kotlinx.coroutines.delay
import org.tabula.engine.Engine

/*
 * What the coroutine specs share.
 */

/**
 * The exception a coroutine threw. With assertions on (as in tests), kotlinx.coroutines' stack
 * trace recovery rethrows a copy whose cause is the original; in production it is the original.
 */
fun original(t: Throwable): Throwable =
    if (t.cause != null && t.cause!!.javaClass == t.javaClass && t.cause!!.message == t.message) t.cause!! else t

/** Waits (at most two seconds) until every connection of [engine] is back in the pool. */
suspend fun awaitPoolIdle(engine: Engine) {
    repeat(100) {
        if (engine.poolStatus().active == 0) return
        delay(20)
    }
    engine.poolStatus().active shouldBe 0
}

/** The names in kt_users, sorted, read on a connection of its own. */
suspend fun AsyncEngine.userNames(): List<String> =
    connect { execute(KtUsers.select(KtUsers.name).orderBy(KtUsers.name to SortOrder.ASC)).scalars() }
