package org.tabula.error;

import java.sql.SQLException;

/** A FOREIGN KEY constraint was violated. */
public class ForeignKeyViolationException extends IntegrityException {

    public ForeignKeyViolationException(String message, SQLException cause, String sql) {
        super(message, cause, sql);
    }
}
