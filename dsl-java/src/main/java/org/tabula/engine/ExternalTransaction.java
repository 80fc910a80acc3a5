package org.tabula.engine;

/**
 * One transaction of an {@link ExternalTransactions outside manager}, as Tabula sees it while it
 * works on the transaction's connection. Tabula never commits, rolls back or closes that
 * connection: {@link Connection#commit()} leaves the commit to the manager,
 * {@link Connection#rollback()} and any Tabula failure mark the transaction
 * {@link #setRollbackOnly() rollback-only}, and {@link Connection#close()} calls
 * {@link #release()}.
 *
 * <pre>{@code
 * ExternalTransaction tx = transactions.current(dataSource);
 * if (tx != null) {
 *     try { tx.connection().prepareStatement("...").execute(); } finally { tx.release(); }
 * }
 * }</pre>
 */
public interface ExternalTransaction {

    /**
     * The transaction's JDBC connection, autocommit off.
     *
     * <pre>{@code
     * java.sql.Connection jdbc = tx.connection();
     * }</pre>
     *
     * @return the transaction's JDBC connection, autocommit off
     */
    java.sql.Connection connection();

    /**
     * Marks the transaction so that its owner rolls it back instead of committing: what a failed
     * Tabula block or statement inside it, or an explicit rollback, does.
     *
     * <pre>{@code
     * tx.setRollbackOnly();
     * }</pre>
     */
    void setRollbackOnly();

    /**
     * Gives the connection back to the manager (which keeps it for its transaction); called once,
     * when the Tabula connection over it closes.
     *
     * <pre>{@code
     * tx.release();
     * }</pre>
     */
    void release();

    /**
     * The transaction's isolation level, or {@code null} for the database's default: what a Tabula
     * block that joins it is checked against.
     *
     * <pre>{@code
     * Isolation level = tx.isolation();
     * }</pre>
     *
     * @return the transaction's isolation level
     */
    Isolation isolation();

    /**
     * Whether the transaction is read-only.
     *
     * <pre>{@code
     * boolean readOnly = tx.isReadOnly();
     * }</pre>
     *
     * @return whether the transaction is read-only
     */
    boolean isReadOnly();
}
