package org.tabula.error;

import org.jspecify.annotations.Nullable;

import java.sql.SQLException;

/** A UNIQUE or PRIMARY KEY constraint was violated. */
public class UniqueViolationException extends IntegrityException {

    /**
     * An exception for a violated UNIQUE or PRIMARY KEY constraint: {@code new UniqueViolationException("...", sqlException, sql)}.
     *
     * <pre>{@code
     * throw new UniqueViolationException("users.email ann@example.com exists", sqlException, "INSERT INTO users ...");
     * }</pre>
     *
     * @param message what failed, naming the table and columns where known
     * @param cause the driver's exception, or {@code null} when Tabula refused the value itself
     * @param sql the statement's SQL, or {@code null}
     */
    public UniqueViolationException(String message, @Nullable SQLException cause, @Nullable String sql) {
        super(message, cause, sql);
    }
}
