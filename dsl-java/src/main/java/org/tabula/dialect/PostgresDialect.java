package org.tabula.dialect;

import org.tabula.schema.Column;
import org.tabula.statement.Insert;

import org.jspecify.annotations.Nullable;

import java.sql.SQLException;
import org.tabula.type.DatabaseFamily;

/**
 * PostgreSQL (11+): identity columns, RETURNING everywhere, native UUID, timestamptz for instants.
 *
 * <pre>{@code
 * Dialect.POSTGRES.quote("order");                                           // "order"
 * Dialect.POSTGRES.supportsReturning(Dialect.ReturningSupport.UPDATE);       // true
 * }</pre>
 */
public final class PostgresDialect extends Dialect {

    PostgresDialect() {
    }

    @Override
    public String name() {
        return "postgresql";
    }

    private final Catalog catalog = new PostgresCatalog();

    @Override
    public Catalog catalog() {
        return catalog;
    }

    @Override
    protected SqlRenderer newRenderer() {
        return new PostgresRenderer(this);
    }


    @Override
    public DatabaseFamily family() {
        return DatabaseFamily.POSTGRESQL;
    }

    @Override
    public boolean supportsReturning(ReturningSupport statement) {
        return true;
    }

    /**
     * pgjdbc's auto-commit switch is client-side (it sends BEGIN with the next statement, and turning it
     * back on after a commit sends nothing), so auto-commit reads cost transactions nothing.
     *
     * <pre>{@code
     * boolean on = Dialect.POSTGRES.autoCommitReadsByDefault();   // true
     * }</pre>
     */
    @Override
    public boolean autoCommitReadsByDefault() {
        return true;
    }

    /**
     * pgjdbc runs a batch of {@code INSERT ... RETURNING} prepared with
     * {@code RETURN_GENERATED_KEYS} as one pipelined batch and hands back every row's key, in
     * row order, from {@code getGeneratedKeys()} (the statement's own RETURNING is kept): the path
     * of keys that are not sequence values ({@link #insertManyValuesRows} takes the others).
     *
     * <pre>{@code
     * boolean keys = Dialect.POSTGRES.batchReturnsGeneratedKeys();   // true
     * }</pre>
     */
    @Override
    public boolean batchReturnsGeneratedKeys() {
        return true;
    }

    @Override
    public boolean batchKeysFromReturning() {
        return true;
    }

    /**
     * Up to 1,000 rows per {@code INSERT ... SELECT ... FROM (VALUES ...) ORDER BY sentinel
     * RETURNING key}, within PostgreSQL's 65,535 bind parameters: sequence values follow the
     * ORDER BY, so the sorted keys are in row order ({@link #renderInsertManyValues}).
     *
     * <pre>{@code
     * int rows = Dialect.POSTGRES.insertManyValuesRows(6);   // 1000
     * }</pre>
     */
    @Override
    public int insertManyValuesRows(int columns) {
        return Math.max(1, Math.min(1000, 65_535 / Math.max(1, columns)));
    }

    /**
     * PostgreSQL does not promise RETURNING rows in VALUES order, but assigns sequence values in
     * the order rows reach the insert: SQLAlchemy's form sorts the rows by a sentinel first.
     *
     * <pre>{@code
     * Insert oneRowInsert = insert(USERS).values(Map.of("name", "ann"));
     * RenderedSql sql = Dialect.POSTGRES.renderInsertManyValues(oneRowInsert, 1000, USERS.id);
     * // INSERT INTO "users" ("name") SELECT p1 FROM (VALUES (CAST(? AS VARCHAR), 0), ...) AS imv (p1, imv_sentinel)
     * //     ORDER BY imv_sentinel RETURNING "users"."id"
     * }</pre>
     */
    @Override
    public RenderedSql renderInsertManyValues(Insert single, int rows, Column<?> key) {
        return renderInRowOrder(single.repeatRow(rows).returning(key));
    }

    /**
     * pgjdbc's batch exception quotes the failing statement with its values inlined; its next
     * exception is the server's message, which is what the error should say (and never values).
     *
     * <pre>{@code
     * SQLException cause = Dialect.POSTGRES.databaseError(sqlException);
     * }</pre>
     */
    @Override
    public SQLException databaseError(SQLException e) {
        if (e instanceof java.sql.BatchUpdateException && e.getNextException() != null && e.getNextException() != e) {
            SQLException next = e.getNextException();
            if (next.getSQLState() != null || e.getSQLState() == null) {
                return next;
            }
        }
        return e;
    }

    @Override
    public boolean namesPrimaryKey(String message) {
        return message.contains("_pkey");
    }

    @Override
    public boolean supportsNativeEnumTypes() {
        return true;
    }

    /**
     * UTC sessions, so server-side {@code now()} for timestamps means the same on every database.
     *
     * <pre>{@code
     * String sql = Dialect.POSTGRES.connectionInitSql();   // SET TIME ZONE 'UTC'
     * }</pre>
     */
    @Override
    public @Nullable String connectionInitSql() {
        return "SET TIME ZONE 'UTC'";
    }

    /**
     * A standby that has replayed everything it received lags by nothing, however long ago the
     * primary last wrote; otherwise by the age of the last transaction it replayed (so an idle
     * primary's first write after an hour shows an hour until the standby replays it: a bound
     * errs towards the primary).
     *
     * <pre>{@code
     * Duration lag = Dialect.POSTGRES.replicationLag(conn.jdbc());   // null on a primary
     * }</pre>
     */
    @Override
    public java.time.Duration replicationLag(java.sql.Connection jdbc) throws SQLException {
        try (java.sql.Statement st = jdbc.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT CASE WHEN NOT pg_is_in_recovery() THEN 0"
                     + " WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0"
                     + " ELSE CAST(EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000"
                     + " AS BIGINT) END")) {
            rs.next();
            long millis = rs.getLong(1);
            return rs.wasNull() ? null : java.time.Duration.ofMillis(Math.max(0, millis));
        }
    }
}
