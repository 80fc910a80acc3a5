package org.tabula.kotlin

import java.util.function.Supplier
import kotlin.coroutines.coroutineContext
import kotlin.random.Random
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Job
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.delay
import kotlinx.coroutines.ensureActive
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.emitAll
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.job
import kotlinx.coroutines.withContext
import org.tabula.engine.Connection
import org.tabula.engine.Engine
import org.tabula.error.RetriesExhaustedException
import org.tabula.engine.RetryPolicy
import org.tabula.engine.EngineOptions
import org.tabula.engine.Isolation
import org.tabula.engine.Propagation
import org.tabula.engine.ReadYourWrites
import org.tabula.engine.TransactionOptions
import org.tabula.error.TransactionStateException
import org.tabula.result.Result
import org.tabula.result.Result1
import org.tabula.result.Row
import org.tabula.statement.Select1
import org.tabula.statement.Statement

/**
 * An [Engine] for coroutines, named like SQLAlchemy's `AsyncEngine`.
 *
 * Blocking JDBC runs on the engine's own threads, one per pooled connection (never on the
 * caller's dispatcher; they stop when idle and when the engine closes), and a coroutine waits
 * (suspended) for a free connection, so any number of coroutines can share a small pool; a wait
 * longer than the engine's `connectionTimeout` fails with [org.tabula.error.PoolTimeoutException],
 * as `Engine.connect()` does. Cancelling a coroutine (or `withTimeout`) cancels its
 * running statement where the driver can, rolls back, and returns the connection to the pool;
 * the caller sees the CancellationException. Any other exception rolls back and is rethrown as is.
 *
 * On Java 21+, `-Dtabula.async.virtualThreads=true` (read when an engine's first AsyncEngine is
 * made) runs the JDBC calls on a virtual thread each instead; it measured slower with drivers that
 * pin their carrier thread (benchmarks/README.md, "Round 3: coroutines"), so it is off by default.
 *
 * @property engine the blocking engine underneath, for what has no suspending form:
 *   `db.engine.dialect()`, `MetaData(Users).createAll(db.engine)`.
 *
 * @sample org.tabula.kotlin.samples.asyncEngineTour
 * @sample org.tabula.kotlin.samples.asyncEngineBlockingSide
 */
class AsyncEngine(val engine: Engine) : AutoCloseable {

    internal val limits = EngineLimits.of(engine)

    /**
     * The dispatcher the blocking JDBC calls run on: the engine's threads, as many as pooled connections.
     * A coroutine dispatched here runs its [begin] and [connect] blocks on its own thread, with no hand-off.
     *
     * @sample org.tabula.kotlin.samples.asyncEngineDispatcher
     */
    val dispatcher: CoroutineDispatcher get() = limits.dispatcher

    /**
     * Runs [block] in a transaction: commits when it returns, rolls back when it throws or is
     * cancelled. When a statement failed and the block swallowed its exception, the transaction
     * rolls back instead of committing and `begin` throws
     * [org.tabula.error.TransactionRolledBackException] naming that failure; run statements that
     * may fail in `begin(nested = true)` (a savepoint) to go on after them.
     *
     * Inside another transaction of this engine (the current one rides in the coroutine context)
     * [propagation] decides, as for Java's `Engine.transaction`: [Propagation.REQUIRED] (the
     * default) joins it, and a joined block that throws marks it rollback-only;
     * [Propagation.NESTED] (or [nested] = true) runs in a savepoint; [Propagation.REQUIRES_NEW]
     * takes a second connection and commits on its own; [Propagation.MANDATORY] and
     * [Propagation.NEVER] require a current transaction or its absence. [isolation] and
     * [readOnly] shape a new transaction (null: the engine's defaults); a joined one must already
     * have them. With [retry], a new transaction runs again when the database aborts it for a
     * reason a retry can fix (the block must be safe to run again; see [RetryPolicy]).
     *
     * @throws org.tabula.error.TransactionStateException when [propagation] forbids the current
     *   state, or a joined transaction has another isolation or read-only flag
     *
     * @sample org.tabula.kotlin.samples.beginWithOptions
     */
    suspend fun <T> begin(
        nested: Boolean = false,
        isolation: Isolation? = null,
        readOnly: Boolean? = null,
        propagation: Propagation? = null,
        retry: RetryPolicy? = null,
        block: suspend AsyncConnection.() -> T,
    ): T = begin(transactionOptions(nested, isolation, readOnly, propagation, retry), block)

