package org.tabula.engine;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A connection taken from the pool, given to {@link EngineListener#connectionAcquired} and then,
 * the same object, to {@link EngineListener#connectionReleased}; or a failed attempt, given to
 * {@link EngineListener#connectionFailed}.
 *
 * <pre>{@code
 * public void connectionReleased(ConnectionEvent e) {
 *     System.out.printf("waited %d ms, held %d ms%n", e.waitTime().toMillis(), e.heldTime().toMillis());
 * }
 * }</pre>
 */
public final class ConnectionEvent extends EngineEvent {

    private final Engine engine;
    private final Connection connection;
    private final long waitNanos;
    private final long acquiredNanos;
    private final Throwable failure;
    private long releasedNanos;

    ConnectionEvent(Engine engine, Connection connection, long waitNanos, long acquiredNanos, Throwable failure) {
        this.engine = engine;
        this.connection = connection;
        this.waitNanos = waitNanos;
        this.acquiredNanos = acquiredNanos;
        this.failure = failure;
    }

    /**
     * The engine whose pool it is.
     *
     * <pre>{@code
     * public void connectionAcquired(ConnectionEvent e) { log.debug("connection of {}", e.engine()); }
     * }</pre>
     *
     * @return the engine whose pool it is
     */
    public Engine engine() {
        return engine;
    }

    /**
     * The connection, or null when none could be had.
     *
     * <pre>{@code
     * public void connectionAcquired(ConnectionEvent e) { Connection c = e.connection(); }
     * }</pre>
     *
     * @return the connection
     */
    public @Nullable Connection connection() {
        return connection;
    }

    /**
     * How long the caller waited for the connection: the pool's wait (and, in the Kotlin layer,
     * the coroutine's wait for its turn) plus opening it if the pool had to.
     *
     * <pre>{@code
     * public void connectionAcquired(ConnectionEvent e) { waits.record(e.waitTime()); }
     * }</pre>
     *
     * @return how long the caller waited for the connection
     */
    public Duration waitTime() {
        return Duration.ofNanos(waitNanos);
    }

    /**
     * {@link #waitTime()} in nanoseconds.
     *
     * <pre>{@code
     * public void connectionAcquired(ConnectionEvent e) { waits.record(e.waitNanos()); }
     * }</pre>
     *
     * @return {@link #waitTime()} in nanoseconds
     */
    public long waitNanos() {
        return waitNanos;
    }

    /**
     * How long the connection was out of the pool; zero until it is released.
     *
     * <pre>{@code
     * public void connectionReleased(ConnectionEvent e) { held.record(e.heldTime()); }
     * }</pre>
     *
     * @return how long the connection was out of the pool
     */
    public Duration heldTime() {
        return Duration.ofNanos(releasedNanos == 0 ? 0 : releasedNanos - acquiredNanos);
    }

    /**
     * Why no connection could be had (for {@link EngineListener#connectionFailed}), else null.
     *
     * <pre>{@code
     * public void connectionFailed(ConnectionEvent e) { log.warn("no connection", e.failure()); }
     * }</pre>
     *
     * @return why no connection could be had
     */
    public @Nullable Throwable failure() {
        return failure;
    }


    void released() {
        releasedNanos = System.nanoTime();
    }

    @Override
    public String toString() {
        return "ConnectionEvent[" + engine + ", waited " + waitNanos / 1000 + " µs"
                + (failure != null ? ", failed: " + failure : "") + "]";
    }
}
