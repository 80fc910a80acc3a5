package org.tabula.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Writes every event down as a short line, for tests to compare sequences. */
final class RecordingListener implements EngineListener {

    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<StatementEvent> statements = new CopyOnWriteArrayList<>();
    final List<ConnectionEvent> connections = new CopyOnWriteArrayList<>();
    final List<TransactionEvent> transactions = new CopyOnWriteArrayList<>();

    @Override
    public void connectionAcquired(ConnectionEvent e) {
        connections.add(e);
        lines.add("acquired");
    }

    @Override
    public void connectionFailed(ConnectionEvent e) {
        connections.add(e);
        lines.add("connectFailed " + e.failure().getClass().getSimpleName());
    }

    @Override
    public void connectionReleased(ConnectionEvent e) {
        lines.add("released");
    }

    @Override
    public void beforeExecute(StatementEvent e) {
        e.attribute(this, "mine");
        lines.add("before " + e.operation() + " " + e.parameters());
    }

    @Override
    public void afterExecute(StatementEvent e) {
        statements.add(e);
        lines.add("after " + e.operation() + (e.failure() != null ? " failed " + e.failure().getClass().getSimpleName()
                : " rows=" + e.rows()) + (e.batchSize() > 1 ? " batch=" + e.batchSize() : "")
                + (e.attribute(this) == null ? " LOST ATTRIBUTE" : ""));
    }

    @Override
    public void begin(TransactionEvent e) {
        transactions.add(e);
        lines.add("begin");
    }

    @Override
    public void commit(TransactionEvent e) {
        lines.add(e.failure() == null ? "commit" : "commit failed");
    }

    @Override
    public void rollback(TransactionEvent e) {
        lines.add("rollback" + (e.failure() != null ? " " + e.failure().getClass().getSimpleName() : ""));
    }

    @Override
    public void savepoint(TransactionEvent e) {
        lines.add("savepoint");
    }

    @Override
    public void savepointReleased(TransactionEvent e) {
        lines.add("release savepoint");
    }

    @Override
    public void savepointRolledBack(TransactionEvent e) {
        lines.add("rollback savepoint");
    }
}