    /**
     * [begin] with the Java options value: `db.begin(TransactionOptions.readOnlyTransaction()) { ... }`.
     *
     * @sample org.tabula.kotlin.samples.beginWithOptionsValue
     */
    suspend fun <T> begin(options: TransactionOptions, block: suspend AsyncConnection.() -> T): T {
        val outer = currentTransaction()
        return when (options.propagation()!!) {
            Propagation.REQUIRED -> if (outer != null) outer.participate(options, block) else newTransaction(options, block)
            Propagation.MANDATORY -> {
                if (outer == null) {
                    throw TransactionStateException(
                        "propagation MANDATORY needs a current transaction on $this, and this coroutine has none",
                    )
                }
                outer.participate(options, block)
            }
            Propagation.NESTED -> if (outer != null) outer.nestedIn(options, block) else newTransaction(options, block)
            Propagation.NEVER -> {
                if (outer != null) {
                    throw TransactionStateException("propagation NEVER, but this coroutine is in a transaction on $this")
                }
                newTransaction(options, block)
            }
            // The new transaction's element shadows the outer one in the block's context: the outer
            // one is suspended until the block ends.
            Propagation.REQUIRES_NEW -> newTransaction(options, block)
        }
    }

    /**
     * The connection of the [begin]/[connect] block of this engine that the calling coroutine runs
     * in, if any: what [Propagation.REQUIRED] joins.
     *
     * @sample org.tabula.kotlin.samples.currentTransactionOf
     */
    suspend fun currentTransaction(): AsyncConnection? {
        val current = coroutineContext[TransactionElement]?.connection
        return if (current != null && current.engine.engine === engine && !current.connection.isClosed) current else null
    }

    /**
     * A transaction of its own; with a [RetryPolicy] in [options] it runs again (on a new
     * connection, after a suspending backoff) while the database aborts it for a reason a retry
     * can fix, as Java's `Engine.transaction` does. A joined block never retries alone.
     */
    private suspend fun <T> newTransaction(options: TransactionOptions, block: suspend AsyncConnection.() -> T): T {
        val retry = options.retry() ?: return withConnection(commit = true, options, block, routed = false)
        var attempt = 1
        while (true) {
            try {
                return withConnection(commit = true, options, block, routed = false)
            } catch (e: CancellationException) {
                throw e
            } catch (e: Exception) {
                if (!retry.isRetryable(e, engine.dialect())) {
                    throw e
                }
                if (attempt >= retry.maxAttempts()) {
                    throw RetriesExhaustedException(attempt, e)
                }
                delay(retry.delayAfter(attempt, Random.nextDouble()).toMillis())
                attempt++
            }
        }
    }

    /**
     * Runs [block] on a connection of its own, "commit as you go": work not committed is rolled
     * back at the end. It always takes a second connection, even inside [begin]; a coroutine that
     * holds one connection while waiting for another can exhaust a small pool, so prefer [begin]
     * (which joins the current transaction) in nested code: on a pool of one, `begin { connect { } }`
     * fails with [org.tabula.error.PoolTimeoutException] after the engine's connection timeout.
     *
     * @sample org.tabula.kotlin.samples.connectAsYouGo
     */
    suspend fun <T> connect(block: suspend AsyncConnection.() -> T): T =
        withConnection(commit = false, TransactionOptions.defaults(), block, routed = true)

    /** [connect] on the primary of a replicated engine (what an ORM session needs); [connect] elsewhere. */
    internal suspend fun <T> connectPrimary(block: suspend AsyncConnection.() -> T): T =
        withConnection(commit = false, TransactionOptions.defaults(), block, routed = false)

    /**
     * Executes one statement in a transaction of its own (rows read into memory), or in the
     * current one; on a replicated engine a query outside a transaction reads a replica.
     *
     * @sample org.tabula.kotlin.samples.engineExecute
     */
    suspend fun execute(statement: Statement): Result =
        if (!engine.isReplicated || currentTransaction() != null) {
            begin { execute(statement) }
        } else {
            withConnection(commit = true, TransactionOptions.defaults(), { execute(statement) }, routed = true)
        }

