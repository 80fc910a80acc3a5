package org.tabula.error;

import org.jspecify.annotations.Nullable;

import java.sql.SQLException;

/** The connection or transaction failed for reasons outside the statement: a lost connection, a deadlock, a serialization failure. */
public class OperationalException extends DatabaseException {

    public OperationalException(String message, @Nullable SQLException cause, @Nullable String sql) {
        super(message, cause, sql);
    }
}
