package org.tabula.engine;

import org.jspecify.annotations.Nullable;

/**
 * Work done inside a transaction; may throw anything, which rolls the transaction back.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface TransactionCallback<T extends @Nullable Object> {
    T run(Connection connection) throws Exception;
}
