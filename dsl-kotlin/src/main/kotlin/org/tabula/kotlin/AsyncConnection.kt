package org.tabula.kotlin

import java.util.concurrent.atomic.AtomicReferenceFieldUpdater
import kotlin.coroutines.ContinuationInterceptor
import kotlin.coroutines.CoroutineContext
import kotlin.coroutines.coroutineContext
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.Job
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.ensureActive
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import kotlinx.coroutines.withContext
import org.tabula.engine.Connection
import org.tabula.result.Result
import org.tabula.result.Result1
import org.tabula.result.Row
import org.tabula.schema.Table
import org.tabula.statement.Insert
import org.tabula.statement.Select1
import org.tabula.statement.Statement

/**
 * A pooled connection for coroutines (SQLAlchemy's `AsyncConnection`), given to the blocks of
 * [AsyncEngine.begin], [AsyncEngine.connect] and [suspendTransaction]. Every call runs the
 * blocking JDBC work on the engine's bounded dispatcher, one call at a time, and checks for
 * cancellation before and after; a cancelled coroutine cancels the statement that is running.
 *
 * @sample org.tabula.kotlin.samples.asyncConnectionTour
 */
class AsyncConnection internal constructor(
    /**
     * The blocking connection underneath, for Java APIs; only use it from this coroutine.
     *
     * @sample org.tabula.kotlin.samples.asyncConnectionJdbc
     */
    val connection: Connection,
    /**
     * The engine this connection came from.
     *
     * @sample org.tabula.kotlin.samples.asyncConnectionEngine
     */
    val engine: AsyncEngine,
    /** The context of the block this connection was given to (null: none), whose calls take the fast path in [call]. */
    private val home: CoroutineContext? = null,
    /** The job of [home]. */
    private val homeJob: Job? = null,
) {
    /**
     * Who holds the connection: null (nobody), [HELD] (a call of the block's own coroutine, which
     * allocates no lock), or the [Mutex] every call uses from the first time two calls met (made
     * locked when it replaces [HELD], for that holder to unlock). A block whose calls never meet,
     * the usual case, allocates no `Mutex`.
     */
    @Volatile
    private var holder: Any? = null

    /**
     * Executes a statement; queries are read into memory (see [stream] for large results).
     *
     * @sample org.tabula.kotlin.samples.asyncExecute
     */
    suspend fun execute(statement: Statement): Result = call { it.execute(statement) }

    /**
     * Executes a select of one expression; the result's scalar methods return its type.
     *
     * @sample org.tabula.kotlin.samples.asyncExecuteTyped
     */
    suspend fun <T> execute(select: Select1<T>): Result1<T> = call { it.execute(select) }

    /**
     * Executes a statement with values for its named parameters.
     *
     * @sample org.tabula.kotlin.samples.asyncExecuteParameters
     */
    suspend fun execute(statement: Statement, parameters: Map<String, Any?>): Result =
        call { it.execute(statement, parameters) }

    /**
     * Executes a statement once per parameter map as one JDBC batch (executemany).
     *
     * @sample org.tabula.kotlin.samples.asyncExecuteMany
     */
    suspend fun executeMany(statement: Statement, rows: List<Map<String, Any?>>): Result =
        call { it.execute(statement, rows) }

    /**
     * Inserts one row per item as one JDBC batch: `batchInsert(Users, people) { row, p -> row[name] = p.name }`.
     *
     * @sample org.tabula.kotlin.samples.asyncBatchInsert
     */
    suspend fun <T : Table, E> batchInsert(table: T, items: Iterable<E>, body: T.(InsertBuilder, E) -> Unit): Result =
        executeMany(Insert.into(table), batchRows(table, items, body))

    /**
     * The rows of a query as a cold [Flow], read [fetchSize] rows at a time: the next chunk is
     * fetched only when the collector has taken the previous one. Collect it inside the block
     * that owns this connection; the cursor is closed when the flow ends, fails or is cancelled.
     *
     * @sample org.tabula.kotlin.samples.asyncStream
     */
    fun stream(statement: Statement, fetchSize: Int = 1000): Flow<Row> {
        require(fetchSize > 0) { "fetchSize must be positive, got $fetchSize" }
        return flow {
            val result = call { it.stream(statement, fetchSize) }
            try {
                val rows = result.iterator()
                while (true) {
                    val chunk = call {
                        val buffer = ArrayList<Row>(minOf(fetchSize, 1024))
                        while (buffer.size < fetchSize && rows.hasNext()) {
                            buffer.add(rows.next())
                        }
                        buffer
                    }
                    for (row in chunk) {
                        emit(row)
                    }
                    if (chunk.size < fetchSize) {
                        break
                    }
                }
            } finally {
                withContext(NonCancellable + engine.dispatcher) { result.close() }
            }
        }
    }

    /**
     * Commits the work so far; the next statement starts a new transaction.
     *
     * @sample org.tabula.kotlin.samples.asyncCommit
     */
    suspend fun commit(): Unit = call { it.commit() }

    /**
     * Rolls back the work since the last commit.
     *
     * @sample org.tabula.kotlin.samples.asyncRollback
     */
    suspend fun rollback(): Unit = call { it.rollback() }

    /**
     * Runs [block] in a savepoint: released when it returns, rolled back alone when it throws
     * (the exception is rethrown and the outer transaction stays usable). A statement that failed
     * inside while [block] swallowed its exception rolls the savepoint back too, with
     * [org.tabula.error.TransactionRolledBackException]: the way to go on after an expected error.
     *
     * @sample org.tabula.kotlin.samples.asyncSavepoint
     */
    suspend fun <T> savepoint(block: suspend AsyncConnection.() -> T): T {
        val savepoint = call { it.savepoint() }
        val value = try {
            block()
        } catch (t: Throwable) {
            withContext(NonCancellable + engine.dispatcher) {
                try {
                    savepoint.rollback()
                } catch (e: RuntimeException) {
                    t.addSuppressed(e)
                }
            }
            throw t
        }
        call { savepoint.release() }
        return value
    }

    /**
     * Runs blocking work on this connection, on the engine's dispatcher, one call at a time.
     *
     * @sample org.tabula.kotlin.samples.asyncCall
     */
    suspend fun <R> call(work: (Connection) -> R): R {
        val context = coroutineContext
        val job = homeJob
        if (context === home && job != null) {
            // The block's own coroutine, on a JDBC thread (its context holds the engine's dispatcher):
            // no context switch, and its job is known. A lock held by another of the block's
            // coroutines sends it the slow way, which waits for it.
            job.ensureActive()
            if (HOLDER.compareAndSet(this, null, HELD)) {
                val value = try {
                    work(connection)
                } catch (t: Throwable) {
                    throw cancellationOr(t, context)
                } finally {
                    if (!HOLDER.compareAndSet(this, HELD, null)) {
                        // Another call came meanwhile and waits on the Mutex it made locked for us.
                        (holder as Mutex).unlock()
                    }
                }
                // A cancelled statement may still return normally (MySQL's SLEEP() returns 1 when killed).
                job.ensureActive()
                return value
            }
        }
        return callElsewhere(work, context)
    }

    /** [call] from another coroutine than the block's own, or while another call holds the connection. */
    private suspend fun <R> callElsewhere(work: (Connection) -> R, context: CoroutineContext): R {
        context.ensureActive()
        val value = try {
            mutex().withLock {
                if (context[ContinuationInterceptor] === engine.dispatcher) {
                    // Already on a JDBC thread (a coroutine inside begin/connect): no context switch.
                    work(connection)
                } else {
                    // One bare hand-off each way; not started if cancelled while waiting for the thread.
                    engine.limits.run(context[Job], engine) { work(connection) }
                }
            }
        } catch (t: Throwable) {
            throw cancellationOr(t, context)
        }
        // A cancelled statement may still return normally (MySQL's SLEEP() returns 1 when killed).
        context.ensureActive()
        return value
    }

    /** The connection's Mutex, made on first need (locked, when a call of the block's own holds the connection). */
    private fun mutex(): Mutex {
        while (true) {
            when (val current = holder) {
                is Mutex -> return current
                null -> Mutex().let { if (HOLDER.compareAndSet(this, null, it)) return it }
                else -> Mutex(locked = true).let { if (HOLDER.compareAndSet(this, HELD, it)) return it }
            }
        }
    }

    private companion object {
        val HELD = Any()
        val HOLDER: AtomicReferenceFieldUpdater<AsyncConnection, Any?> =
            AtomicReferenceFieldUpdater.newUpdater(AsyncConnection::class.java, Any::class.java, "holder")
    }
}

/**
 * The exception to report for [t]: when the coroutine was cancelled, the driver's error (the
 * statement we cancelled) is a consequence, so the CancellationException is thrown instead,
 * with [t] suppressed; `withTimeout` then sees its own timeout.
 */
internal fun cancellationOr(t: Throwable, context: CoroutineContext): Throwable {
    if (t is CancellationException) {
        return t
    }
    try {
        context.ensureActive()
    } catch (c: CancellationException) {
        c.addSuppressed(t)
        return c
    }
    return t
}
