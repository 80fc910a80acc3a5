package org.tabula.engine;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.BiConsumer;
import org.tabula.dialect.RenderedSql;

/**
 * One connection's events: the statement and transaction in progress and the listeners to tell.
 * {@link Connection} calls it at a few points (statement start and end, commit, rollback,
 * savepoints, release); every method returns at once on {@link #OFF}, the shared instance of
 * connections nobody listens to, so that path makes no objects and reads no clock.
 */
final class ConnectionEvents {

    static final ConnectionEvents OFF = new ConnectionEvents(null, null);

    private final EngineListener[] listeners;
    private final Connection connection;
    private ConnectionEvent connectionEvent;
    private TransactionEvent transaction;
    private StatementEvent statement;
    /** Whether the connection runs statements in auto-commit now: they begin no transaction to report. */
    private boolean autoCommit;

    ConnectionEvents(EngineListener[] listeners, Connection connection) {
        this.listeners = listeners;
        this.connection = connection;
    }

    /** The connection entered or left auto-commit mode ({@link EngineOptions#autoCommitReads}). */
    void autoCommit(boolean on) {
        if (listeners != null) {
            autoCommit = on;
        }
    }

    /** The connection was handed out after a wait since {@code waitStart} (0: not measured). */
    void acquired(long waitStart) {
        if (listeners == null) {
            return;
        }
        long now = System.nanoTime();
        ConnectionEvent event = new ConnectionEvent(connection.engine(), connection,
                waitStart == 0 ? 0 : now - waitStart, now, null);
        connectionEvent = event;
        tell(listeners, "connectionAcquired", event, EngineListener::connectionAcquired);
    }

    /** A statement is about to be sent: begins the transaction if this is its first, then tells beforeExecute. */
    void statementStarting(RenderedSql rendered, Map<String, ?> parameters, int batchSize) {
        statementStarting(rendered, parameters, batchSize, rendered.bindings().size());
    }

    /**
     * {@link #statementStarting(RenderedSql, Map, int)} of SQL that holds several rows
     * ({@code INSERT ... VALUES (...), (...)}) whose first {@code rowBindings} bindings are one row's.
     */
    void statementStarting(RenderedSql rendered, Map<String, ?> parameters, int batchSize, int rowBindings) {
        if (listeners == null) {
            return;
        }
        if (statement != null) {
            statementEnded(-1);
        }
        beginIfNew();
        StatementEvent event = new StatementEvent(connection, rendered, rowBindings, parameters, batchSize, transaction);
        statement = event;
        for (int i = 0; i < listeners.length; i++) {
            try {
                listeners[i].beforeExecute(event);
            } catch (RuntimeException | Error e) {
                // The statement will not run: the listeners told before this one hear that it ended.
                statement = null;
                event.end(-1, e);
                tell(Arrays.copyOf(listeners, i), "afterExecute", event, EngineListener::afterExecute);
                throw e;
            }
        }
    }

    /** The statement in progress ended with {@code rows} (-1: not known); returns {@code rows}. */
    long statementEnded(long rows) {
        StatementEvent event = statement;
        if (event != null) {
            statement = null;
            event.end(rows, null);
            after(event);
        }
        return rows;
    }

    /** The statement in progress failed with {@code failure}; returns it, for {@code throw}. */
    <E extends Throwable> E statementFailed(E failure) {
        StatementEvent event = statement;
        if (event != null) {
            statement = null;
            event.end(-1, failure);
            after(event);
        }
        return failure;
    }

    void savepointSet(Savepoint sp) {
        if (listeners == null) {
            return;
        }
        beginIfNew();
        String name;
        try {
            name = sp.jdbc().getSavepointName();
        } catch (SQLException | RuntimeException e) {
            name = "?";
        }
        TransactionEvent event = new TransactionEvent(connection, name, transaction);
        sp.event = event;
        tell(listeners, "savepoint", event, EngineListener::savepoint);
    }

    void savepointReleased(Savepoint sp) {
        TransactionEvent event = sp.event;
        if (listeners == null || event == null) {
            return;
        }
        event.end(null);
        tell(listeners, "savepointReleased", event, EngineListener::savepointReleased);
    }

    void savepointRolledBack(Savepoint sp) {
        TransactionEvent event = sp.event;
        if (listeners == null || event == null) {
            return;
        }
        event.end(null);
        tell(listeners, "savepointRolledBack", event, EngineListener::savepointRolledBack);
    }

    /** The transaction committed. */
    void committed() {
        endTransaction(true, null);
    }

    /** The commit failed with {@code failure}; returns it, for {@code throw}. */
    <E extends Throwable> E commitFailed(E failure) {
        endTransaction(true, failure);
        return failure;
    }

    /** The transaction rolled back, because of {@code cause} if not null. */
    void rolledBack(Throwable cause) {
        endTransaction(false, cause);
    }

    /** The connection went back to the pool (or was dropped). */
    void released() {
        if (listeners == null) {
            return;
        }
        if (connectionEvent == null) {
            return;
        }
        statementEnded(-1);
        // Back in the pool without a commit: whatever the transaction did is gone.
        endTransaction(false, null);
        connectionEvent.released();
        tell(listeners, "connectionReleased", connectionEvent, EngineListener::connectionReleased);
    }

    private void beginIfNew() {
        if (transaction != null || autoCommit) {
            return;
        }
        TransactionEvent event = new TransactionEvent(connection, null, null);
        transaction = event;
        tell(listeners, "begin", event, EngineListener::begin);
    }

    private void endTransaction(boolean commit, Throwable failure) {
        TransactionEvent event = transaction;
        if (listeners == null || event == null) {
            return;
        }
        transaction = null;
        event.end(failure);
        if (commit) {
            tell(listeners, "commit", event, EngineListener::commit);
        } else {
            tell(listeners, "rollback", event, EngineListener::rollback);
        }
    }

    private void after(StatementEvent event) {
        tell(listeners, "afterExecute", event, EngineListener::afterExecute);
    }

    /**
     * Tells each listener through {@code call}. A listener that throws is logged and skipped: a
     * broken metrics listener must never fail the statement or transaction it was told of. Method
     * references to {@link EngineListener} capture nothing, so this allocates nothing per call.
     */
    static <E extends EngineEvent> void tell(EngineListener[] listeners, String method, E event,
            BiConsumer<EngineListener, E> call) {
        for (EngineListener l : listeners) {
            try {
                call.accept(l, event);
            } catch (RuntimeException e) {
                listenerFailed(l, method, e);
            }
        }
    }

    static void listenerFailed(EngineListener listener, String method, RuntimeException e) {
        // One line per failure: a broken listener fails on every statement. The trace is at DEBUG.
        Echo.LOG.warn("listener {} failed in {}, ignored: {}", listener, method, e.toString());
        Echo.LOG.debug("listener failure", e);
    }
}