    /**
     * Runs a select of one expression in its own transaction; the result's scalar methods return its type.
     *
     * @sample org.tabula.kotlin.samples.engineExecuteTyped
     */
    suspend fun <T> execute(select: Select1<T>): Result1<T> = begin { execute(select) }

    /**
     * The rows of a query as a cold [Flow] on a connection of its own, fetched [fetchSize] rows
     * at a time as the collector asks for them; the connection goes back to the pool when the
     * flow completes, fails or is cancelled.
     *
     * @sample org.tabula.kotlin.samples.engineStream
     */
    fun stream(statement: Statement, fetchSize: Int = 1000): Flow<Row> = flow {
        checkOpen()
        val waitStart = System.nanoTime()
        if (!limits.permits.tryAcquire()) {
            limits.acquire(engine, "AsyncEngine.stream", waitStart)
        }
        try {
            val job = coroutineContext.job
            val context = engine.readYourWritesIn(coroutineContext)
            // Blocking work on a JDBC thread by one bare hand-off each way (no withContext): open, each chunk, release.
            val conn = limits.run(job, this@AsyncEngine) { open(routed = true, context, waitStart) }
            val canceller = StatementCanceller(job, conn)
            try {
                emitAll(AsyncConnection(conn, this@AsyncEngine).stream(statement, fetchSize))
            } finally {
                limits.run(null, this@AsyncEngine, release = true) { release(conn, canceller) }
            }
        } finally {
            limits.permits.release()
        }
    }

    private suspend fun <T> withConnection(
        commit: Boolean,
        options: TransactionOptions,
        block: suspend AsyncConnection.() -> T,
        routed: Boolean,
    ): T {
        checkOpen()
        val context = engine.readYourWritesIn(coroutineContext)
        // One hand-off for everything: the permit is taken on the JDBC thread, not the caller's, so a
        // waiter resumed by release() continues on a JDBC thread that is already awake instead of
        // hopping to the caller's dispatcher and back; the transaction element rides along (the
        // hand-off is the element).
        return if (limits.handOffWithContext || coroutineContext[Job] == null) {
            val transaction = TransactionElement()
            withContext(dispatcher + transaction) { onConnection(commit, options, block, routed, context, transaction) }
        } else {
            limits.hop(this) { onConnection(commit, options, block, routed, context, this) }
        }
    }

    /** The body of [withConnection], on a JDBC thread with [transaction] in the context. */
    private suspend fun <T> onConnection(
        commit: Boolean,
        options: TransactionOptions,
        block: suspend AsyncConnection.() -> T,
        routed: Boolean,
        context: ReadYourWrites?,
        transaction: TransactionElement,
    ): T {
        val coroutineContext = coroutineContext
        // Looked up once: the block's own calls check it instead of searching the context each time.
        val job = coroutineContext.job
        // Cancelled while waiting for a thread: take no permit and no connection.
        job.ensureActive()
        // Listeners are told the whole wait, this coroutine's turn for a permit included, as Java's connect() reports the pool's.
        val waitStart = System.nanoTime()
        if (!limits.permits.tryAcquire()) {
            limits.acquire(engine, if (commit) "AsyncEngine.begin" else "AsyncEngine.connect", waitStart)
        }
        try {
            val conn = open(routed, context, waitStart)
            val canceller = StatementCanceller(job, conn)
            try {
                conn.begin(options)
                val async = AsyncConnection(conn, this@AsyncEngine, coroutineContext, job)
                transaction.attach(async)
                val value = async.block()
                // A block that ignored cancellation must not commit.
                job.ensureActive()
                if (commit) {
                    conn.commit()
                }
                return value
            } catch (t: Throwable) {
                rollbackAfter(conn, t)
                throw cancellationOr(t, coroutineContext)
            } finally {
                release(conn, canceller)
            }
        } finally {
            limits.permits.release()
        }
    }

