package org.tabula.error;

import org.jspecify.annotations.Nullable;

import java.sql.SQLException;

/** The connection or transaction failed for reasons outside the statement: a lost connection, a deadlock, a serialization failure. */
public class OperationalException extends DatabaseException {

    /**
     * An exception for a failed connection or transaction: {@code new OperationalException("...", sqlException, sql)}.
     *
     * <pre>{@code
     * throw new OperationalException("connection lost", sqlException, "SELECT ...");
     * }</pre>
     *
     * @param message what failed, naming the table and columns where known
     * @param cause the driver's exception, or {@code null} when Tabula refused the value itself
     * @param sql the statement's SQL, or {@code null}
     */
    public OperationalException(String message, @Nullable SQLException cause, @Nullable String sql) {
        super(message, cause, sql);
    }
}
