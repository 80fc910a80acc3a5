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

    private final @Nullable String sqlState;
    private final int vendorCode;
    private final @Nullable String sql;

    public DatabaseException(String message, @Nullable SQLException cause, @Nullable String sql) {
        super(message, cause);
        this.sqlState = cause == null ? null : cause.getSQLState();
        this.vendorCode = cause == null ? 0 : cause.getErrorCode();
        this.sql = sql;
    }

    /** Wraps {@code e} in the exception type matching {@code kind}. */
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

    /** The five-character SQLState, or {@code null} when the driver gave none. */
    public @Nullable String sqlState() {
        return sqlState;
    }

    public int vendorCode() {
        return vendorCode;
    }

    /** The SQL that failed, or {@code null}. */
    public @Nullable String sql() {
        return sql;
    }
}
