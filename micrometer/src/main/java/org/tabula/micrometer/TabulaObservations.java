package org.tabula.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.tabula.engine.ConnectionEvent;
import org.tabula.engine.EngineListener;
import org.tabula.engine.StatementEvent;
import org.tabula.engine.TransactionEvent;

/**
 * An {@link EngineListener} that makes Micrometer observations of an engine's work: one per
 * statement ({@code tabula.statement}, see {@link DefaultStatementObservationConvention}), one per
 * transaction ({@code tabula.transaction}, whose outcome counts commits and rollbacks), and the
 * wait for a connection as the timer {@code tabula.connection.wait} (outcome acquired or failed)
 * when a {@link MeterRegistry} is given. With a meter handler on the observation registry the
 * observations become timers; with a tracing handler (an OpenTelemetry or Brave bridge) they
 * become spans: a statement's parent is its transaction, a transaction's parent the observation
 * current when it began (an HTTP request's, say).
 *
 * <pre>{@code
 * ObservationRegistry observations = ObservationRegistry.create();
 * observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
 * Engine engine = Engine.create(url, EngineOptions.defaults()
 *         .listener(TabulaObservations.builder(observations).meterRegistry(meters).build()));
 * PoolMetrics.bind(engine, meters);   // HikariCP's own pool metrics in the same registry
 * }</pre>
 *
 * <p>With a no-op observation registry and no meter registry it does nothing; an engine without
 * this listener pays nothing at all.
 */
public final class TabulaObservations implements EngineListener {

    /** The timer of connection waits. */
    public static final String CONNECTION_WAIT = "tabula.connection.wait";

    private static final StatementObservationConvention DEFAULT_STATEMENT = new DefaultStatementObservationConvention();
    private static final TransactionObservationConvention DEFAULT_TRANSACTION = new DefaultTransactionObservationConvention();

    private final ObservationRegistry registry;
    private final MeterRegistry meters;
    private final SqlTag sqlTag;
    private final StatementObservationConvention statementConvention;
    private final TransactionObservationConvention transactionConvention;
    /** This listener's key in the events' attributes: another instance never reads its observations. */
    private final Object key = new Object();

    private TabulaObservations(Builder b) {
        this.registry = b.registry;
        this.meters = b.meters;
        this.sqlTag = b.sqlTag;
        this.statementConvention = b.statementConvention;
        this.transactionConvention = b.transactionConvention;
    }

    /**
     * A builder for observations in {@code registry}.
     *
     * <pre>{@code
     * EngineListener l = TabulaObservations.builder(observations).sql(SqlTag.OFF).build();
     * }</pre>
     */
    public static Builder builder(ObservationRegistry registry) {
        return new Builder(registry);
    }

    @Override
    public void beforeExecute(StatementEvent event) {
        if (registry.isNoop()) {
            return;
        }
        StatementContext context = new StatementContext(event, sqlTag);
        Observation observation = Observation.createNotStarted(statementConvention, DEFAULT_STATEMENT, () -> context,
                registry);
        Observation transaction = event.transaction() == null ? null : event.transaction().attribute(key);
        if (transaction != null) {
            observation.parentObservation(transaction);
        }
        event.attribute(key, observation.start());
    }

    @Override
    public void afterExecute(StatementEvent event) {
        Observation observation = event.attribute(key);
        if (observation == null) {
            return;
        }
        if (event.failure() != null) {
            observation.error(event.failure());
        }
        observation.stop();
    }

    @Override
    public void begin(TransactionEvent event) {
        if (registry.isNoop()) {
            return;
        }
        TransactionContext context = new TransactionContext(event);
        Observation observation = Observation.createNotStarted(transactionConvention, DEFAULT_TRANSACTION,
                () -> context, registry);
        event.attribute(key, observation.start());
    }

    @Override
    public void commit(TransactionEvent event) {
        end(event, event.failure() == null ? "commit" : "commit_failed");
    }

    @Override
    public void rollback(TransactionEvent event) {
        end(event, "rollback");
    }

    private void end(TransactionEvent event, String outcome) {
        Observation observation = event.attribute(key);
        if (observation == null) {
            return;
        }
        ((TransactionContext) observation.getContext()).outcome(outcome);
        if (event.failure() != null) {
            observation.error(event.failure());
        }
        observation.stop();
    }

    @Override
    public void connectionAcquired(ConnectionEvent event) {
        recordWait(event, "acquired");
    }

    @Override
    public void connectionFailed(ConnectionEvent event) {
        recordWait(event, "failed");
    }

    private void recordWait(ConnectionEvent event, String outcome) {
        if (meters == null) {
            return;
        }
        Timer.builder(CONNECTION_WAIT)
                .description("Time spent waiting for a connection from Tabula's pool")
                .tag("db.system", event.engine().dialect().name())
                .tag("outcome", outcome)
                .register(meters)
                .record(event.waitNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public String toString() {
        return "TabulaObservations[" + registry + "]";
    }

    /**
     * Settings of {@link TabulaObservations}.
     *
     * <pre>{@code
     * TabulaObservations.builder(observations).meterRegistry(meters).sql(SqlTag.SPANS).build();
     * }</pre>
     */
    public static final class Builder {
        private final ObservationRegistry registry;
        private MeterRegistry meters;
        private SqlTag sqlTag = SqlTag.SPANS;
        private StatementObservationConvention statementConvention;
        private TransactionObservationConvention transactionConvention;

        private Builder(ObservationRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /** Where connection waits are recorded as the timer {@value #CONNECTION_WAIT}; none by default. */
        public Builder meterRegistry(MeterRegistry value) {
            this.meters = value;
            return this;
        }

        /** Whether the SQL shape becomes a key value, and of which cardinality ({@link SqlTag#SPANS} by default). */
        public Builder sql(SqlTag value) {
            this.sqlTag = Objects.requireNonNull(value, "sql");
            return this;
        }

        /** A convention to use instead of {@link DefaultStatementObservationConvention}. */
        public Builder statementConvention(StatementObservationConvention value) {
            this.statementConvention = value;
            return this;
        }

        /** A convention to use instead of {@link DefaultTransactionObservationConvention}. */
        public Builder transactionConvention(TransactionObservationConvention value) {
            this.transactionConvention = value;
            return this;
        }

        /** The listener, for {@code EngineOptions.listener(...)}. */
        public TabulaObservations build() {
            return new TabulaObservations(this);
        }
    }
}
