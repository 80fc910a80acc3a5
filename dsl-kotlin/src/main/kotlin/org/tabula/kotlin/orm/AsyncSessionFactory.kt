package org.tabula.kotlin.orm

import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.withContext
import org.tabula.engine.Isolation
import org.tabula.engine.Propagation
import org.tabula.engine.RetryPolicy
import org.tabula.engine.TransactionOptions
import org.tabula.kotlin.AsyncConnection
import org.tabula.kotlin.AsyncEngine
import org.tabula.kotlin.transactionOptions
import org.tabula.orm.SessionFactory

/**
 * Makes [AsyncSession]s for coroutines (SQLAlchemy's `async_sessionmaker`). Each session wraps a
 * Java [org.tabula.orm.Session] bound to a connection of [engine]: the unit of work, identity map
 * and flush are the Java ones; the blocking JDBC calls run on the engine's bounded dispatcher, with
 * the same connection limit and cancellation as [AsyncEngine.begin].
 *
 * @sample org.tabula.kotlin.samples.sessionFactoryTour
 */
class AsyncSessionFactory(
    /**
     * The engine the sessions borrow their connections from: `engine.async().sessionFactory()`.
     *
     * @sample org.tabula.kotlin.samples.sessionFactoryEngine
     */
    val engine: AsyncEngine,
    /**
     * The Java factory whose options (autoflush, expireOnCommit) the sessions use.
     *
     * @sample org.tabula.kotlin.samples.sessionFactoryJavaFactory
     */
    val factory: SessionFactory = SessionFactory.of(engine.engine),
    /**
     * Whether the sessions let implicit lazy loads run blocking JDBC on the reading thread
     * (false: they throw [BlockingLazyLoadException]; see [AsyncSession]).
     *
     * @sample org.tabula.kotlin.samples.sessionFactoryBlockingLazyLoadsFlag
     */
    val blockingLazyLoads: Boolean = false,
) {
    init {
        require(factory.engine() === engine.engine) { "the SessionFactory must belong to the same Engine as the AsyncEngine" }
    }

    /**
     * A factory with autoflush on or off (see [SessionFactory.autoflush]).
     *
     * @sample org.tabula.kotlin.samples.sessionFactoryAutoflush
     */
    fun autoflush(value: Boolean): AsyncSessionFactory = AsyncSessionFactory(engine, factory.autoflush(value), blockingLazyLoads)

    /**
     * A factory whose commit expires objects or not (see [SessionFactory.expireOnCommit]).
     *
     * @sample org.tabula.kotlin.samples.sessionFactoryExpireOnCommit
     */
    fun expireOnCommit(value: Boolean): AsyncSessionFactory =
        AsyncSessionFactory(engine, factory.expireOnCommit(value), blockingLazyLoads)

    /**
     * A factory whose sessions let implicit lazy loads (an unloaded relationship or deferred
     * column read outside a suspend call) block the reading thread instead of throwing
     * [BlockingLazyLoadException]: an explicit opt-in, for code that knows it runs on a thread
     * that may block.
     *
     * @sample org.tabula.kotlin.samples.sessionFactoryBlockingLazyLoads
     */
    fun blockingLazyLoads(value: Boolean): AsyncSessionFactory = AsyncSessionFactory(engine, factory, value)

    /**
     * Whether queries flush pending changes first (see [SessionFactory.autoflush]).
     *
     * @sample org.tabula.kotlin.samples.sessionFactoryAutoflushFlag
     */
    val autoflush: Boolean get() = factory.autoflush()

    /**
     * Whether commit expires every object (see [SessionFactory.expireOnCommit]).
     *
     * @sample org.tabula.kotlin.samples.sessionFactoryExpireOnCommitFlag
     */
    val expireOnCommit: Boolean get() = factory.expireOnCommit()

    /**
     * Runs [block] with a new session in a transaction: flushes and commits when it returns;
     * when it throws or the coroutine is cancelled, rolls back (pending objects are expunged) and
     * rethrows the original exception. When a statement failed and the block swallowed its
     * exception, the transaction rolls back and `begin` throws
     * [org.tabula.error.TransactionRolledBackException].
     *
     * Inside a transaction of the same engine (an outer [begin] or [AsyncEngine.begin]),
     * [propagation] decides as in [AsyncEngine.begin]. Its default here is [Propagation.NESTED],
     * not Java's REQUIRED: the session runs in a savepoint of the outer transaction, its changes
     * are flushed at the end and committed by the outer transaction, or undone alone when it
     * throws. With [Propagation.REQUIRED] the session joins the outer transaction (a throw marks it
     * rollback-only); with [Propagation.REQUIRES_NEW] it commits on a connection of its own. Do not
     * call [AsyncSession.commit] in a joined session: it would commit the outer transaction.
     *
     * @sample org.tabula.kotlin.samples.sessionFactoryBegin
     */
    suspend fun <T> begin(
        isolation: Isolation? = null,
        readOnly: Boolean? = null,
        propagation: Propagation = Propagation.NESTED,
        retry: RetryPolicy? = null,
        block: suspend (AsyncSession) -> T,
    ): T = begin(transactionOptions(false, isolation, readOnly, propagation, retry), block)

    /**
     * [begin] with the Java options value: `sessions.begin(TransactionOptions.readOnlyTransaction()) { ... }`.
     *
     * @sample org.tabula.kotlin.samples.sessionFactoryBeginOptions
     */
    suspend fun <T> begin(options: TransactionOptions, block: suspend (AsyncSession) -> T): T {
        val outer = engine.currentTransaction()
        return engine.begin(options) {
            // Joined or in a savepoint, the outer transaction's owner commits; a session of its own commits here.
            val own = this !== outer
            val session = open(this)
            try {
                val value = block(session)
                if (own) session.commit() else session.flush()
                value
            } catch (t: Throwable) {
                // Joined, the session's rollback would end the outer transaction's work too.
                if (own) {
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
     *
     * @sample org.tabula.kotlin.samples.sessionFactorySession
     */
    suspend fun <T> session(block: suspend (AsyncSession) -> T): T = engine.connectPrimary {
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

    /**
     * A session on a connection you hold (an [AsyncEngine.begin] or [AsyncEngine.connect] block),
     * Java's `openSession(connection)`: [AsyncSession.commit] commits that connection's
     * transaction; the session ends with [block], the connection stays yours.
     *
     * @sample org.tabula.kotlin.samples.sessionFactorySessionOnConnection
     */
    suspend fun <T> session(connection: AsyncConnection, block: suspend (AsyncSession) -> T): T {
        require(connection.engine.engine === engine.engine) { "the connection must come from ${engine}" }
        val session = open(connection)
        try {
            return block(session)
        } finally {
            session.closeQuietly()
        }
    }

    private fun open(connection: AsyncConnection): AsyncSession =
        AsyncSession(factory.openSession(connection.connection), connection, blockingLazyLoads)

    /** `AsyncSessionFactory[AsyncEngine[sqlite]]`, for logs. */
    override fun toString(): String = "AsyncSessionFactory[$engine]"
}

/**
 * Sessions for this engine: `asyncEngine.sessionFactory().begin { session -> session.add(user) }`.
 *
 * @sample org.tabula.kotlin.samples.sessionFactoryOfEngine
 */
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
