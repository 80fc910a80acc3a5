package org.tabula.engine;

/**
 * Work done inside a transaction; may throw anything, which rolls the transaction back.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface TransactionCallback<T> {
    T run(Connection connection) throws Exception;
}
