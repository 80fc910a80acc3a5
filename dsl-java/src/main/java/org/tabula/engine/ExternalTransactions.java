package org.tabula.engine;

import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A transaction manager outside Tabula (Spring's, in {@code tabula-spring}) that may own the
 * transaction running on the current thread. An engine made with
 * {@link Engine#create(DataSource, org.tabula.dialect.Dialect, EngineOptions, ExternalTransactions)}
 * asks it whenever it needs a connection: when the manager runs a transaction over the engine's
 * data source, Tabula works on that transaction's connection and leaves its commit, rollback and
 * close to the manager; when it runs none, the engine behaves as any other.
 *
 * <pre>{@code
 * ExternalTransactions spring = dataSource -> springManagedTransactionOrNull(dataSource);
 * Engine engine = Engine.create(dataSource, Dialect.POSTGRES, EngineOptions.defaults(), spring);
 * }</pre>
 *
 * <p>Asked on the thread that wants the connection, once per {@code Engine.connect()} and once per
 * outermost {@code begin}/{@code transaction} block; it must be cheap when no transaction runs.
 */
@FunctionalInterface
public interface ExternalTransactions {

    /**
     * The transaction the manager runs on this thread over {@code dataSource}, with its connection
     * lent to Tabula until {@link ExternalTransaction#release()}; {@code null} when it runs none.
     *
     * <pre>{@code
     * ExternalTransaction tx = transactions.current(engine.dataSource());
     * }</pre>
     *
     * @throws SQLException when the manager's connection cannot be had
     * @param dataSource the engine's data source
     * @return the transaction the manager runs on this thread over {@code dataSource}, with its connection lent to Tabula until {@link ExternalTransaction#release()}
     */
    ExternalTransaction current(DataSource dataSource) throws SQLException;
}
