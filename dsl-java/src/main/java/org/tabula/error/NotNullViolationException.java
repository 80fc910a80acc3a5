package org.tabula.error;

import org.jspecify.annotations.Nullable;

import java.sql.SQLException;

/** NULL was written to a NOT NULL column. */
public class NotNullViolationException extends IntegrityException {

    public NotNullViolationException(String message, @Nullable SQLException cause, @Nullable String sql) {
        super(message, cause, sql);
    }
}
