package org.tabula.engine;

/** Work done inside a transaction that returns nothing; may throw anything, which rolls it back. */
@FunctionalInterface
public interface TransactionWork {
    /**
     * Runs in the transaction: {@code conn -> conn.execute(insert(USERS).set(USERS.name, "ann"))}.
     *
     * <pre>{@code
     * TransactionWork addAnn = conn -> conn.execute(insert(USERS).set(USERS.name, "ann"));
     * engine.begin(addAnn);
     * }</pre>
     *
     * @param connection the transaction's connection
     * @throws Exception anything; it rolls the transaction back and is rethrown
     */
    void run(Connection connection) throws Exception;
}
