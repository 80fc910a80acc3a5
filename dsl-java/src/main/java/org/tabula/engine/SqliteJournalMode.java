package org.tabula.engine;

/**
 * How SQLite keeps a database file's journal ({@code PRAGMA journal_mode}), chosen with
 * {@link EngineOptions#sqliteJournalMode(SqliteJournalMode)}.
 *
 * <pre>{@code
 * EngineOptions.defaults().sqliteJournalMode(SqliteJournalMode.WAL);   // the default
 * }</pre>
 */
public enum SqliteJournalMode {
    /**
     * Write-ahead log: readers keep reading the last committed state while one writer writes and
     * commits. The mode stays with the file (it adds {@code -wal} and {@code -shm} files beside it).
     */
    WAL,
    /** Rollback journal deleted at each commit (SQLite's own default): a reader in a transaction blocks commits. */
    DELETE,
    /** Rollback journal truncated at each commit instead of deleted. */
    TRUNCATE,
    /** Rollback journal kept and its header zeroed at each commit. */
    PERSIST,
    /** Rollback journal in memory: a crash mid-transaction may corrupt the file. */
    MEMORY,
    /** No journal: no rollback, a crash mid-transaction may corrupt the file. */
    OFF
}
