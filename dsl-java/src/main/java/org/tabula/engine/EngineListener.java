package org.tabula.engine;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Told what an {@link Engine} does: statements before and after they run (SQL, bind values,
 * duration, rows, the failure), connections taken from and given back to the pool (with the
 * wait), and transactions beginning, committing, rolling back and setting savepoints. Every
 * method does nothing by default, so a listener overrides only what it needs. Register any
 * number through {@link EngineOptions#listener(EngineListener)}; they are told in that order.
 * The Kotlin layer ({@code AsyncEngine}, {@code AsyncSession}) runs through the same connections
 * and reports the same events.
 *
 * <pre>{@code
 * EngineListener slowQueries = new EngineListener() {
 *     @Override
 *     public void afterExecute(StatementEvent e) {
 *         if (e.duration().toMillis() > 500) {
 *             log.warn("slow ({} ms, {} rows): {}", e.duration().toMillis(), e.rows(), e.sql());
 *         }
 *     }
 * };
 * Engine engine = Engine.create(url, EngineOptions.defaults().listener(slowQueries));
 * }</pre>
 *
 * <p>Listeners run on the thread that uses the connection, inside the statement's timing, so they
 * should be quick. An exception from {@link #beforeExecute} stops the statement (and is what its
 * caller sees); exceptions from every other method are logged and ignored, so that a broken
 * listener never hides the outcome of a statement or a commit. With no listener registered (and
 * echo off) nothing is measured and no event object is made.
 */
public interface EngineListener {

    /**
     * A connection was taken from the pool; {@link ConnectionEvent#waitTime()} is how long that
     * took. The same event object comes back in {@link #connectionReleased}.
     *
     * <pre>{@code
     * public void connectionAcquired(ConnectionEvent e) { waits.record(e.waitTime()); }
     * }</pre>
     *
     * @param event what happened
     */
    default void connectionAcquired(ConnectionEvent event) {
    }

    /**
     * No connection could be had ({@link ConnectionEvent#failure()}: a pool timeout, a refused
     * login); {@link ConnectionEvent#waitTime()} is how long the caller waited.
     *
     * <pre>{@code
     * public void connectionFailed(ConnectionEvent e) { poolTimeouts.increment(); }
     * }</pre>
     *
     * @param event what happened
     */
    default void connectionFailed(ConnectionEvent event) {
    }

    /**
     * The connection went back to the pool (or was dropped, if broken);
     * {@link ConnectionEvent#heldTime()} is how long it was out.
     *
     * <pre>{@code
     * public void connectionReleased(ConnectionEvent e) { held.record(e.heldTime()); }
     * }</pre>
     *
     * @param event what happened
     */
    default void connectionReleased(ConnectionEvent event) {
    }

    /**
     * A statement is about to be sent; an executemany is one event with
     * {@link StatementEvent#batchSize()} rows and the first row's values.
     *
     * <pre>{@code
     * public void beforeExecute(StatementEvent e) { e.attribute("span", tracer.start(e.sql())); }
     * }</pre>
     *
     * @param event what happened
     */
    default void beforeExecute(StatementEvent event) {
    }

    /**
     * The statement ended, the same event object as {@link #beforeExecute}: with
     * {@link StatementEvent#duration()}, {@link StatementEvent#rows()}, and
     * {@link StatementEvent#failure()} when it failed.
     *
     * <pre>{@code
     * public void afterExecute(StatementEvent e) { ((Span) e.attribute("span")).end(); }
     * }</pre>
     *
     * @param event what happened
     */
    default void afterExecute(StatementEvent event) {
    }

    /**
     * A transaction began: the connection's first statement (or savepoint) since it was taken,
     * committed or rolled back. The same event object comes back in {@link #commit} or
     * {@link #rollback}.
     *
     * <pre>{@code
     * public void begin(TransactionEvent e) { open.incrementAndGet(); }
     * }</pre>
     *
     * @param event what happened
     */
    default void begin(TransactionEvent event) {
    }

    /**
     * The transaction was committed or, with {@link TransactionEvent#failure()}, the commit
     * failed.
     *
     * <pre>{@code
     * public void commit(TransactionEvent e) { commits.increment(); }
     * }</pre>
     *
     * @param event what happened
     */
    default void commit(TransactionEvent event) {
    }

    /**
     * The transaction was rolled back: asked for, after an exception
     * ({@link TransactionEvent#failure()}), or because the connection was closed without a commit.
     *
     * <pre>{@code
     * public void rollback(TransactionEvent e) { rollbacks.increment(); }
     * }</pre>
     *
     * @param event what happened
     */
    default void rollback(TransactionEvent event) {
    }

    /**
     * A savepoint was set ({@link TransactionEvent#savepointName()}); the same event object comes
     * back in {@link #savepointReleased} or {@link #savepointRolledBack}.
     *
     * <pre>{@code
     * public void savepoint(TransactionEvent e) { log.debug("SAVEPOINT {}", e.savepointName()); }
     * }</pre>
     *
     * @param event what happened
     */
    default void savepoint(TransactionEvent event) {
    }

    /**
     * A savepoint was released: its work is kept as part of the transaction.
     *
     * <pre>{@code
     * public void savepointReleased(TransactionEvent e) { log.debug("RELEASE {}", e.savepointName()); }
     * }</pre>
     *
     * @param event what happened
     */
    default void savepointReleased(TransactionEvent event) {
    }

    /**
     * A savepoint was rolled back: its work is undone, the transaction goes on.
     *
     * <pre>{@code
     * public void savepointRolledBack(TransactionEvent e) { undone.increment(); }
     * }</pre>
     *
     * @param event what happened
     */
    default void savepointRolledBack(TransactionEvent event) {
    }

    /**
     * A listener told about each statement before it runs: for counting or collecting statements
     * in tests.
     *
     * <pre>{@code
     * List<String> sql = new CopyOnWriteArrayList<>();
     * Engine engine = Engine.create(url, EngineOptions.defaults().listener(EngineListener.beforeEach(e -> sql.add(e.sql()))));
     * }</pre>
     *
     * @param action what to do with each event
     * @return a listener told about each statement before it runs
     */
    static EngineListener beforeEach(Consumer<StatementEvent> action) {
        Objects.requireNonNull(action, "action");
        return new EngineListener() {
            @Override
            public void beforeExecute(StatementEvent event) {
                action.accept(event);
            }
        };
    }

    /**
     * A listener told about each statement after it ran (or failed), with its duration and rows.
     *
     * <pre>{@code
     * EngineListener.afterEach(e -> histogram.record(e.durationNanos()));
     * }</pre>
     *
     * @param action what to do with each event
     * @return a listener told about each statement after it ran
     */
    static EngineListener afterEach(Consumer<StatementEvent> action) {
        Objects.requireNonNull(action, "action");
        return new EngineListener() {
            @Override
            public void afterExecute(StatementEvent event) {
                action.accept(event);
            }
        };
    }

    /**
     * The {@link StatementListener} of earlier versions as a listener: told before each statement.
     *
     * <pre>{@code
     * EngineListener l = EngineListener.of((sql, params) -> seen.add(sql));
     * }</pre>
     *
     * @param listener the listener to adapt
     * @return the {@link StatementListener} of earlier versions as a listener
     */
    @SuppressWarnings("deprecation")
    static EngineListener of(StatementListener listener) {
        Objects.requireNonNull(listener, "listener");
        return new EngineListener() {
            @Override
            public void beforeExecute(StatementEvent event) {
                List<Object> parameters = event.parameters();
                listener.beforeExecute(event.sql(), parameters);
            }
        };
    }
}
