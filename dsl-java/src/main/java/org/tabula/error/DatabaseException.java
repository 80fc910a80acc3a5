package org.tabula.error;

import org.jspecify.annotations.Nullable;

import java.sql.SQLException;

/**
 * The database refused a statement. Wraps the driver's {@link SQLException} and keeps its
 * SQLState and vendor code; the message names the SQL (never the bound values).
 *
 * <pre>{@code
 * try {
 *     conn.execute(insert(USERS).set(USERS.email, email));
 * } catch (UniqueViolationException e) {
 *     // e.sqlState(), e.sql()
 * }
 * }</pre>
 */
public class DatabaseException extends TabulaException {

    /** The SQLState the driver reported, or {@code null}. */
    private final @Nullable String sqlState;
    /** The database's own error code, or 0. */
    private final int vendorCode;
    /** The statement that failed, or {@code null}. */
    private final @Nullable String sql;

    /**
     * An exception for a statement the database refused: {@code new DatabaseException("...", sqlException, sql)}.
     *
     * <pre>{@code
     * throw new DatabaseException("the database refused the statement", sqlException, "UPDATE users ...");
     * }</pre>
     *
     * @param message what failed, naming the table and columns where known
     * @param cause the driver's exception, or {@code null} when Tabula refused the value itself
     * @param sql the statement's SQL, or {@code null}
     */
    public DatabaseException(String message, @Nullable SQLException cause, @Nullable String sql) {
        super(message, cause);
        this.sqlState = cause == null ? null : cause.getSQLState();
        this.vendorCode = cause == null ? 0 : cause.getErrorCode();
        this.sql = sql;
    }

    /**
     * Wraps {@code e} in the exception type matching {@code kind}.
     *
     * <pre>{@code
     * DatabaseException e = DatabaseException.of(ErrorKind.UNIQUE_VIOLATION, sqlException, "INSERT INTO users ...", "users.email");
     * }</pre>
     *
     * @param kind what the dialect made of the error: {@code dialect.classify(e)}
     * @param e the driver's exception
     * @param sql the statement's SQL, or {@code null}
     * @param context what was being done, put before the message ({@code "insert into users"}), or {@code null}
     * @return the exception to throw: {@code throw DatabaseException.of(kind, e, sql, null)}
     */
    public static DatabaseException of(ErrorKind kind, SQLException e, @Nullable String sql, @Nullable String context) {
        String base = (context == null ? "" : context + ": ") + firstLine(e.getMessage())
                + (sql == null ? "" : " [SQL: " + sql + "]");
        return switch (kind) {
            case UNIQUE_VIOLATION -> new UniqueViolationException(base, e, sql);
            case FOREIGN_KEY_VIOLATION -> new ForeignKeyViolationException(base, e, sql);
            case NOT_NULL_VIOLATION -> new NotNullViolationException(base, e, sql);
            case CHECK_VIOLATION -> new CheckViolationException(base, e, sql);
            case OTHER_INTEGRITY -> new IntegrityException(base, e, sql);
            case DATA -> new DataException(base, e, sql);
            case CANCELED -> new StatementCanceledException(base, e, sql);
            case READ_ONLY -> new ReadOnlyTransactionException(base, e, sql);
            case CONNECTION, TRANSACTION_CONFLICT -> new OperationalException(base, e, sql);
            case OTHER -> new DatabaseException(base, e, sql);
        };
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "database error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /**
     * The five-character SQLState, or {@code null} when the driver gave none.
     *
     * <pre>{@code
     * try {
     *     conn.execute(insert(USERS).set(USERS.email, email));
     * } catch (DatabaseException e) {
     *     log.warn("SQLSTATE {}", e.sqlState());   // 23505 for a unique violation on PostgreSQL
     * }
     * }</pre>
     *
     * @return the SQLState, {@code "23505"} for a unique violation on PostgreSQL, or {@code null}
     */
    public @Nullable String sqlState() {
        return sqlState;
    }

    /**
     * The database's own error code: {@code e.vendorCode()} is 1062 for a duplicate key on MariaDB.
     *
     * <pre>{@code
     * try {
     *     conn.execute(insert(USERS).set(USERS.email, email));
     * } catch (DatabaseException e) {
     *     log.warn("vendor code {}", e.vendorCode());   // 1062 for a duplicate key on MySQL
     * }
     * }</pre>
     *
     * @return the code, or 0 when the driver gave none
     */
    public int vendorCode() {
        return vendorCode;
    }

    /**
     * The SQL that failed, or {@code null}.
     *
     * <pre>{@code
     * try {
     *     conn.execute(insert(USERS).set(USERS.email, email));
     * } catch (DatabaseException e) {
     *     log.warn("failed: {}", e.sql());
     * }
     * }</pre>
     *
     * @return the SQL: {@code log.warn("failed: {}", e.sql())}
     */
    public @Nullable String sql() {
        return sql;
    }
}
