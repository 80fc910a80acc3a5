package org.tabula.it;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A data source that records the JDBC calls that may reach the server (statement executions,
 * commit, rollback, auto-commit switches, savepoints), in order: which calls a piece of work made.
 */
public final class JdbcCalls {

    private static final Set<String> RECORDED = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
            "executeLargeUpdate", "executeLargeBatch", "commit", "rollback", "setAutoCommit", "setSavepoint",
            "releaseSavepoint");

    private final List<String> calls = new ArrayList<>();

    /** The calls so far, e.g. {@code [executeQuery, rollback]}; {@code setAutoCommit(false)} names its argument. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    public synchronized void clear() {
        calls.clear();
    }

    private synchronized void record(Method m, Object[] args) {
        if (RECORDED.contains(m.getName())) {
            calls.add(m.getName().equals("setAutoCommit") ? "setAutoCommit(" + args[0] + ")" : m.getName());
        }
    }

    /** {@code target} with every connection, statement and prepared statement it hands out recorded. */
    public DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target);
    }

    @SuppressWarnings("unchecked")
    private <T> T proxy(Class<T> type, Object target) {
        InvocationHandler h = (p, m, args) -> {
            record(m, args);
            Object out;
            try {
                out = m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (out instanceof Connection c && m.getReturnType() == Connection.class) {
                return proxy(Connection.class, c);
            }
            if (out instanceof java.sql.PreparedStatement s && m.getReturnType() == java.sql.PreparedStatement.class) {
                return proxy(java.sql.PreparedStatement.class, s);
            }
            if (out instanceof Statement s && m.getReturnType() == Statement.class) {
                return proxy(Statement.class, s);
            }
            return out;
        };
        return (T) Proxy.newProxyInstance(JdbcCalls.class.getClassLoader(), new Class<?>[] {type}, h);
    }
}
