package org.tabula.engine;

/** Work done inside a transaction that returns nothing; may throw anything, which rolls it back. */
@FunctionalInterface
public interface TransactionWork {
    void run(Connection connection) throws Exception;
}
