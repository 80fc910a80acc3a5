package org.tabula.engine;

/**
 * How {@link Engine#transaction(TransactionOptions, TransactionCallback)} (and
 * {@code SessionFactory.inTransaction}) relate to a transaction already running on this thread,
 * as in Spring. The current transaction is the innermost {@code engine.begin}/{@code transaction}
 * block on the calling thread (in Kotlin, the one in the coroutine context).
 *
 * <pre>{@code
 * engine.begin(conn -> {
 *     conn.execute(insert(ORDERS).set(ORDERS.item, "book"));
 *     engine.begin(TransactionOptions.propagation(Propagation.REQUIRES_NEW),
 *             audit -> audit.execute(insert(AUDIT).set(AUDIT.event, "order")));   // committed even if the order rolls back
 * });
 * }</pre>
 */
public enum Propagation {
    /** Join the current transaction, or start one when there is none (the default). */
    REQUIRED,
    /**
     * Always start a new transaction on a second connection, committed or rolled back on its own;
     * the current one is suspended meanwhile. On an exhausted pool it fails after the engine's
     * connection timeout.
     */
    REQUIRES_NEW,
    /** Run in a savepoint of the current transaction (rolled back alone), or start one when there is none. */
    NESTED,
    /** Join the current transaction; fail when there is none. */
    MANDATORY,
    /** Start a transaction of its own; fail when one is already running. */
    NEVER
}
