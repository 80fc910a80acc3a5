package org.tabula.error;

import java.sql.SQLException;

/** A CHECK constraint was violated. */
public class CheckViolationException extends IntegrityException {

    public CheckViolationException(String message, SQLException cause, String sql) {
        super(message, cause, sql);
    }
}
