package org.tabula.engine;

import org.jspecify.annotations.Nullable;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.tabula.dialect.Dialect;
import org.tabula.error.RetriesExhaustedException;
import org.tabula.error.StatementCanceledException;

/**
 * When and how often a transaction the database aborted is run again, given through
 * {@link TransactionOptions#retry(RetryPolicy)}. A retry re-runs the <em>whole</em> block on a
 * fresh connection, after a jittered exponential backoff, when the block or its commit failed for
 * a reason a retry can fix: what {@link Dialect#isRetryable(SQLException)} says, by default a
 * serialization failure or deadlock on PostgreSQL (SQLState 40001, 40P01), a deadlock or lock-wait
 * timeout on MariaDB/MySQL (1213, 1205, which is also how Galera reports a certification
 * conflict), {@code SQLITE_BUSY}/{@code SQLITE_LOCKED} on SQLite. Any other failure is thrown at
 * once, unchanged. When every attempt was aborted the last failure is thrown as the cause of a
 * {@link RetriesExhaustedException} that counts them.
 *
 * <p><b>The block must be safe to run again</b>: everything it does in the database is rolled
 * back before the next attempt, but nothing else is. Read what it needs inside the block, build
 * the objects it saves inside the block, and keep side effects outside the database (messages,
 * calls to other services, changes to caller's collections) after the transaction, or make them
 * idempotent.
 *
 * <p>Only a block that starts a transaction of its own retries: {@link Propagation#REQUIRES_NEW},
 * {@code NEVER}, and {@code REQUIRED}/{@code NESTED} when no transaction is running. A block that
 * joins an outer transaction (or runs in a savepoint of it) never retries alone, since the
 * database has aborted the whole outer transaction: the failure goes to the outer block, which
 * retries when its own options ask for it.
 *
 * <pre>{@code
 * engine.begin(TransactionOptions.isolation(Isolation.SERIALIZABLE).withRetry(RetryPolicy.defaults()), conn -> {
 *     long balance = conn.execute(select(ACCOUNTS.balance).where(ACCOUNTS.id.eq(id))).scalarOne();
 *     conn.execute(update(ACCOUNTS).set(ACCOUNTS.balance, balance - 10).where(ACCOUNTS.id.eq(id)));
 * });
 * sessions.begin(TransactionOptions.retry(RetryPolicy.attempts(10).backoff(Duration.ofMillis(5), Duration.ofMillis(200))),
 *         session -> session.add(new User("ann")));
 * }</pre>
 */
public final class RetryPolicy {

    private static final RetryPolicy DEFAULTS =
            new RetryPolicy(5, Duration.ofMillis(10), Duration.ofSeconds(1), 2.0, 0.5);
    /** How deep a failure's causes are searched for the database's own error. */
    private static final int CAUSE_DEPTH = 16;

    private final int maxAttempts;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final double multiplier;
    private final double jitter;

