package org.tabula.it.cluster;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Polls until a condition holds, for what replication makes true a little later. Bounded:
 * past the bound it fails the test naming what it waited for.
 *
 * <pre>{@code
 * Await.until("the row on the standby", () -> rows.has(standby, token));
 * }</pre>
 */
public final class Await {

    /** How long a replicated write may take to show: far above the milliseconds it takes on 127.0.0.1. */
    public static final Duration REPLICATION_BOUND = Duration.ofSeconds(30);

    private Await() {
    }

    /** Polls {@code condition} every 50 ms until true, at most {@link #REPLICATION_BOUND}. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, REPLICATION_BOUND, condition);
    }

    /** Polls {@code condition} every 50 ms until true, at most {@code bound}. */
    public static void until(String what, Duration bound, BooleanSupplier condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + bound.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
