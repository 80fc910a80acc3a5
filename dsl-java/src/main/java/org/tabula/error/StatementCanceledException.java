package org.tabula.error;

import java.sql.SQLException;

/** The statement was cancelled (timeout, coroutine cancellation) before it finished. */
public class StatementCanceledException extends OperationalException {

    public StatementCanceledException(String message, SQLException cause, String sql) {
        super(message, cause, sql);
    }
}
