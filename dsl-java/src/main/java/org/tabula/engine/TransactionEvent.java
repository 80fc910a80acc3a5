package org.tabula.engine;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

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
public final class TransactionEvent extends EngineEvent {

    private final Connection connection;
    private final @Nullable String savepointName;
    private final TransactionEvent transaction;
    private final long startNanos;
    private long endNanos;
    private @Nullable Throwable failure;

    TransactionEvent(Connection connection, String savepointName, TransactionEvent transaction) {
        this.connection = connection;
        this.savepointName = savepointName;
        this.transaction = transaction;
        this.startNanos = System.nanoTime();
    }

    /**
     * The connection the transaction runs on.
     *
     * <pre>{@code
     * public void commit(TransactionEvent e) { log.debug("commit on {}", e.connection()); }
     * }</pre>
     *
     * @return the connection the transaction runs on
     */
    public Connection connection() {
        return connection;
    }

    /**
     * The savepoint's name for savepoint events, else null.
     *
     * <pre>{@code
     * public void savepoint(TransactionEvent e) { log.debug("SAVEPOINT {}", e.savepointName()); }
     * }</pre>
     *
     * @return the savepoint's name for savepoint events, else null
     */
    public @Nullable String savepointName() {
        return savepointName;
    }

    /**
     * For a savepoint, the transaction it is part of; for a transaction, itself.
     *
     * <pre>{@code
     * public void savepointRolledBack(TransactionEvent e) { log.debug("inside {}", e.transaction()); }
     * }</pre>
     *
     * @return for a savepoint, the transaction it is part of
     */
    public TransactionEvent transaction() {
        return transaction != null ? transaction : this;
    }

    /**
     * The isolation level it runs with (null: the database's default).
     *
     * <pre>{@code
     * public void begin(TransactionEvent e) { log.debug("BEGIN {}", e.isolation()); }
     * }</pre>
     *
     * @return the isolation level it runs with
     */
    public Isolation isolation() {
        return connection.isolation();
    }

    /**
     * Whether it is read-only.
     *
     * <pre>{@code
     * public void begin(TransactionEvent e) { log.debug("read-only: {}", e.isReadOnly()); }
     * }</pre>
     *
     * @return whether it is read-only
     */
    public boolean isReadOnly() {
        return connection.isReadOnly();
    }

    /**
     * From its begin to its end (commit, rollback, release); zero while it runs.
     *
     * <pre>{@code
     * public void commit(TransactionEvent e) { timer.record(e.duration()); }
     * }</pre>
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
     * <pre>{@code
     * public void rollback(TransactionEvent e) { log.warn("rolled back", e.failure()); }
     * }</pre>
     *
     * @return for a rollback, the exception that caused it, when there was one
     */
    public @Nullable Throwable failure() {
        return failure;
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
