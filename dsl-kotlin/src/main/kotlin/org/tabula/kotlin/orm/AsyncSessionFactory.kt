package org.tabula.kotlin.orm

import kotlin.coroutines.coroutineContext
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.withContext
import org.tabula.engine.RetryPolicy
import org.tabula.kotlin.AsyncConnection
import org.tabula.kotlin.AsyncEngine
import org.tabula.kotlin.TransactionElement
import org.tabula.orm.SessionFactory

/**
 * Makes [AsyncSession]s for coroutines (SQLAlchemy's `async_sessionmaker`). Each session wraps a
 * Java [org.tabula.orm.Session] bound to a connection of [engine]: the unit of work, identity map
 * and flush are the Java ones; the blocking JDBC calls run on the engine's bounded dispatcher, with
 * the same connection limit and cancellation as [AsyncEngine.begin].
 *
 * ```
 * val sessions = asyncEngine.sessionFactory()
 * val id = sessions.begin { session ->                 // commit at the end, rollback on exception or cancellation
 *     val ann = User().apply { name = "ann" }
 *     session.add(ann)
 *     session.flush()                                  // ann.id set
 *     ann.id
 * }
 * sessions.begin { session -> session.get<User>(id)!!.age = 32 }
 * ```
 */
class AsyncSessionFactory(
    val engine: AsyncEngine,
    /** The Java factory whose options (autoflush, expireOnCommit) the sessions use. */
    val factory: SessionFactory = SessionFactory.of(engine.engine),
) {
    init {
        require(factory.engine() === engine.engine) { "the SessionFactory must belong to the same Engine as the AsyncEngine" }
    }

    /** A factory with autoflush on or off (see [SessionFactory.autoflush]). */
    fun autoflush(value: Boolean): AsyncSessionFactory = AsyncSessionFactory(engine, factory.autoflush(value))

    /** A factory whose commit expires objects or not (see [SessionFactory.expireOnCommit]). */
    fun expireOnCommit(value: Boolean): AsyncSessionFactory = AsyncSessionFactory(engine, factory.expireOnCommit(value))

    /**
     * Runs [block] with a new session in a transaction: flushes and commits when it returns;
     * when it throws or the coroutine is cancelled, rolls back (pending objects are expunged) and
     * rethrows the original exception. Inside a transaction of the same engine (an outer
     * [begin] or [AsyncEngine.begin]) the session runs in a savepoint of it: its changes are
     * flushed at the end and committed by the outer transaction, or undone alone when it throws.
     * Do not call [AsyncSession.commit] there: it would commit the outer transaction.
     *
     * With [retry] a block that starts its own transaction runs again, with a new session, when
     * the database aborts it ([AsyncEngine.begin]): `sessions.begin(retry = RetryPolicy.defaults()) { ... }`.
     */
    suspend fun <T> begin(retry: RetryPolicy? = null, block: suspend (AsyncSession) -> T): T {
        val outer = coroutineContext[TransactionElement]?.connection
        val joins = outer != null && outer.engine.engine === engine.engine && !outer.connection.isClosed
        // Joined: a savepoint, so a failing inner block undoes only its own flushes and the
        // session's rollback never rolls back the outer transaction's work.
        return engine.begin(nested = joins, retry = retry) {
            val session = open(this)
            try {
                val value = block(session)
                if (joins) session.flush() else session.commit()
                value
            } catch (t: Throwable) {
                if (!joins) {
                    session.discard(t)
                }
                throw t
            } finally {
                session.closeQuietly()
            }
        }
    }

    /**
     * Runs [block] with a new session on a connection of its own, "commit as you go": call
     * [AsyncSession.commit] to keep work; what is not committed is rolled back at the end.
     */
    suspend fun <T> session(block: suspend (AsyncSession) -> T): T = engine.connect {
        val session = open(this)
        try {
            block(session)
        } catch (t: Throwable) {
            session.discard(t)
            throw t
        } finally {
            session.closeQuietly()
        }
    }

    private fun open(connection: AsyncConnection): AsyncSession =
        AsyncSession(factory.openSession(connection.connection), connection)

    override fun toString(): String = "AsyncSessionFactory[$engine]"
}

/** Sessions for this engine: `asyncEngine.sessionFactory().begin { session -> session.add(user) }`. */
fun AsyncEngine.sessionFactory(): AsyncSessionFactory = AsyncSessionFactory(this)

/** Rolls the session back after [t] even when cancelled; a failing rollback is suppressed into [t]. */
internal suspend fun AsyncSession.discard(t: Throwable) {
    withContext(NonCancellable + connection.engine.dispatcher) {
        try {
            if (!session.isClosed) {
                session.rollback()
            }
        } catch (e: RuntimeException) {
            t.addSuppressed(e)
        }
    }
}
