package org.tabula.kotlin

import kotlin.coroutines.coroutineContext
import kotlin.random.Random
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.delay
import kotlinx.coroutines.ensureActive
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.emitAll
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.job
import kotlinx.coroutines.withContext
import com.zaxxer.hikari.HikariDataSource
import org.tabula.engine.Connection
import org.tabula.engine.Engine
import org.tabula.engine.EngineOptions
import org.tabula.engine.RetryPolicy
import org.tabula.error.RetriesExhaustedException
import org.tabula.result.Result
import org.tabula.result.Row
import org.tabula.statement.Statement

/**
 * An [Engine] for coroutines, named like SQLAlchemy's `AsyncEngine`:
 *
 * ```
 * val db = AsyncEngine(Engine.create("jdbc:postgresql://localhost/app"))
 * val id = db.begin {                                   // commit at the end, rollback on exception
 *     execute(Users.insert { it[name] = "ann" }).insertedPrimaryKey()[Users.id]
 * }
 * db.connect {                                          // commit as you go
 *     execute(Users.update({ Users.id eq id }) { it[age] = 31 })
 *     commit()
 * }
 * db.stream(Users.selectAll(), fetchSize = 500).collect { row -> println(row[Users.name]) }
 * ```
 *
 * Blocking JDBC runs on the engine's own threads, one per pooled connection (never on the
 * caller's dispatcher; they stop when idle and when the engine closes), and a coroutine waits
 * (suspended) for a free connection, so any number of coroutines can share a small pool; a wait
 * longer than the engine's `connectionTimeout` fails with [org.tabula.error.PoolTimeoutException],
 * as `Engine.connect()` does. Cancelling a coroutine (or `withTimeout`) cancels its
 * running statement where the driver can, rolls back, and returns the connection to the pool;
 * the caller sees the CancellationException. Any other exception rolls back and is rethrown as is.
 */
class AsyncEngine(val engine: Engine) : AutoCloseable {

    private val limits = EngineLimits.of(engine)

    /** The dispatcher the blocking JDBC calls run on: the engine's threads, as many as pooled connections. */
    val dispatcher: CoroutineDispatcher get() = limits.dispatcher

    /**
     * Runs [block] in a transaction: commits when it returns, rolls back when it throws or is
     * cancelled. Inside another transaction of this engine the block joins it, or runs in a
     * savepoint when [nested] is true.
     *
     * With [retry], a block that starts its own transaction runs again (on a new connection,
     * after a suspending backoff) when the database aborts it for a reason a retry can fix, as
     * `engine.transaction(TransactionOptions.retry(policy), ...)` does; the block must be safe to
     * run again (see [RetryPolicy]). A joined block never retries alone: its outer block sees the failure.
     *
     * ```
     * db.begin(retry = RetryPolicy.defaults()) { execute(Accounts.update({ Accounts.id eq id }) { it[balance] = 0 }) }
     * ```
     */
    suspend fun <T> begin(nested: Boolean = false, retry: RetryPolicy? = null, block: suspend AsyncConnection.() -> T): T {
        val current = coroutineContext[TransactionElement]?.connection
        if (current != null && current.engine.engine === engine && !current.connection.isClosed) {
            return if (nested) current.savepoint(block) else current.block()
        }
        if (retry == null) {
            return withConnection(commit = true, block)
        }
        var attempt = 1
        while (true) {
            try {
                return withConnection(commit = true, block)
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
     */
    suspend fun <T> connect(block: suspend AsyncConnection.() -> T): T = withConnection(commit = false, block)

    /** Executes one statement in a transaction of its own (rows read into memory). */
    suspend fun execute(statement: Statement): Result = begin { execute(statement) }

    /**
     * The rows of a query as a cold [Flow] on a connection of its own, fetched [fetchSize] rows
     * at a time as the collector asks for them; the connection goes back to the pool when the
     * flow completes, fails or is cancelled.
     */
    fun stream(statement: Statement, fetchSize: Int = 1000): Flow<Row> = flow {
        checkOpen()
        limits.acquire(engine, "AsyncEngine.stream")
        try {
            val conn = withContext(dispatcher) { engine.connect() }
            val canceller = StatementCanceller(coroutineContext.job, conn)
            try {
                emitAll(AsyncConnection(conn, this@AsyncEngine).stream(statement, fetchSize))
            } finally {
                withContext(NonCancellable + dispatcher) { release(conn, canceller) }
            }
        } finally {
            limits.permits.release()
        }
    }

    private suspend fun <T> withConnection(commit: Boolean, block: suspend AsyncConnection.() -> T): T {
        checkOpen()
        val transaction = TransactionElement()
        // One context switch for everything: the permit is taken on the JDBC dispatcher, not the
        // caller's, so a waiter resumed by release() continues on a JDBC thread that is already
        // awake instead of hopping to the caller's dispatcher and back; the transaction element
        // rides along instead of costing a nested withContext.
        return withContext(dispatcher + transaction) {
            limits.acquire(engine, if (commit) "AsyncEngine.begin" else "AsyncEngine.connect")
            try {
                val conn = engine.connect()
                val canceller = StatementCanceller(coroutineContext.job, conn)
                try {
                    val async = AsyncConnection(conn, this@AsyncEngine)
                    transaction.attach(async)
                    val value = async.block()
                    // A block that ignored cancellation must not commit.
                    coroutineContext.ensureActive()
                    if (commit) {
                        conn.commit()
                    }
                    value
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
            val pool = engine.dataSource() as? HikariDataSource
            if (pool != null && !conn.isClosed) {
                try {
                    pool.evictConnection(conn.jdbc())
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

    /** Same as [close] (SQLAlchemy's `dispose()`). */
    fun dispose() {
        close()
    }

    override fun toString(): String = "AsyncEngine[${engine.dialect().name()}]"

    companion object {
        /** An engine for a JDBC URL (SQLAlchemy's `create_async_engine`): `AsyncEngine.create("jdbc:sqlite:app.db")`. */
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
        conn.rollback()
    } catch (e: RuntimeException) {
        t.addSuppressed(e)
    }
}

/**
 * This engine for coroutines, sharing one dispatcher and connection limit per engine:
 * `engine.async().begin { ... }`.
 */
fun Engine.async(): AsyncEngine = AsyncEngine(this)

/**
 * Runs [block] in a transaction on the engine's bounded dispatcher: commit when it returns,
 * rollback (and the original exception rethrown) when it throws, rollback and statement cancel
 * when the coroutine is cancelled. Nested calls join the outer transaction, or use a savepoint
 * with [nested] = true; [retry] as in [AsyncEngine.begin].
 *
 * ```
 * engine.suspendTransaction {
 *     execute(Users.insert { it[name] = "ann" })
 *     engine.suspendTransaction(nested = true) { execute(Users.deleteAll()) }   // savepoint
 * }
 * ```
 */
suspend fun <T> Engine.suspendTransaction(
    nested: Boolean = false,
    retry: RetryPolicy? = null,
    block: suspend AsyncConnection.() -> T,
): T = AsyncEngine(this).begin(nested, retry, block)
