package org.tabula.micrometer;

import io.micrometer.observation.Observation;
import org.tabula.engine.TransactionEvent;

/**
 * What an observation of one transaction carries for its {@link TransactionObservationConvention}:
 * the transaction's event and, once it ended, whether it committed.
 *
 * <pre>{@code
 * boolean committed = context.outcome().equals("commit");
 * }</pre>
 */
public final class TransactionContext extends Observation.Context {

    private final TransactionEvent event;
    private String outcome = "open";

    TransactionContext(TransactionEvent event) {
        this.event = event;
    }

    /** The transaction. */
    public TransactionEvent event() {
        return event;
    }

    /** The database: {@code sqlite}, {@code mysql}, {@code mariadb} or {@code postgresql}. */
    public String database() {
        return event.connection().engine().dialect().name();
    }

    /** {@code commit}, {@code rollback}, {@code commit_failed}, or {@code open} while it runs. */
    public String outcome() {
        return outcome;
    }

    void outcome(String value) {
        outcome = value;
    }
}
