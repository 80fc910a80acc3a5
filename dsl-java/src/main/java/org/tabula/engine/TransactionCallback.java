package org.tabula.engine;

import org.jspecify.annotations.Nullable;

/**
 * Work done inside a transaction; may throw anything, which rolls the transaction back.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface TransactionCallback<T extends @Nullable Object> {
    /**
     * Runs in the transaction: {@code conn -> conn.execute(select(count()).from(USERS)).scalarOne()}.
     *
     * <pre>{@code
     * TransactionCallback<Long> count = conn -> conn.execute(select(count()).from(USERS)).scalarOne();
     * long n = engine.transaction(count);
     * }</pre>
     *
     * @param connection the transaction's connection
     * @return the value the transaction returns
     * @throws Exception anything; it rolls the transaction back and is rethrown
     */
    T run(Connection connection) throws Exception;
}
