package org.tabula.engine;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A transaction (or a savepoint in one), given to {@link EngineListener#begin} and then, the
 * same object, to {@link EngineListener#commit} or {@link EngineListener#rollback}; for a
 * savepoint to {@link EngineListener#savepoint} and then {@link EngineListener#savepointReleased}
 * or {@link EngineListener#savepointRolledBack}.
 *
 * <pre>{@code
 * public void rollback(TransactionEvent e) {
 *     log.info("rolled back after {} ms{}", e.duration().toMillis(), e.failure() == null ? "" : ": " + e.failure());
 * }
 * }</pre>
 */
public final class TransactionEvent {

    private final Connection connection;
    private final String savepointName;
    private final TransactionEvent transaction;
    private final long startNanos;
    private long endNanos;
    private Throwable failure;
    private Map<Object, Object> attributes;

    TransactionEvent(Connection connection, String savepointName, TransactionEvent transaction) {
        this.connection = connection;
        this.savepointName = savepointName;
        this.transaction = transaction;
        this.startNanos = System.nanoTime();
    }

    /**
     * The connection the transaction runs on.
     *
     * @return the connection the transaction runs on
     */
    public Connection connection() {
        return connection;
    }

    /**
     * The savepoint's name for savepoint events, else null.
     *
     * @return the savepoint's name for savepoint events, else null
     */
    public String savepointName() {
        return savepointName;
    }

    /**
     * For a savepoint, the transaction it is part of; for a transaction, itself.
     *
     * @return for a savepoint, the transaction it is part of
     */
    public TransactionEvent transaction() {
        return transaction != null ? transaction : this;
    }

    /**
     * The isolation level it runs with (null: the database's default).
     *
     * @return the isolation level it runs with
     */
    public Isolation isolation() {
        return connection.isolation();
    }

    /**
     * Whether it is read-only.
     *
     * @return whether it is read-only
     */
    public boolean isReadOnly() {
        return connection.isReadOnly();
    }

    /**
     * From its begin to its end (commit, rollback, release); zero while it runs.
     *
     * @return from its begin to its end
     */
    public Duration duration() {
        return Duration.ofNanos(endNanos == 0 ? 0 : endNanos - startNanos);
    }

    /**
     * For a rollback, the exception that caused it, when there was one; for a commit, why the
     * commit failed; else null.
     *
     * @return for a rollback, the exception that caused it, when there was one
     */
    public Throwable failure() {
        return failure;
    }

    /**
     * What a listener kept under {@code key}, or null.
     *
     * @param <T> the attribute's type
     * @param key the attribute's key, best a private object of the listener
     * @return what a listener kept under {@code key}
     */
    @SuppressWarnings("unchecked")
    public <T> T attribute(Object key) {
        return attributes == null ? null : (T) attributes.get(key);
    }

    /**
     * Keeps {@code value} under {@code key} until the transaction (or savepoint) ends.
     *
     * @param key the attribute's key, best a private object of the listener
     * @param value the value to keep for later callbacks of the same event
     */
    public void attribute(Object key, Object value) {
        if (attributes == null) {
            attributes = new HashMap<>(4);
        }
        attributes.put(key, value);
    }

    void end(Throwable failure) {
        this.endNanos = System.nanoTime();
        this.failure = failure;
    }

    @Override
    public String toString() {
        return (savepointName != null ? "SavepointEvent[" + savepointName : "TransactionEvent[" + connection.engine())
                + (failure != null ? ", failed: " + failure : "") + "]";
    }
}
