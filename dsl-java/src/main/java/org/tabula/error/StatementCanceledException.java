package org.tabula.error;

import org.jspecify.annotations.Nullable;

import java.sql.SQLException;

/** The statement was cancelled (timeout, coroutine cancellation) before it finished. */
public class StatementCanceledException extends OperationalException {

    public StatementCanceledException(String message, @Nullable SQLException cause, @Nullable String sql) {
        super(message, cause, sql);
    }
}
