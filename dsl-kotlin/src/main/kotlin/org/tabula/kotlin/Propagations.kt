package org.tabula.kotlin

import org.tabula.engine.Isolation
import org.tabula.engine.Propagation
import org.tabula.engine.RetryPolicy
import org.tabula.engine.TransactionOptions

/*
 * The coroutine side of Java's Connection.participate/nestedIn/checkJoinable: the same rules, for
 * suspend blocks and a current transaction found in the coroutine context instead of a thread.
 */

/**
 * The Java options value for Kotlin's named arguments; `nested = true` is a shorthand for
 * [Propagation.NESTED] and cannot be combined with another propagation.
 */
internal fun transactionOptions(
    nested: Boolean,
    isolation: Isolation?,
    readOnly: Boolean?,
    propagation: Propagation?,
    retry: RetryPolicy? = null,
): TransactionOptions {
    require(!nested || propagation == null || propagation == Propagation.NESTED) {
        "nested = true means propagation NESTED; it cannot be combined with propagation $propagation"
    }
    var options = TransactionOptions.propagation(propagation ?: if (nested) Propagation.NESTED else Propagation.REQUIRED)
    if (isolation != null) {
        options = options.withIsolation(isolation)
    }
    if (readOnly != null) {
        options = options.readOnly(readOnly)
    }
    if (retry != null) {
        options = options.withRetry(retry)
    }
    return options
}

/**
 * Runs [block] as part of this transaction (REQUIRED, MANDATORY): no commit here; if it throws,
 * the transaction is marked rollback-only, so the outer block's commit rolls back and says why
 * even when the outer block caught the exception.
 */
internal suspend fun <T> AsyncConnection.participate(
    options: TransactionOptions,
    block: suspend AsyncConnection.() -> T,
): T {
    connection.checkJoinable(options)   // a joined transaction keeps its isolation and read-only flag
    try {
        return block()
    } catch (t: Throwable) {
        // A field of the connection, no JDBC call: safe even when cancelled.
        if (!connection.isClosed) {
            connection.setRollbackOnly(t)
        }
        throw t
    }
}

/** Runs [block] in a savepoint of this transaction (NESTED). */
internal suspend fun <T> AsyncConnection.nestedIn(
    options: TransactionOptions,
    block: suspend AsyncConnection.() -> T,
): T {
    connection.checkJoinable(options)   // a joined transaction keeps its isolation and read-only flag
    return savepoint(block)
}
