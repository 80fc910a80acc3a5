package org.tabula.dialect;

import org.jspecify.annotations.Nullable;

import java.sql.SQLException;
import org.tabula.error.ErrorKind;
import org.tabula.type.DatabaseFamily;

/**
 * MySQL 8 and MariaDB 10.5+ (one class, two instances: {@link Dialect#MYSQL} and
 * {@link Dialect#MARIADB}, which adds INSERT/DELETE ... RETURNING). Sessions run in UTC;
 * instants are stored as UTC {@code DATETIME(6)}, UUIDs as {@code CHAR(36)}.
 *
 * <pre>{@code
 * Dialect.MYSQL.quote("order");                  // `order`
 * ((MySqlDialect) Dialect.MARIADB).isMariaDb();  // true
 * }</pre>
 */
public final class MySqlDialect extends Dialect {

    private final boolean mariaDb;
    private final Catalog catalog;

    MySqlDialect(boolean mariaDb) {
        this.mariaDb = mariaDb;
        this.catalog = new MySqlCatalog(mariaDb);
    }

    /**
     * Whether this is the MariaDB flavour, which has RETURNING and other small differences.
     *
     * <pre>{@code
     * boolean maria = ((MySqlDialect) Dialect.MARIADB).isMariaDb();   // true
     * }</pre>
     *
     * @return {@code true} for MariaDB
     */
    public boolean isMariaDb() {
        return mariaDb;
    }

    @Override
    public String name() {
        return mariaDb ? "mariadb" : "mysql";
    }

    @Override
    public Catalog catalog() {
        return catalog;
    }

    @Override
    protected SqlRenderer newRenderer() {
        return new MySqlRenderer(this);
    }

    @Override
    protected char identifierQuote() {
        return '`';
    }

    @Override
    public DatabaseFamily family() {
        return DatabaseFamily.MYSQL;
    }

    /** MySQL string literals treat a backslash as an escape: double it as well as quotes. */
    @Override
    protected void appendStringLiteral(StringBuilder out, String text) {
        super.appendStringLiteral(out, text.replace("\\", "\\\\"));
    }

    @Override
    public boolean supportsReturning(ReturningSupport statement) {
        return mariaDb && statement != ReturningSupport.UPDATE;
    }

    @Override
    public boolean batchReturnsGeneratedKeys() {
        return true;
    }

    @Override
    public boolean supportsCreateIndexIfNotExists() {
        return mariaDb;
    }

    /**
     * UTC sessions: CURRENT_TIMESTAMP defaults and stored instants agree.
     *
     * <pre>{@code
     * String sql = Dialect.MYSQL.connectionInitSql();   // SET time_zone = '+00:00'
     * }</pre>
     */
    @Override
    public @Nullable String connectionInitSql() {
        return "SET time_zone = '+00:00'";
    }

    /**
     * Connector/J streams row by row only with this magic fetch size; an engine whose URL says
     * {@code useCursorFetch=true} passes the requested size instead, which reads through a server-side cursor.
     *
     * <pre>{@code
     * int fetch = Dialect.MYSQL.streamingFetchSize(500);   // Integer.MIN_VALUE
     * }</pre>
     */
    @Override
    public int streamingFetchSize(int requested) {
        return Integer.MIN_VALUE;
    }

    /**
     * The row-by-row stream holds the connection: no other statement until it ends. A URL with
     * {@code useCursorFetch=true} lifts that ({@code Connection.runsStatementsWhileStreaming()} says so per connection).
     *
     * <pre>{@code
     * boolean interleave = Dialect.MYSQL.runsStatementsWhileStreaming();   // false
     * }</pre>
     */
    @Override
    public boolean runsStatementsWhileStreaming() {
        return false;
    }

    /**
     * Batches go as one multi-row INSERT: executemany at bulk speed.
     *
     * <pre>{@code
     * Map<String, String> props = Dialect.MYSQL.driverProperties("jdbc:mysql://db/app", new ConnectionSettings(Duration.ofSeconds(5), "WAL"));
     * }</pre>
     */
    @Override
    public java.util.Map<String, String> driverProperties(String url, ConnectionSettings settings) {
        return java.util.Map.of("rewriteBatchedStatements", "true");
    }

