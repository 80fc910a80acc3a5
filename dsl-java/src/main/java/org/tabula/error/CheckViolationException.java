package org.tabula.error;

import org.jspecify.annotations.Nullable;

import java.sql.SQLException;

/** A CHECK constraint was violated. */
public class CheckViolationException extends IntegrityException {

    /**
     * An exception for a violated CHECK constraint: {@code new CheckViolationException("...", sqlException, sql)}.
     *
     * <pre>{@code
     * throw new CheckViolationException("CHECK (qty > 0) failed on items", sqlException, "INSERT INTO items ...");
     * }</pre>
     *
     * @param message what failed, naming the table and columns where known
     * @param cause the driver's exception, or {@code null} when Tabula refused the value itself
     * @param sql the statement's SQL, or {@code null}
     */
    public CheckViolationException(String message, @Nullable SQLException cause, @Nullable String sql) {
        super(message, cause, sql);
    }
}
