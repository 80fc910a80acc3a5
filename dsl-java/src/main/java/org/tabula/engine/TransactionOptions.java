package org.tabula.engine;

import java.util.Objects;

/**
 * How one transaction runs: its {@link Propagation}, {@link Isolation} and whether it is read-only.
 * Immutable; every method returns a changed copy. Unset isolation and read-only leave the engine's
 * defaults ({@link EngineOptions#isolation}, {@link EngineOptions#readOnly}) in force.
 *
 * <pre>{@code
 * engine.transaction(TransactionOptions.isolation(Isolation.SERIALIZABLE).readOnly(true), conn ->
 *         conn.execute(select(count()).from(ORDERS)).scalarOne());
 * sessions.begin(TransactionOptions.propagation(Propagation.REQUIRES_NEW), session -> session.add(event));
 * }</pre>
 */
public final class TransactionOptions {

    private static final TransactionOptions DEFAULTS = new TransactionOptions(Propagation.REQUIRED, null, null);

    private final Propagation propagation;
    private final Isolation isolation;
    private final Boolean readOnly;

    private TransactionOptions(Propagation propagation, Isolation isolation, Boolean readOnly) {
        this.propagation = propagation;
        this.isolation = isolation;
        this.readOnly = readOnly;
    }

    /** REQUIRED, with the engine's isolation and read-only defaults. */
    public static TransactionOptions defaults() {
        return DEFAULTS;
    }

    /** The defaults with {@code propagation}. */
    public static TransactionOptions propagation(Propagation propagation) {
        return DEFAULTS.withPropagation(propagation);
    }

    /** The defaults with {@code isolation}. */
    public static TransactionOptions isolation(Isolation isolation) {
        return DEFAULTS.withIsolation(isolation);
    }

    /** A read-only transaction: the database refuses writes in it. */
    public static TransactionOptions readOnlyTransaction() {
        return DEFAULTS.readOnly(true);
    }

    public TransactionOptions withPropagation(Propagation value) {
        return new TransactionOptions(Objects.requireNonNull(value, "propagation"), isolation, readOnly);
    }

    public TransactionOptions withIsolation(Isolation value) {
        return new TransactionOptions(propagation, Objects.requireNonNull(value, "isolation"), readOnly);
    }

    /** Whether the database should refuse writes in the transaction. */
    public TransactionOptions readOnly(boolean value) {
        return new TransactionOptions(propagation, isolation, value);
    }

    public Propagation propagation() {
        return propagation;
    }

    /** The isolation level asked for, or {@code null} for the engine's default. */
    public Isolation isolation() {
        return isolation;
    }

    /** Whether read-only was asked for, or {@code null} for the engine's default. */
    public Boolean readOnly() {
        return readOnly;
    }

    @Override
    public String toString() {
        return "TransactionOptions[" + propagation + (isolation != null ? ", " + isolation : "")
                + (readOnly != null ? ", readOnly=" + readOnly : "") + "]";
    }
}
