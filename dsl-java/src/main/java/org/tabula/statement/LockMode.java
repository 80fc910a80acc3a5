package org.tabula.statement;

/**
 * Row locking for {@code SELECT ... FOR UPDATE}. SQLite has no row locks and no FOR UPDATE
 * clause; there a transaction whose first statement locks rows begins as
 * {@code BEGIN IMMEDIATE} instead, taking the database's write lock.
 */
public enum LockMode {
    /** No lock: a plain SELECT. */
    NONE,
    /** {@code FOR UPDATE}: wait for and lock the rows: {@code select(ACCOUNTS).forUpdate()}. */
    UPDATE,
    /** {@code FOR UPDATE NOWAIT}: fail at once instead of waiting. */
    UPDATE_NOWAIT,
    /** {@code FOR UPDATE SKIP LOCKED}: skip rows others hold, for job queues. */
    UPDATE_SKIP_LOCKED,
    /** {@code FOR SHARE}: a shared lock; others may read-lock but not change the rows. */
    SHARE
}
