package org.tabula.error;

import java.sql.SQLException;

/** NULL was written to a NOT NULL column. */
public class NotNullViolationException extends IntegrityException {

    public NotNullViolationException(String message, SQLException cause, String sql) {
        super(message, cause, sql);
    }
}