    /**
     * A connection: on a replicated engine, [routed] (reads to a replica until the first write) or
     * pinned to the primary, remembering writes in the caller's [context]; on a plain engine both
     * are the same.
     */
    private fun open(routed: Boolean, context: ReadYourWrites?, waitStart: Long): Connection = when {
        context == null -> engine.connect(waitStart)
        routed -> context.run(Supplier { engine.connect(waitStart) })
        else -> context.run(Supplier { engine.begin() })
    }

    /**
     * A closed engine's threads refuse work, which kotlinx would report as a cancellation; say
     * what is wrong instead.
     */
    private fun checkOpen() {
        check(!limits.isShutdown) { "$this is closed" }
    }

    /**
     * Returns the connection to the pool, or drops it if one of its statements was cancelled:
     * some drivers leave such a connection unusable (Connector/J keeps a killed streaming result
     * "still active"), and a reconnect is cheaper than a poisoned pool.
     */
    private fun release(conn: Connection, canceller: StatementCanceller) {
        canceller.dispose()
        if (canceller.fired) {
            if (!conn.isClosed) {
                try {
                    HikariSupport.evict(engine.dataSource(), conn.jdbc())
                } catch (e: RuntimeException) {
                    // closing below still returns or drops it
                }
            }
        }
        conn.close()
    }

    /** Closes the pool and stops the engine's JDBC threads. */
    override fun close() {
        engine.close()
    }

    /**
     * Same as [close] (SQLAlchemy's `dispose()`).
     *
     * @sample org.tabula.kotlin.samples.disposeEngine
     */
    fun dispose() {
        close()
    }

    /** `AsyncEngine[sqlite]`: the dialect's name, for logs. */
    override fun toString(): String = "AsyncEngine[${engine.dialect().name()}]"

    /**
     * Factory functions: `AsyncEngine.create("jdbc:sqlite:app.db")`.
     *
     * @sample org.tabula.kotlin.samples.createEngine
     */
    companion object {
        /**
         * An engine for a JDBC URL (SQLAlchemy's `create_async_engine`): `AsyncEngine.create("jdbc:sqlite:app.db")`.
         *
         * @sample org.tabula.kotlin.samples.createEngine
         */
        @JvmStatic
        @JvmOverloads
        fun create(url: String, options: EngineOptions = EngineOptions.defaults()): AsyncEngine =
            AsyncEngine(Engine.create(url, options))
    }
}

/** Rolls back after [t], keeping a failed rollback as suppressed so [t] stays the one reported. */
private fun rollbackAfter(conn: Connection, t: Throwable) {
    if (conn.isClosed) {
        return
    }
    try {
        conn.rollback(t)
    } catch (e: RuntimeException) {
        t.addSuppressed(e)
    }
}

/**
 * This engine for coroutines, sharing one dispatcher and connection limit per engine:
 * `engine.async().begin { ... }`.
 *
 * @sample org.tabula.kotlin.samples.engineAsync
 */
fun Engine.async(): AsyncEngine = AsyncEngine(this)

/**
 * Runs [block] in a transaction on the engine's bounded dispatcher: commit when it returns,
 * rollback (and the original exception rethrown) when it throws, rollback and statement cancel
 * when the coroutine is cancelled. A statement that failed while the block swallowed its
 * exception makes it roll back and throw [org.tabula.error.TransactionRolledBackException].
 * Nested calls join the outer transaction, or use a savepoint with [nested] = true; [isolation],
 * [readOnly] and [propagation] are those of [AsyncEngine.begin].
 *
 * @sample org.tabula.kotlin.samples.engineSuspendTransaction
 */
suspend fun <T> Engine.suspendTransaction(
    nested: Boolean = false,
    isolation: Isolation? = null,
    readOnly: Boolean? = null,
    propagation: Propagation? = null,
    retry: RetryPolicy? = null,
    block: suspend AsyncConnection.() -> T,
): T = AsyncEngine(this).begin(nested, isolation, readOnly, propagation, retry, block)

/**
 * [suspendTransaction] with the Java options value: `engine.suspendTransaction(TransactionOptions.readOnlyTransaction()) { ... }`.
 *
 * @sample org.tabula.kotlin.samples.engineSuspendTransactionOptions
 */
suspend fun <T> Engine.suspendTransaction(options: TransactionOptions, block: suspend AsyncConnection.() -> T): T =
    AsyncEngine(this).begin(options, block)
