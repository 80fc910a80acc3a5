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

    /**
     * An exception for a write refused by a read-only transaction: {@code new ReadOnlyTransactionException("...", sqlException, sql)}.
     *
     * <pre>{@code
     * throw new ReadOnlyTransactionException("cannot write in a read-only transaction", sqlException, "INSERT INTO users ...");
     * }</pre>
     *
     * @param message what failed, naming the table and columns where known
     * @param cause the driver's exception, or {@code null} when Tabula refused the value itself
     * @param sql the statement's SQL, or {@code null}
     */
    public ReadOnlyTransactionException(String message, @Nullable SQLException cause, @Nullable String sql) {
        super(message, cause, sql);
    }
}
