package org.tabula.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.Future;

/**
 * The statement a connection is executing right now: what {@link Connection#cancel()} reaches
 * from another thread, and the query timeout around it.
 */
final class RunningStatement {

    private final Engine engine;
    private final Connection owner;
    private volatile java.sql.Statement running;
    /** The engine's timer for the running statement, where the driver has no query timeout of its own. */
    private Future<?> timeout;
    private volatile boolean cancelled;

    RunningStatement(Engine engine, Connection owner) {
        this.engine = engine;
        this.owner = owner;
    }

    /** Sets the engine's query timeout on a statement about to run. */
    void applyTimeout(PreparedStatement ps) throws SQLException {
        if (engine.options().queryTimeout() != null) {
            ps.setQueryTimeout((int) Math.max(1, engine.options().queryTimeout().toSeconds()));
        }
    }

    /**
     * Makes {@code statement} the one {@link #cancel()} reaches; where the driver does not enforce
     * {@code queryTimeout} itself (sqlite-jdbc lets a running statement run on), the engine's timer
     * cancels it when the time is up.
     */
    void start(java.sql.Statement statement) {
        running = statement;
        if (engine.options().queryTimeout() != null && !engine.dialect().driverEnforcesQueryTimeout()) {
            timeout = engine.cancelAfter(owner, engine.options().queryTimeout());
        }
    }

    /** JDBC work that may fail. */
    @FunctionalInterface
    interface SqlCall<T> {
        T call() throws SQLException;
    }

    /** Runs {@code call} as {@code statement}'s execution: cancellable, under the query timeout. */
    <T> T execute(java.sql.Statement statement, SqlCall<T> call) throws SQLException {
        start(statement);
        try {
            return call.call();
        } finally {
            stop();
        }
    }

    void stop() {
        running = null;
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
    }

    /** Cancels the running statement, if any; its failure is then reported as a cancellation. */
    void cancel() {
        java.sql.Statement s = running;
        if (s != null) {
            cancelled = true;
            try {
                s.cancel();
            } catch (SQLException ignored) {
                // the statement finished or the driver cannot cancel; nothing else to do
            }
        }
    }

    boolean isExecuting() {
        return running != null;
    }

    /** Whether the failure at hand comes from {@link #cancel()}; asking clears it. */
    boolean takeCancelled() {
        if (!cancelled) {
            return false;
        }
        cancelled = false;
        return true;
    }
}
