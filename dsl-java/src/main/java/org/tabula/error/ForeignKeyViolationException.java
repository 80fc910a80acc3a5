package org.tabula.error;

import org.jspecify.annotations.Nullable;

import java.sql.SQLException;

/** A FOREIGN KEY constraint was violated. */
public class ForeignKeyViolationException extends IntegrityException {

    public ForeignKeyViolationException(String message, @Nullable SQLException cause, @Nullable String sql) {
        super(message, cause, sql);
    }
}
