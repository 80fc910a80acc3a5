package org.tabula.error;

import java.sql.SQLException;

/** A UNIQUE or PRIMARY KEY constraint was violated. */
public class UniqueViolationException extends IntegrityException {

    public UniqueViolationException(String message, SQLException cause, String sql) {
        super(message, cause, sql);
    }
}