    private RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier, double jitter) {
        this.maxAttempts = maxAttempts;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.multiplier = multiplier;
        this.jitter = jitter;
    }

    /**
     * 5 attempts in all; backoff from 10 ms, doubling, at most 1 s, each delay shortened by up to half at random.
     *
     * <pre>{@code
     * engine.begin(TransactionOptions.retry(RetryPolicy.defaults()), conn -> transfer(conn));
     * }</pre>
     *
     * @return the defaults: {@code TransactionOptions.retry(RetryPolicy.defaults())}
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * The defaults with {@code maxAttempts} attempts in all (the first run included).
     *
     * <pre>{@code
     * engine.begin(TransactionOptions.retry(RetryPolicy.attempts(5)), conn -> transfer(conn));
     * }</pre>
     *
     * @param maxAttempts the most runs, the first included: {@code RetryPolicy.attempts(10)}
     * @return a new policy
     */
    public static RetryPolicy attempts(int maxAttempts) {
        return DEFAULTS.maxAttempts(maxAttempts);
    }

    /**
     * How many times the block runs at most, the first run included; 1 means never again.
     *
     * <pre>{@code
     * RetryPolicy policy = RetryPolicy.defaults().maxAttempts(5);
     * }</pre>
     *
     * @param value the most runs: {@code .maxAttempts(3)}
     * @return a new policy
     */
    public RetryPolicy maxAttempts(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("RetryPolicy.maxAttempts must be at least 1, not " + value);
        }
        return new RetryPolicy(value, initialDelay, maxDelay, multiplier, jitter);
    }

    /**
     * The delay before the first retry, and the bound the growing delays stop at.
     *
     * <pre>{@code
     * RetryPolicy policy = RetryPolicy.attempts(10).backoff(Duration.ofMillis(5), Duration.ofMillis(200));
     * }</pre>
     *
     * @param initial the first delay: {@code .backoff(Duration.ofMillis(50), Duration.ofSeconds(2))}
     * @param max the longest delay
     * @return a new policy
     */
    public RetryPolicy backoff(Duration initial, Duration max) {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("RetryPolicy.backoff needs 0 <= initial <= max, not initial " + initial
                    + " and max " + max);
        }
        return new RetryPolicy(maxAttempts, initial, max, multiplier, jitter);
    }

    /**
     * By how much each delay grows over the one before (2 doubles; 1 keeps it constant).
     *
     * <pre>{@code
     * RetryPolicy policy = RetryPolicy.defaults().multiplier(3.0);
     * }</pre>
     *
     * @param value the factor: {@code .multiplier(1.5)}
     * @return a new policy
     */
    public RetryPolicy multiplier(double value) {
        if (!(value >= 1.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("RetryPolicy.multiplier must be a finite number >= 1, not " + value);
        }
        return new RetryPolicy(maxAttempts, initialDelay, maxDelay, value, jitter);
    }

    /**
     * Which share of each delay is random, from 0 (exact delays) to 1 (anywhere between zero and
     * the delay): transactions that collided once should not collide again on their retries.
     *
     * <pre>{@code
     * RetryPolicy policy = RetryPolicy.defaults().jitter(0.5);
     * }</pre>
     *
     * @param value the share of each delay drawn at random, 0 to 1: {@code .jitter(0.25)}
     * @return a new policy
     */
    public RetryPolicy jitter(double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException("RetryPolicy.jitter must be between 0 and 1, not " + value);
        }
        return new RetryPolicy(maxAttempts, initialDelay, maxDelay, multiplier, value);
    }

    /**
     * The most runs, the first included.
     *
     * <pre>{@code
     * int attempts = RetryPolicy.defaults().maxAttempts();
     * }</pre>
     *
     * @return the attempts
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The delay before the first retry.
     *
     * <pre>{@code
     * Duration first = RetryPolicy.defaults().initialDelay();
     * }</pre>
     *
     * @return the delay
     */
    public Duration initialDelay() {
        return initialDelay;
    }

    /**
     * The longest delay.
     *
     * <pre>{@code
     * Duration cap = RetryPolicy.defaults().maxDelay();
     * }</pre>
     *
     * @return the delay
     */
    public Duration maxDelay() {
        return maxDelay;
    }

    /**
     * By how much each delay grows.
     *
     * <pre>{@code
     * double growth = RetryPolicy.defaults().multiplier();
     * }</pre>
     *
     * @return the factor
     */
    public double multiplier() {
        return multiplier;
    }

    /**
     * The share of each delay drawn at random.
     *
     * <pre>{@code
     * double spread = RetryPolicy.defaults().jitter();
     * }</pre>
     *
     * @return between 0 and 1
     */
    public double jitter() {
        return jitter;
    }

    /**
     * The wait after attempt {@code failedAttempt} (from 1) failed: {@code initial * multiplier^(n-1)},
     * at most the maximum, less {@code jitter * random} of it. {@code random} is in [0, 1).
     *
     * <pre>{@code
     * Duration wait = RetryPolicy.defaults().delayAfter(2, ThreadLocalRandom.current().nextDouble());
     * }</pre>
     *
     * @param failedAttempt the attempt that failed, from 1: {@code policy.delayAfter(1, Math.random())}
     * @param random a number in [0, 1) for the jitter
     * @return the delay before the next attempt
     */
    public Duration delayAfter(int failedAttempt, double random) {
        if (failedAttempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, not " + failedAttempt);
        }
        double nanos = initialDelay.toNanos() * Math.pow(multiplier, failedAttempt - 1);
        double capped = Math.min(nanos, maxDelay.toNanos());
        return Duration.ofNanos((long) (capped * (1.0 - jitter * random)));
    }

    /**
     * Whether {@code failure} means the database aborted the transaction for a reason that running
     * it again can fix: some exception in its chain of causes is a driver error that
     * {@code dialect} calls {@linkplain Dialect#isRetryable(SQLException) retryable}. A cancelled
     * statement never is.
     *
     * <pre>{@code
     * boolean again = RetryPolicy.defaults().isRetryable(sqlException, engine.dialect());
     * }</pre>
     *
     * @param failure what the attempt threw
     * @param dialect the database's dialect, which knows its codes: {@code policy.isRetryable(e, engine.dialect())}
     * @return {@code true} for a serialization failure, a deadlock or a busy database
     */
    public boolean isRetryable(Throwable failure, Dialect dialect) {
        Objects.requireNonNull(dialect, "dialect");
        Throwable t = failure;
        for (int depth = 0; t != null && depth < CAUSE_DEPTH; depth++) {
            if (t instanceof StatementCanceledException) {
                return false;
            }
            if (t instanceof SQLException e && dialect.isRetryable(e)) {
                return true;
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return false;
    }

    /** Runs {@code attempt} until it returns, fails for a reason not retryable, or the attempts run out. */
    <T extends @Nullable Object> T run(Dialect dialect, Supplier<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (RuntimeException failure) {
                if (!isRetryable(failure, dialect)) {
                    throw failure;
                }
                if (n >= maxAttempts) {
                    throw new RetriesExhaustedException(n, failure);
                }
                sleep(delayAfter(n, ThreadLocalRandom.current().nextDouble()), failure);
            }
        }
    }

    private static void sleep(Duration delay, RuntimeException failure) {
        try {
            Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            // An interrupted caller wants to stop: report what failed instead of trying again.
            Thread.currentThread().interrupt();
            failure.addSuppressed(e);
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", backoff " + initialDelay.toMillis() + " ms x" + multiplier
                + " up to " + maxDelay.toMillis() + " ms, jitter " + jitter + "]";
    }
}