    @Override
    public boolean refinedByServer() {
        return !mariaDb;
    }

    /**
     * A {@code jdbc:mysql:} URL may reach MariaDB, which has RETURNING: the server's version says which.
     *
     * <pre>{@code
     * Dialect exact = Dialect.MYSQL.forServer(conn.jdbc().getMetaData());
     * }</pre>
     */
    @Override
    public Dialect forServer(java.sql.DatabaseMetaData server) throws SQLException {
        if (mariaDb) {
            return this;
        }
        String version = server.getDatabaseProductVersion();
        return version != null && version.contains("MariaDB") ? MARIADB : this;
    }

    @Override
    public boolean namesPrimaryKey(String message) {
        return message.contains("'PRIMARY'");
    }

    /**
     * A native enum is an inline {@code ENUM(...)} column type here, which refuses other labels itself.
     *
     * <pre>{@code
     * boolean check = Dialect.MYSQL.checksEnumLabels(EnumType.byName(Status.class));   // true unless native
     * }</pre>
     */
    @Override
    public boolean checksEnumLabels(org.tabula.type.EnumType<?> type) {
        return type.nativeName() == null;
    }

    @Override
    public ErrorKind classify(SQLException e) {
        switch (e.getErrorCode()) {
            case 1062, 1586 -> {
                return ErrorKind.UNIQUE_VIOLATION;
            }
            case 1451, 1452, 1216, 1217 -> {
                return ErrorKind.FOREIGN_KEY_VIOLATION;
            }
            case 1048, 1364 -> {
                return ErrorKind.NOT_NULL_VIOLATION;
            }
            case 3819, 4025 -> {
                return ErrorKind.CHECK_VIOLATION;
            }
            case 1406, 1264, 1366, 1292 -> {
                return ErrorKind.DATA;
            }
            case 1317, 3024, 1969 -> {
                return ErrorKind.CANCELED;
            }
            case 1213, 1205, 1020 -> { // deadlock, lock wait timeout, snapshot isolation's "Record has changed"
                return ErrorKind.TRANSACTION_CONFLICT;
            }
            case 1927, 1053 -> { // MariaDB's "connection was killed", server shutdown in progress
                return ErrorKind.CONNECTION;
            }
            case 1792 -> {
                return ErrorKind.READ_ONLY;
            }
            case 1290 -> { // "running with the --read-only option" (a replica), or another option that prevents it
                String m = e.getMessage();
                return m != null && m.contains("read-only") ? ErrorKind.READ_ONLY : super.classify(e);
            }
            default -> {
                // Connector/J refuses writes on a read-only connection itself, with no server code.
                String m = e.getMessage();
                if (m != null && m.startsWith("Connection is read-only")) {
                    return ErrorKind.READ_ONLY;
                }
                return super.classify(e);
            }
        }
    }

    @Override
    public boolean serverClosedConnection(SQLException e) {
        return e.getErrorCode() == 1927 || e.getErrorCode() == 1053 || super.serverClosedConnection(e);
    }

    /**
     * {@code Seconds_Behind_Master} of the first replication channel (MariaDB; MySQL 8.0.22+
     * names it {@code Seconds_Behind_Source} under {@code SHOW REPLICA STATUS}): {@code NULL}
     * there means a replication thread is stopped. A server with no channel is no replica.
     *
     * <pre>{@code
     * Duration lag = Dialect.MARIADB.replicationLag(conn.jdbc());   // null on a primary
     * }</pre>
     */
    @Override
    public java.time.Duration replicationLag(java.sql.Connection jdbc) throws SQLException {
        try (java.sql.Statement st = jdbc.createStatement();
             java.sql.ResultSet rs = st.executeQuery(mariaDb ? "SHOW SLAVE STATUS" : "SHOW REPLICA STATUS")) {
            if (!rs.next()) {
                return java.time.Duration.ZERO;
            }
            long seconds = rs.getLong(mariaDb ? "Seconds_Behind_Master" : "Seconds_Behind_Source");
            return rs.wasNull() ? null : java.time.Duration.ofSeconds(seconds);
        }
    }
}
