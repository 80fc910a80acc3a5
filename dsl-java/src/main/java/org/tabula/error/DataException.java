package org.tabula.error;

import org.jspecify.annotations.Nullable;

import java.sql.SQLException;

/** A value did not fit its column: too long, out of range, or unparsable. */
public class DataException extends DatabaseException {

    /**
     * An exception for a value that did not fit its column: {@code new DataException("...", sqlException, sql)}.
     *
     * <pre>{@code
     * throw new DataException("value too long for users.name", sqlException, "INSERT INTO users ...");
     * }</pre>
     *
     * @param message what failed, naming the table and columns where known
     * @param cause the driver's exception, or {@code null} when Tabula refused the value itself
     * @param sql the statement's SQL, or {@code null}
     */
    public DataException(String message, @Nullable SQLException cause, @Nullable String sql) {
        super(message, cause, sql);
    }
}
