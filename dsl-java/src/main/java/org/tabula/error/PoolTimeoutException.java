package org.tabula.error;

import org.jspecify.annotations.Nullable;

import java.sql.SQLException;
import java.time.Duration;

/**
 * No connection became free within the engine's {@code connectionTimeout}: every connection of
 * the pool stayed in use. Thrown alike by {@code Engine.connect()} (and everything built on it)
 * and by the Kotlin layer's wait for a connection, so that no wait for a connection is unbounded.
 * The message names the pool, what waited and for how long, the pool size and its counters.
 *
 * <pre>{@code
 * try (Connection conn = engine.connect()) {
 *     report(conn);
 * } catch (PoolTimeoutException e) {
 *     log.warn("pool {} exhausted: {} active of {}", e.pool(), e.active(), e.poolSize());
 * }
 * }</pre>
 *
 * <p>A frequent cause on a small pool is a nested {@code connect()} (or a {@code begin} outside
 * the current transaction) while the caller already holds the pool's only connection: it waits
 * for a connection that only its own caller can give back.
 */
public class PoolTimeoutException extends OperationalException {

    /** The pool's name. */
    private final String pool;
    /** How long the caller waited. */
    private final Duration waited;
    /** The pool's maximum size. */
    private final int poolSize;
    /** Connections lent out at the time. */
    private final int active;
    /** Connections idle at the time. */
    private final int idle;
    /** Other callers waiting at the time. */
    private final int waiting;

    /**
     *
     * <pre>{@code
     * throw new PoolTimeoutException("main", "connect", Duration.ofSeconds(30), 10, 10, 0, 3, sqlException);
     * }</pre>
     *
     * @param pool      the pool's name
     * @param operation what waited, e.g. {@code "Engine.connect()"}
     * @param waited    how long it waited (the engine's connection timeout)
     * @param poolSize  the most connections the pool opens
     * @param active    connections in use when the wait ended
     * @param idle      connections free when the wait ended
     * @param waiting   other callers still waiting
     * @param cause     the pool's own exception, or {@code null}
     */
    public PoolTimeoutException(String pool, String operation, Duration waited, int poolSize, int active, int idle,
            int waiting, @Nullable SQLException cause) {
        super(message(pool, operation, waited, poolSize, active, idle, waiting), cause, null);
        this.pool = pool;
        this.waited = waited;
        this.poolSize = poolSize;
        this.active = active;
        this.idle = idle;
        this.waiting = waiting;
    }

    private static String message(String pool, String operation, Duration waited, int poolSize, int active, int idle,
            int waiting) {
        return "no connection from pool " + pool + " within " + waited.toMillis() + " ms (connectionTimeout) for "
                + operation + ": pool size " + poolSize + ", active " + active + ", idle " + idle + ", waiting "
                + waiting + (poolSize <= 2
                ? "; a nested connect/begin inside a transaction on a pool this small needs a second connection:"
                + " join the transaction, close the other connection first, or raise poolSize"
                : "; connections are held too long, or nested connect/begin calls inside transactions each need"
                + " a second connection");
    }

    /**
     * The pool's name.
     *
     * <pre>{@code
     * try (Connection c = engine.connect()) {
     *     report(c);
     * } catch (PoolTimeoutException e) {
     *     log.warn("pool {} exhausted", e.pool());
     * }
     * }</pre>
     *
     * @return the pool's name: {@code e.pool()} is {@code "tabula-1"}
     */
    public String pool() {
        return pool;
    }

    /**
     * How long the caller waited.
     *
     * <pre>{@code
     * try (Connection c = engine.connect()) {
     *     report(c);
     * } catch (PoolTimeoutException e) {
     *     log.warn("gave up after {} ms", e.waited().toMillis());
     * }
     * }</pre>
     *
     * @return how long the caller waited: the engine's {@code connectionTimeout}
     */
    public Duration waited() {
        return waited;
    }

    /**
     * The most connections the pool opens.
     *
     * <pre>{@code
     * try (Connection c = engine.connect()) {
     *     report(c);
     * } catch (PoolTimeoutException e) {
     *     log.warn("all {} connections busy", e.poolSize());
     * }
     * }</pre>
     *
     * @return the maximum number of connections: {@code e.poolSize()}
     */
    public int poolSize() {
        return poolSize;
    }

    /**
     * Connections in use when the wait ended.
     *
     * <pre>{@code
     * try (Connection c = engine.connect()) {
     *     report(c);
     * } catch (PoolTimeoutException e) {
     *     log.warn("{} connections in use", e.active());
     * }
     * }</pre>
     *
     * @return how many connections were lent out: {@code e.active() == e.poolSize()} on an exhausted pool
     */
    public int active() {
        return active;
    }

    /**
     * Free connections when the wait ended.
     *
     * <pre>{@code
     * try (Connection c = engine.connect()) {
     *     report(c);
     * } catch (PoolTimeoutException e) {
     *     log.warn("{} connections idle", e.idle());   // above 0: the pool could not open or validate them
     * }
     * }</pre>
     *
     * @return how many connections were idle
     */
    public int idle() {
        return idle;
    }

    /**
     * Other callers waiting when the wait ended.
     *
     * <pre>{@code
     * try (Connection c = engine.connect()) {
     *     report(c);
     * } catch (PoolTimeoutException e) {
     *     log.warn("{} callers still waiting", e.waiting());
     * }
     * }</pre>
     *
     * @return how many other callers were waiting
     */
    public int waiting() {
        return waiting;
    }
}
