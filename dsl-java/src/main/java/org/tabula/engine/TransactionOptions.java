package org.tabula.engine;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * How one transaction runs: its {@link Propagation}, {@link Isolation}, whether it is read-only,
 * and whether it runs again when the database aborts it ({@link RetryPolicy}).
 * Immutable; every method returns a changed copy. Unset isolation and read-only leave the engine's
 * defaults ({@link EngineOptions#isolation}, {@link EngineOptions#readOnly}) in force.
 *
 * <pre>{@code
 * engine.transaction(TransactionOptions.isolation(Isolation.SERIALIZABLE).readOnly(true), conn ->
 *         conn.execute(select(count()).from(ORDERS)).scalarOne());
 * sessions.begin(TransactionOptions.propagation(Propagation.REQUIRES_NEW), session -> session.add(post));
 * engine.begin(TransactionOptions.isolation(Isolation.SERIALIZABLE).withRetry(RetryPolicy.defaults()), conn -> transfer(conn));
 * }</pre>
 */
public final class TransactionOptions {

    private static final TransactionOptions DEFAULTS = new TransactionOptions(Propagation.REQUIRED, null, null);

    private final Propagation propagation;
    private final @Nullable Isolation isolation;
    private final @Nullable Boolean readOnly;
    private final @Nullable RetryPolicy retry;

    private TransactionOptions(Propagation propagation, Isolation isolation, Boolean readOnly) {
        this(propagation, isolation, readOnly, null);
    }

    private TransactionOptions(Propagation propagation, Isolation isolation, Boolean readOnly, RetryPolicy retry) {
        this.propagation = propagation;
        this.isolation = isolation;
        this.readOnly = readOnly;
        this.retry = retry;
    }

    /**
     * REQUIRED, with the engine's isolation and read-only defaults.
     *
     * <pre>{@code
     * engine.begin(TransactionOptions.defaults(), conn -> transfer(conn));   // the same as engine.begin(work)
     * }</pre>
     *
     * @return the defaults: {@code TransactionOptions.defaults().readOnly(true)}
     */
    public static TransactionOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The defaults with {@code propagation}.
     *
     * <pre>{@code
     * engine.begin(TransactionOptions.propagation(Propagation.REQUIRES_NEW), conn -> report(conn));
     * }</pre>
     *
     * @param propagation how to relate to a running transaction: {@code TransactionOptions.propagation(Propagation.REQUIRES_NEW)}
     * @return the options
     */
    public static TransactionOptions propagation(Propagation propagation) {
        return DEFAULTS.withPropagation(propagation);
    }

    /**
     * The defaults with {@code isolation}.
     *
     * <pre>{@code
     * engine.begin(TransactionOptions.isolation(Isolation.SERIALIZABLE), conn -> transfer(conn));
     * }</pre>
     *
     * @param isolation the level: {@code TransactionOptions.isolation(Isolation.SERIALIZABLE)}
     * @return the options
     */
    public static TransactionOptions isolation(Isolation isolation) {
        return DEFAULTS.withIsolation(isolation);
    }

    /**
     * A read-only transaction: the database refuses writes in it.
     *
     * <pre>{@code
     * long n = engine.transaction(TransactionOptions.readOnlyTransaction(), conn -> conn.execute(select(count()).from(USERS)).scalarOne());
     * }</pre>
     *
     * @return the options: {@code engine.begin(TransactionOptions.readOnlyTransaction(), conn -> report(conn))}
     */
    public static TransactionOptions readOnlyTransaction() {
        return DEFAULTS.readOnly(true);
    }

    /**
     * The defaults with {@code policy}: the block runs again when the database aborts its
     * transaction for a reason a retry can fix (see {@link RetryPolicy}, and the rule that the
     * block must be safe to run again).
     *
     * <pre>{@code
     * engine.begin(TransactionOptions.retry(RetryPolicy.attempts(3)), conn -> transfer(conn));
     * }</pre>
     *
     * @param policy attempts and backoff: {@code TransactionOptions.retry(RetryPolicy.attempts(5))}
     * @return the options
     */
    public static TransactionOptions retry(RetryPolicy policy) {
        return DEFAULTS.withRetry(policy);
    }

    /**
     * These options with another propagation: {@code options.withPropagation(Propagation.NESTED)}.
     *
     * <pre>{@code
     * TransactionOptions opts = TransactionOptions.isolation(Isolation.SERIALIZABLE).withPropagation(Propagation.REQUIRES_NEW);
     * }</pre>
     *
     * @param value the propagation
     * @return new options
     */
    public TransactionOptions withPropagation(Propagation value) {
        return new TransactionOptions(Objects.requireNonNull(value, "propagation"), isolation, readOnly, retry);
    }

    /**
     * These options with another isolation level: {@code options.withIsolation(Isolation.REPEATABLE_READ)}.
     *
     * <pre>{@code
     * TransactionOptions opts = TransactionOptions.propagation(Propagation.REQUIRES_NEW).withIsolation(Isolation.SERIALIZABLE);
     * }</pre>
     *
     * @param value the level
     * @return new options
     */
    public TransactionOptions withIsolation(Isolation value) {
        return new TransactionOptions(propagation, Objects.requireNonNull(value, "isolation"), readOnly, retry);
    }

    /**
     * Whether the database should refuse writes in the transaction.
     *
     * <pre>{@code
     * TransactionOptions opts = TransactionOptions.isolation(Isolation.REPEATABLE_READ).readOnly(true);
     * }</pre>
     *
     * @param value {@code true} to refuse writes: {@code TransactionOptions.defaults().readOnly(true)}
     * @return new options
     */
    public TransactionOptions readOnly(boolean value) {
        return new TransactionOptions(propagation, isolation, value, retry);
    }

    /**
     * These options retrying by {@code policy}; {@code null} for no retries. See {@link RetryPolicy}.
     *
     * <pre>{@code
     * TransactionOptions opts = TransactionOptions.isolation(Isolation.SERIALIZABLE).withRetry(RetryPolicy.defaults());
     * }</pre>
     *
     * @param policy attempts and backoff
     * @return new options
     */
    public TransactionOptions withRetry(@Nullable RetryPolicy policy) {
        return new TransactionOptions(propagation, isolation, readOnly, policy);
    }

    /**
     * How the block relates to a running transaction.
     *
     * <pre>{@code
     * Propagation p = TransactionOptions.defaults().propagation();   // REQUIRED
     * }</pre>
     *
     * @return the propagation, {@code REQUIRED} by default
     */
    public Propagation propagation() {
        return propagation;
    }

    /**
     * The isolation level asked for, or {@code null} for the engine's default.
     *
     * <pre>{@code
     * Isolation level = TransactionOptions.defaults().isolation();   // null: the engine's default
     * }</pre>
     *
     * @return the level, or {@code null}
     */
    public @Nullable Isolation isolation() {
        return isolation;
    }

    /**
     * Whether read-only was asked for, or {@code null} for the engine's default.
     *
     * <pre>{@code
     * Boolean readOnly = TransactionOptions.readOnlyTransaction().readOnly();   // true
     * }</pre>
     *
     * @return {@code true} or {@code false}, or {@code null} for the engine's default
     */
    public @Nullable Boolean readOnly() {
        return readOnly;
    }

    /**
     * How an aborted transaction is run again, or {@code null} for never.
     *
     * <pre>{@code
     * RetryPolicy retry = TransactionOptions.defaults().retry();   // null: no retry
     * }</pre>
     *
     * @return the policy, or {@code null}
     */
    public @Nullable RetryPolicy retry() {
        return retry;
    }

    @Override
    public String toString() {
        return "TransactionOptions[" + propagation + (isolation != null ? ", " + isolation : "")
                + (readOnly != null ? ", readOnly=" + readOnly : "") + (retry != null ? ", " + retry : "") + "]";
    }
}
