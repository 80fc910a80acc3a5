package org.tabula.error;

import java.sql.SQLException;

/** A constraint of the schema was violated; nothing of the statement was written. */
public class IntegrityException extends DatabaseException {

    public IntegrityException(String message, SQLException cause, String sql) {
        super(message, cause, sql);
    }
}
