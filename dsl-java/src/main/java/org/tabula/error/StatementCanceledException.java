package org.tabula.error;

import org.jspecify.annotations.Nullable;

import java.sql.SQLException;

/** The statement was cancelled (timeout, coroutine cancellation) before it finished. */
public class StatementCanceledException extends OperationalException {

    /**
     * An exception for a cancelled statement: {@code new StatementCanceledException("...", sqlException, sql)}.
     *
     * <pre>{@code
     * throw new StatementCanceledException("statement timed out after 5 s", sqlException, "SELECT ...");
     * }</pre>
     *
     * @param message what failed, naming the table and columns where known
     * @param cause the driver's exception, or {@code null} when Tabula refused the value itself
     * @param sql the statement's SQL, or {@code null}
     */
    public StatementCanceledException(String message, @Nullable SQLException cause, @Nullable String sql) {
        super(message, cause, sql);
    }
}
