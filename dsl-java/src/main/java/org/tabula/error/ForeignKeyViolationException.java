package org.tabula.error;

import org.jspecify.annotations.Nullable;

import java.sql.SQLException;

/** A FOREIGN KEY constraint was violated. */
public class ForeignKeyViolationException extends IntegrityException {

    /**
     * An exception for a violated FOREIGN KEY: {@code new ForeignKeyViolationException("...", sqlException, sql)}.
     *
     * <pre>{@code
     * throw new ForeignKeyViolationException("posts.user_id 42 has no users row", sqlException, "INSERT INTO posts ...");
     * }</pre>
     *
     * @param message what failed, naming the table and columns where known
     * @param cause the driver's exception, or {@code null} when Tabula refused the value itself
     * @param sql the statement's SQL, or {@code null}
     */
    public ForeignKeyViolationException(String message, @Nullable SQLException cause, @Nullable String sql) {
        super(message, cause, sql);
    }
}
