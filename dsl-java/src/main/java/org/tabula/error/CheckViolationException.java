package org.tabula.error;

import org.jspecify.annotations.Nullable;

import java.sql.SQLException;

/** A CHECK constraint was violated. */
public class CheckViolationException extends IntegrityException {

    public CheckViolationException(String message, @Nullable SQLException cause, @Nullable String sql) {
        super(message, cause, sql);
    }
}
