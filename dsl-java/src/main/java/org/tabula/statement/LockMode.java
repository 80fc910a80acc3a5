package org.tabula.statement;

/**
 * Row locking for {@code SELECT ... FOR UPDATE}. SQLite has no row locks and no FOR UPDATE
 * clause; there a transaction whose first statement locks rows begins as
 * {@code BEGIN IMMEDIATE} instead, taking the database's write lock.
 */
public enum LockMode {
    NONE, UPDATE, UPDATE_NOWAIT, UPDATE_SKIP_LOCKED, SHARE
}
