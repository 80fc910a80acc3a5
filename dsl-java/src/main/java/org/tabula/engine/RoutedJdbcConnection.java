package org.tabula.engine;

import java.sql.SQLException;
import org.tabula.statement.Statement;

/**
 * The JDBC connection under a {@link Connection} of a replicated engine: it borrows a real one
 * only when the first statement says what it needs (a replica for a read, the primary for anything
 * else) and moves to the primary at the first write. {@link Connection} tells it each statement
 * through {@link #before}; every other JDBC call goes to the connection in use, borrowing the
 * primary's when there is none yet (metadata, savepoints, transaction settings are the primary's
 * business).
 *
 * <p>A read-only transaction on a replica that then writes continues on the primary: what it read
 * before is not re-read, which is why read-modify-write work belongs in {@code begin}/{@code
 * transaction} (pinned to the primary). The replica's connection is kept until this one closes,
 * so that a result still being streamed from it stays readable.
 */
final class RoutedJdbcConnection implements java.sql.Connection {

    private final ReplicaRouter router;
    private final boolean primaryOnly;
    private final ReadYourWrites context;
    private Connection primary;
    private Connection replica;
    private ReplicaRouter.Node replicaNode;
    /** The connection statements go to now; null until the first one. */
    private java.sql.Connection target;
    private boolean onReplica;
    private boolean wrote;
    private boolean closed;

    RoutedJdbcConnection(ReplicaRouter router, boolean primaryOnly, ReadYourWrites context) {
        this.router = router;
        this.primaryOnly = primaryOnly;
        this.context = context;
    }

    /** Picks (or changes) the server for {@code statement}, before it is prepared; records a write. */
    void before(Statement statement) {
        before(ReplicaRouter.isRead(statement));
    }

    /**
     * The same for a statement rendered in advance: it counts as a write, so it runs on the
     * primary (or where a hint bound the connection), since its SQL no longer says whether it
     * holds a {@code FOR SHARE} that a replica would refuse.
     */
    void before(org.tabula.dialect.RenderedSql rendered) {
        before(false);
    }

    private void before(boolean read) {
        if (target == null) {
            if (read && !primaryOnly && !router.recentlyWrote(context)) {
                useReplica();
            }
            if (target == null) {
                usePrimary();
            }
        } else if (!read && onReplica) {
            usePrimary();
        }
        if (!read) {
            wrote = true;
            context.wrote();
        }
    }

    /** Whether statements go to a replica now (false before the first one). */
    boolean isOnReplica() {
        return onReplica;
    }

    private void useReplica() {
        ReplicaRouter.Node[] from = new ReplicaRouter.Node[1];
        Connection conn = router.lendReplica(from);
        if (conn != null) {
            replica = conn;
            // Statements go straight to its JDBC connection, past its transaction state: no auto-commit there.
            conn.leaveAutoCommit();
            replicaNode = from[0];
            target = conn.jdbc();
            onReplica = true;
        }
    }

    private void usePrimary() {
        if (primary == null) {
            primary = router.primary().connect();
            primary.leaveAutoCommit();
        }
        target = primary.jdbc();
        onReplica = false;
    }

    private java.sql.Connection target() throws SQLException {
        if (closed) {
            throw new SQLException("connection is closed", "08003");
        }
        if (target == null) {
            try {
                usePrimary();
            } catch (RuntimeException e) {
                throw new SQLException(e.getMessage(), "08001", e);
            }
        }
        return target;
    }

    @Override
    public void commit() throws SQLException {
        if (target != null) {
            target.commit();
        }
        if (wrote) {
            // The window starts again when the write becomes visible to others.
            context.wrote();
        }
    }

    @Override
    public void rollback() throws SQLException {
        if (target != null) {
            target.rollback();
        }
    }

    @Override
    public java.sql.Savepoint setSavepoint() throws SQLException {
        return primaryForSavepoint().setSavepoint();
    }

    @Override
    public java.sql.Savepoint setSavepoint(String name) throws SQLException {
        return primaryForSavepoint().setSavepoint(name);
    }

    /** A savepoint marks a transaction that may write: it belongs on the primary. */
    private java.sql.Connection primaryForSavepoint() throws SQLException {
        if (onReplica) {
            try {
                usePrimary();
            } catch (RuntimeException e) {
                throw new SQLException(e.getMessage(), "08001", e);
            }
        }
        return target();
    }

    @Override
    public void rollback(java.sql.Savepoint savepoint) throws SQLException {
        target().rollback(savepoint);
    }

    @Override
    public void releaseSavepoint(java.sql.Savepoint savepoint) throws SQLException {
        target().releaseSavepoint(savepoint);
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        if (target != null || autoCommit) {
            target().setAutoCommit(autoCommit);
        }
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        return target != null && target.getAutoCommit();
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        return !closed && (target == null || target.isValid(timeout));
    }

