package org.tabula.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Engine#replicated(ReplicaOptions, Engine, Engine...) replicated engine} routes
 * reads. Immutable; each method returns a changed copy.
 *
 * <pre>{@code
 * ReplicaOptions routing = ReplicaOptions.defaults()
 *     .balance(ReplicaBalance.LEAST_BUSY)
 *     .readYourWritesWindow(Duration.ofSeconds(2))   // after a write, this thread reads the primary for 2 s
 *     .maxLag(Duration.ofSeconds(5))                 // a replica further behind gets no reads
 *     .healthCheckInterval(Duration.ofMillis(500));  // how often each replica's lag is measured
 * Engine engine = Engine.replicated(routing, primary, replica);
 * }</pre>
 *
 * @see Engine#replicated(ReplicaOptions, Engine, Engine...)
 */
public final class ReplicaOptions {

    private final ReplicaBalance balance;
    private final Duration readYourWritesWindow;
    private final Duration maxLag;
    private final Duration healthCheckInterval;

    private ReplicaOptions(ReplicaBalance balance, Duration readYourWritesWindow, Duration maxLag,
                           Duration healthCheckInterval) {
        this.balance = balance;
        this.readYourWritesWindow = readYourWritesWindow;
        this.maxLag = maxLag;
        this.healthCheckInterval = healthCheckInterval;
    }

    /**
     * Round-robin, a read-your-writes window of 1 s, a lag bound of 5 s, a health check every 500 ms.
     *
     * <pre>{@code
     * Engine engine = Engine.replicated(ReplicaOptions.defaults(), primary, replica);
     * }</pre>
     *
     * @return the defaults: {@code ReplicaOptions.defaults().maxLag(Duration.ofSeconds(2))}
     */
    public static ReplicaOptions defaults() {
        return new ReplicaOptions(ReplicaBalance.ROUND_ROBIN, Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofMillis(500));
    }

    /**
     * How a read picks among the usable replicas: {@code ReplicaOptions.defaults().balance(ReplicaBalance.LEAST_BUSY)}.
     *
     * <pre>{@code
     * ReplicaOptions routing = ReplicaOptions.defaults().balance(ReplicaBalance.LEAST_BUSY);
     * }</pre>
     *
     * @param balance how to pick
     * @return new options
     */
    public ReplicaOptions balance(ReplicaBalance balance) {
        return new ReplicaOptions(Objects.requireNonNull(balance, "balance"), readYourWritesWindow, maxLag,
                healthCheckInterval);
    }

    /**
     * How long after a write (its statement, and again its commit) the same
     * {@link ReadYourWrites context} keeps reading from the primary; {@link Duration#ZERO} turns
     * it off: {@code ReplicaOptions.defaults().readYourWritesWindow(Duration.ofSeconds(3))}.
     *
     * <pre>{@code
     * ReplicaOptions routing = ReplicaOptions.defaults().readYourWritesWindow(Duration.ofSeconds(2));
     * }</pre>
     *
     * @param window how long reads go to the primary after a write: {@code readYourWritesWindow(Duration.ofSeconds(2))}
     * @return new options
     */
    public ReplicaOptions readYourWritesWindow(Duration window) {
        return new ReplicaOptions(balance, nonNegative(window, "readYourWritesWindow"), maxLag, healthCheckInterval);
    }

    /**
     * How far a replica may lag behind the primary and still get reads, as
     * {@link org.tabula.dialect.Dialect#replicationLag} measures it:
     * {@code ReplicaOptions.defaults().maxLag(Duration.ofSeconds(2))}.
     *
     * <pre>{@code
     * ReplicaOptions routing = ReplicaOptions.defaults().maxLag(Duration.ofSeconds(5));
     * }</pre>
     *
     * @param maxLag the most a replica may lag before it is skipped: {@code maxLag(Duration.ofSeconds(5))}
     * @return new options
     */
    public ReplicaOptions maxLag(Duration maxLag) {
        return new ReplicaOptions(balance, readYourWritesWindow, nonNegative(maxLag, "maxLag"), healthCheckInterval);
    }

    /**
     * How often a background thread measures each replica (up, lag); a read only reads the last
     * result, so routing costs no round trip: {@code ReplicaOptions.defaults().healthCheckInterval(Duration.ofSeconds(1))}.
     *
     * <pre>{@code
     * ReplicaOptions routing = ReplicaOptions.defaults().healthCheckInterval(Duration.ofMillis(500));
     * }</pre>
     *
     * @param interval how often replicas are checked: {@code healthCheckInterval(Duration.ofSeconds(10))}
     * @return new options
     */
    public ReplicaOptions healthCheckInterval(Duration interval) {
        Objects.requireNonNull(interval, "healthCheckInterval");
        if (interval.toMillis() < 10) {
            throw new IllegalArgumentException("healthCheckInterval must be at least 10 ms, not " + interval);
        }
        return new ReplicaOptions(balance, readYourWritesWindow, maxLag, interval);
    }

    /**
     * How a read picks among the usable replicas.
     *
     * <pre>{@code
     * ReplicaBalance balance = ReplicaOptions.defaults().balance();
     * }</pre>
     *
     * @return the balance
     */
    public ReplicaBalance balance() {
        return balance;
    }

    /**
     * How long reads go to the primary after a write of the same context.
     *
     * <pre>{@code
     * Duration window = ReplicaOptions.defaults().readYourWritesWindow();
     * }</pre>
     *
     * @return the window
     */
    public Duration readYourWritesWindow() {
        return readYourWritesWindow;
    }

    /**
     * The most a replica may lag before reads skip it.
     *
     * <pre>{@code
     * Duration lag = ReplicaOptions.defaults().maxLag();
     * }</pre>
     *
     * @return the lag bound
     */
    public Duration maxLag() {
        return maxLag;
    }

    /**
     * How often the replicas' health and lag are checked.
     *
     * <pre>{@code
     * Duration every = ReplicaOptions.defaults().healthCheckInterval();
     * }</pre>
     *
     * @return the interval
     */
    public Duration healthCheckInterval() {
        return healthCheckInterval;
    }

    private static Duration nonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, not " + d);
        }
        return d;
    }

    @Override
    public String toString() {
        return "ReplicaOptions[" + balance + ", readYourWritesWindow=" + readYourWritesWindow + ", maxLag=" + maxLag
                + ", healthCheckInterval=" + healthCheckInterval + "]";
    }
}
