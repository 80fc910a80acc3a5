package org.tabula.error;

import org.jspecify.annotations.Nullable;

import java.sql.SQLException;

/**
 * The database refused a write in a read-only transaction
 * ({@code TransactionOptions.readOnlyTransaction()} or {@code EngineOptions.readOnly(true)}).
 *
 * <pre>{@code
 * engine.transaction(TransactionOptions.readOnlyTransaction(), conn ->
 *         conn.execute(insert(USERS).set(USERS.name, "ann")));   // ReadOnlyTransactionException
 * }</pre>
 */
public class ReadOnlyTransactionException extends DatabaseException {

    public ReadOnlyTransactionException(String message, @Nullable SQLException cause, @Nullable String sql) {
        super(message, cause, sql);
    }
}
