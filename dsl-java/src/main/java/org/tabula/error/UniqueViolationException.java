package org.tabula.error;

import org.jspecify.annotations.Nullable;

import java.sql.SQLException;

/** A UNIQUE or PRIMARY KEY constraint was violated. */
public class UniqueViolationException extends IntegrityException {

    public UniqueViolationException(String message, @Nullable SQLException cause, @Nullable String sql) {
        super(message, cause, sql);
    }
}