    @Override
    public void setClientInfo(String name, String value) throws java.sql.SQLClientInfoException {
        try {
            target().setClientInfo(name, value);
        } catch (java.sql.SQLClientInfoException e) {
            throw e;
        } catch (SQLException e) {
            throw new java.sql.SQLClientInfoException(e.getMessage(), java.util.Map.of(), e);
        }
    }

    @Override
    public void setClientInfo(java.util.Properties properties) throws java.sql.SQLClientInfoException {
        try {
            target().setClientInfo(properties);
        } catch (java.sql.SQLClientInfoException e) {
            throw e;
        } catch (SQLException e) {
            throw new java.sql.SQLClientInfoException(e.getMessage(), java.util.Map.of(), e);
        }
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        return target().getClientInfo(name);
    }

    @Override
    public java.util.Properties getClientInfo() throws SQLException {
        return target().getClientInfo();
    }

    @Override
    public boolean isClosed() throws SQLException {
        return closed;
    }

    /** Gives back both connections; uncommitted work on them is rolled back by their own close. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        if (replica != null) {
            try {
                replica.close();
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                router.returned(replicaNode);
            }
        }
        if (primary != null) {
            try {
                primary.close();
            } catch (RuntimeException e) {
                failure = Failures.add(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public java.sql.Statement createStatement() throws SQLException {
        return target().createStatement();
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(String sql) throws SQLException {
        return target().prepareStatement(sql);
    }

    @Override
    public java.sql.CallableStatement prepareCall(String sql) throws SQLException {
        return target().prepareCall(sql);
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        return target().nativeSQL(sql);
    }

    @Override
    public java.sql.DatabaseMetaData getMetaData() throws SQLException {
        return target().getMetaData();
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        target().setReadOnly(readOnly);
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return target().isReadOnly();
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        target().setCatalog(catalog);
    }

    @Override
    public String getCatalog() throws SQLException {
        return target().getCatalog();
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        target().setTransactionIsolation(level);
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return target().getTransactionIsolation();
    }

    @Override
    public java.sql.SQLWarning getWarnings() throws SQLException {
        return target().getWarnings();
    }

    @Override
    public void clearWarnings() throws SQLException {
        target().clearWarnings();
    }

    @Override
    public java.sql.Statement createStatement(int type, int concurrency) throws SQLException {
        return target().createStatement(type, concurrency);
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(String sql, int type, int concurrency) throws SQLException {
        return target().prepareStatement(sql, type, concurrency);
    }

    @Override
    public java.sql.CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException {
        return target().prepareCall(sql, type, concurrency);
    }

    @Override
    public java.util.Map<String, Class<?>> getTypeMap() throws SQLException {
        return target().getTypeMap();
    }

    @Override
    public void setTypeMap(java.util.Map<String, Class<?>> map) throws SQLException {
        target().setTypeMap(map);
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        target().setHoldability(holdability);
    }

    @Override
    public int getHoldability() throws SQLException {
        return target().getHoldability();
    }

    @Override
    public java.sql.Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
        return target().createStatement(type, concurrency, holdability);
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability) throws SQLException {
        return target().prepareStatement(sql, type, concurrency, holdability);
    }

    @Override
    public java.sql.CallableStatement prepareCall(String sql, int type, int concurrency, int holdability) throws SQLException {
        return target().prepareCall(sql, type, concurrency, holdability);
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return target().prepareStatement(sql, autoGeneratedKeys);
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return target().prepareStatement(sql, columnIndexes);
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        return target().prepareStatement(sql, columnNames);
    }

    @Override
    public java.sql.Clob createClob() throws SQLException {
        return target().createClob();
    }

    @Override
    public java.sql.Blob createBlob() throws SQLException {
        return target().createBlob();
    }

    @Override
    public java.sql.NClob createNClob() throws SQLException {
        return target().createNClob();
    }

    @Override
    public java.sql.SQLXML createSQLXML() throws SQLException {
        return target().createSQLXML();
    }

    @Override
    public java.sql.Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        return target().createArrayOf(typeName, elements);
    }

    @Override
    public java.sql.Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        return target().createStruct(typeName, attributes);
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        target().setSchema(schema);
    }

    @Override
    public String getSchema() throws SQLException {
        return target().getSchema();
    }

    @Override
    public void abort(java.util.concurrent.Executor executor) throws SQLException {
        target().abort(executor);
    }

    @Override
    public void setNetworkTimeout(java.util.concurrent.Executor executor, int millis) throws SQLException {
        target().setNetworkTimeout(executor, millis);
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        return target().getNetworkTimeout();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return target().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return target().isWrapperFor(type);
    }

    @Override
    public String toString() {
        return "RoutedJdbcConnection[" + (target == null ? "unbound" : onReplica ? "replica " + replicaNode.index
                : "primary") + "]";
    }
}
