package org.tabula.error;

import org.jspecify.annotations.Nullable;

import java.sql.SQLException;

/** NULL was written to a NOT NULL column. */
public class NotNullViolationException extends IntegrityException {

    /**
     * An exception for NULL written to a NOT NULL column: {@code new NotNullViolationException("...", sqlException, sql)}.
     *
     * <pre>{@code
     * throw new NotNullViolationException("users.name is NOT NULL", sqlException, "INSERT INTO users ...");
     * }</pre>
     *
     * @param message what failed, naming the table and columns where known
     * @param cause the driver's exception, or {@code null} when Tabula refused the value itself
     * @param sql the statement's SQL, or {@code null}
     */
    public NotNullViolationException(String message, @Nullable SQLException cause, @Nullable String sql) {
        super(message, cause, sql);
    }
}
