package org.tabula.dialect;

import org.jspecify.annotations.Nullable;

import java.sql.SQLException;
import org.tabula.error.ErrorKind;
import org.tabula.schema.Column;
import org.tabula.type.SqlType;
import org.tabula.type.DatabaseFamily;

/**
 * SQLite (3.35+ for RETURNING). SQLite has no date, UUID or exact decimal storage, so those
 * are kept as ISO-8601 text, UUID text and numeric text; instants are stored in UTC.
 *
 * <pre>{@code
 * Dialect d = Dialect.forUrl("jdbc:sqlite::memory:");       // Dialect.SQLITE
 * d.databaseLivesInConnection("jdbc:sqlite::memory:");     // true: the engine keeps that one connection
 * }</pre>
 */
public final class SqliteDialect extends Dialect {

    SqliteDialect() {
    }

    @Override
    public String name() {
        return "sqlite";
    }

    private final Catalog catalog = new SqliteCatalog();

    @Override
    public Catalog catalog() {
        return catalog;
    }

    @Override
    protected SqlRenderer newRenderer() {
        return new SqliteRenderer(this);
    }



    /**
     * An auto-increment key is {@code INTEGER}, SQLite's rowid alias.
     *
     * <pre>{@code
     * String ddl = Dialect.SQLITE.typeName(SqlTypes.BIGINT, USERS.id);   // INTEGER
     * }</pre>
     */
    @Override
    public String typeName(SqlType<?> type, @Nullable Column<?> column) {
        if (column != null && column.isAutoIncrement()) {
            return "INTEGER";
        }
        return super.typeName(type, column);
    }

    @Override
    public DatabaseFamily family() {
        return DatabaseFamily.SQLITE;
    }

    @Override
    public boolean altersTablesInPlace() {
        return false;
    }

    @Override
    public boolean supportsReturning(ReturningSupport statement) {
        return true;
    }

    @Override
    public boolean supportsStatementCancel() {
        return true;
    }

    /** sqlite-jdbc reports no SQLState; the extended result code is in the message. */
    /**
     * SQLite has no row locks: two transactions that both read a row and then write it would
     * both hold a read lock, and the second writer fails with SQLITE_BUSY at once (SQLite
     * refuses to wait there, as waiting could deadlock). {@code BEGIN IMMEDIATE} takes the write
     * lock at the start, so the second transaction waits for the first (busy_timeout) and then
     * reads the new value. Not set for every transaction with sqlite-jdbc's
     * {@code transaction_mode=IMMEDIATE}: the driver begins the next transaction as soon as one
     * ends, so every idle pooled connection would hold the write lock.
     */
    /**
     * Foreign keys enforced, the busy timeout, and for database files the journal mode: WAL by
     * default, so that a connection that has read keeps no lock that makes another one's commit fail.
     *
     * <pre>{@code
     * Map<String, String> props = Dialect.SQLITE.driverProperties("jdbc:sqlite:app.db", new ConnectionSettings(Duration.ofSeconds(5), "WAL"));
     * }</pre>
     */
    @Override
    public java.util.Map<String, String> driverProperties(String url, ConnectionSettings settings) {
        java.util.Map<String, String> props = new java.util.LinkedHashMap<>();
        props.put("foreign_keys", "true");
        props.put("busy_timeout", Long.toString(settings.busyTimeout().toMillis()));
        if (!databaseLivesInConnection(url)) {
            props.put("journal_mode", settings.sqliteJournalMode());
        }
        return props;
    }

    @Override
    public boolean databaseLivesInConnection(String url) {
        return url.equals("jdbc:sqlite:") || url.startsWith("jdbc:sqlite::memory:") || url.contains("mode=memory");
    }

    @Override
    public @Nullable String readOnlyInitSql() {
        return "PRAGMA query_only = 1";
    }

