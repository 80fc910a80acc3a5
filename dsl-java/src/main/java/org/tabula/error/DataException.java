package org.tabula.error;

import org.jspecify.annotations.Nullable;

import java.sql.SQLException;

/** A value did not fit its column: too long, out of range, or unparsable. */
public class DataException extends DatabaseException {

    public DataException(String message, @Nullable SQLException cause, @Nullable String sql) {
        super(message, cause, sql);
    }
}
