package org.tabula.error;

import org.jspecify.annotations.Nullable;

import java.sql.SQLException;

/** A constraint of the schema was violated; nothing of the statement was written. */
public class IntegrityException extends DatabaseException {

    public IntegrityException(String message, @Nullable SQLException cause, @Nullable String sql) {
        super(message, cause, sql);
    }
}
