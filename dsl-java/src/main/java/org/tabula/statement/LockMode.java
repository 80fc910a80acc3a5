package org.tabula.statement;

/** Row locking for {@code SELECT ... FOR UPDATE}. SQLite locks the whole database on write and ignores it. */
public enum LockMode {
    NONE, UPDATE, UPDATE_NOWAIT, UPDATE_SKIP_LOCKED, SHARE
}