    /**
     * sqlite-jdbc takes the timeout as a busy timeout only: a long-running statement runs on.
     *
     * <pre>{@code
     * boolean enforced = Dialect.SQLITE.driverEnforcesQueryTimeout();   // false: the engine interrupts the statement
     * }</pre>
     */
    @Override
    public boolean driverEnforcesQueryTimeout() {
        return false;
    }

    /**
     * SQLite's default SQLITE_MAX_VARIABLE_NUMBER (since 3.32) bounds the rows; 1,000 keeps statements cacheable.
     *
     * <pre>{@code
     * int rows = Dialect.SQLITE.insertManyValuesRows(3);
     * }</pre>
     */
    @Override
    public int insertManyValuesRows(int columns) {
        return Math.max(1, Math.min(1000, 32_766 / Math.max(1, columns)));
    }

    @Override
    public boolean beginWriteTransaction(java.sql.Connection jdbc) throws SQLException {
        try (java.sql.Statement s = jdbc.createStatement()) {
            // sqlite-jdbc keeps a (deferred) transaction open at all times; this one is unused, so nothing is lost
            s.execute("ROLLBACK");
            try {
                s.execute("BEGIN IMMEDIATE");
            } catch (SQLException e) {
                s.execute("BEGIN"); // keep the driver's idea of an open transaction true
                throw e;
            }
        }
        return true;
    }

    @Override
    public boolean namesPrimaryKey(String message) {
        return message.contains("PRIMARYKEY");
    }

    /**
     * SQLite transactions are always serializable, so every isolation level is accepted and runs
     * as such. sqlite-jdbc fixes read-only when the connection opens; {@code PRAGMA query_only}
     * gives the same refusal (SQLITE_READONLY) on an open one.
     *
     * <pre>{@code
     * Dialect.SQLITE.setTransactionCharacteristics(conn.jdbc(), java.sql.Connection.TRANSACTION_SERIALIZABLE, null);
     * }</pre>
     */
    @Override
    public void setTransactionCharacteristics(java.sql.Connection jdbc, int isolationLevel,
                                              Boolean readOnly) throws SQLException {
        if (readOnly != null) {
            try (java.sql.Statement s = jdbc.createStatement()) {
                s.execute(readOnly ? "PRAGMA query_only = 1" : "PRAGMA query_only = 0");
            }
        }
    }

    @Override
    public boolean isReadOnly(java.sql.Connection jdbc) throws SQLException {
        try (java.sql.Statement s = jdbc.createStatement(); java.sql.ResultSet rs = s.executeQuery("PRAGMA query_only")) {
            return rs.next() && rs.getInt(1) != 0;
        }
    }

    @Override
    public ErrorKind classify(SQLException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.contains("SQLITE_CONSTRAINT_UNIQUE") || m.contains("SQLITE_CONSTRAINT_PRIMARYKEY")) {
            return ErrorKind.UNIQUE_VIOLATION;
        }
        if (m.contains("SQLITE_CONSTRAINT_FOREIGNKEY")) {
            return ErrorKind.FOREIGN_KEY_VIOLATION;
        }
        if (m.contains("SQLITE_CONSTRAINT_NOTNULL")) {
            return ErrorKind.NOT_NULL_VIOLATION;
        }
        if (m.contains("SQLITE_CONSTRAINT_CHECK")) {
            return ErrorKind.CHECK_VIOLATION;
        }
        if (m.contains("SQLITE_CONSTRAINT")) {
            return ErrorKind.OTHER_INTEGRITY;
        }
        if (m.contains("SQLITE_READONLY")) {
            return ErrorKind.READ_ONLY;
        }
        if (m.contains("SQLITE_INTERRUPT")) {
            return ErrorKind.CANCELED;
        }
        if (m.contains("SQLITE_BUSY") || m.contains("SQLITE_LOCKED")) {
            return ErrorKind.TRANSACTION_CONFLICT;
        }
        if (m.contains("SQLITE_MISMATCH") || m.contains("SQLITE_TOOBIG") || m.contains("SQLITE_RANGE")) {
            return ErrorKind.DATA;
        }
        return super.classify(e);
    }
}
