package org.tabula.spring;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tabula.engine.ExternalTransaction;
import org.tabula.engine.ExternalTransactions;

/**
 * Spring's transactions, as an engine's {@link ExternalTransactions}: inside {@code @Transactional}
 * or a {@code TransactionTemplate} whose transaction manager ({@code DataSourceTransactionManager},
 * {@code JdbcTransactionManager}) runs over the engine's data source, Tabula works on the
 * transaction's connection, found as {@code JdbcTemplate} finds it ({@link DataSourceUtils}), and
 * leaves commit, rollback and close to Spring. Outside one, the engine takes and ends its own
 * transactions as usual.
 *
 * <pre>{@code
 * Engine engine = Engine.create(dataSource, Dialect.POSTGRES, EngineOptions.defaults(), new SpringTransactions());
 * // usually: SpringEngine.create(dataSource), or the Boot auto-configuration
 * }</pre>
 *
 * <p>A transaction of another manager over another data source (JPA over a second database,
 * say) is not joined: the data source must be the one Spring's transaction is bound to.
 */
public final class SpringTransactions implements ExternalTransactions {

    /**
     * The Spring transaction bound to this thread for {@code dataSource}, or {@code null} when
     * there is none (no transaction, or one that holds no connection of this data source).
     *
     * <pre>{@code
     * ExternalTransaction tx = new SpringTransactions().current(dataSource);
     * }</pre>
     */
    @Override
    public ExternalTransaction current(DataSource dataSource) throws SQLException {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        // Only a connection a transaction manager began a transaction on: one that mere
        // synchronization bound (PROPAGATION_SUPPORTS) is in no transaction and Tabula runs its own.
        if (!(TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder)
                || !holder.isSynchronizedWithTransaction()) {
            return null;
        }
        return new SpringTransaction(dataSource, holder, DataSourceUtils.doGetConnection(dataSource));
    }

    @Override
    public String toString() {
        return "SpringTransactions";
    }
}
