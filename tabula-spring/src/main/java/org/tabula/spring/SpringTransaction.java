package org.tabula.spring;

import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tabula.engine.ExternalTransaction;
import org.tabula.engine.Isolation;

/** One Spring transaction's connection, lent to a Tabula connection until it closes. */
final class SpringTransaction implements ExternalTransaction {

    private final DataSource dataSource;
    private final ConnectionHolder holder;
    private final java.sql.Connection connection;

    SpringTransaction(DataSource dataSource, ConnectionHolder holder, java.sql.Connection connection) {
        this.dataSource = dataSource;
        this.holder = holder;
        this.connection = connection;
    }

    @Override
    public java.sql.Connection connection() {
        return connection;
    }

    /**
     * Marks the whole Spring transaction (the connection holder), as a participating Spring
     * transaction that fails does: the outermost commit then rolls back and throws
     * {@code UnexpectedRollbackException}.
     */
    @Override
    public void setRollbackOnly() {
        holder.setRollbackOnly();
    }

    @Override
    public void release() {
        DataSourceUtils.releaseConnection(connection, dataSource);
    }

    @Override
    public Isolation isolation() {
        Integer level = TransactionSynchronizationManager.getCurrentTransactionIsolationLevel();
        return level == null ? null : Isolation.ofJdbc(level);
    }

    @Override
    public boolean isReadOnly() {
        return TransactionSynchronizationManager.isCurrentTransactionReadOnly();
    }
}
