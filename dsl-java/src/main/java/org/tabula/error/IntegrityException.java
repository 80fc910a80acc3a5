package org.tabula.error;

import org.jspecify.annotations.Nullable;

import java.sql.SQLException;

/** A constraint of the schema was violated; nothing of the statement was written. */
public class IntegrityException extends DatabaseException {

    /**
     * An exception for a violated constraint: {@code new IntegrityException("...", sqlException, sql)}.
     *
     * <pre>{@code
     * throw new IntegrityException("constraint violated", sqlException, "INSERT INTO users ...");
     * }</pre>
     *
     * @param message what failed, naming the table and columns where known
     * @param cause the driver's exception, or {@code null} when Tabula refused the value itself
     * @param sql the statement's SQL, or {@code null}
     */
    public IntegrityException(String message, @Nullable SQLException cause, @Nullable String sql) {
        super(message, cause, sql);
    }
}
