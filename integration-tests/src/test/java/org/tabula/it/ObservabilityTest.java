package org.tabula.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.it.Schema.USERS;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.engine.ConnectionEvent;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineListener;
import org.tabula.engine.EngineOptions;
import org.tabula.engine.StatementEvent;
import org.tabula.engine.TransactionEvent;
import org.tabula.error.UniqueViolationException;
import org.tabula.micrometer.PoolMetrics;
import org.tabula.micrometer.TabulaObservations;

/** Listener events, Micrometer timers and HikariCP pool metrics on SQLite, MariaDB and PostgreSQL. */
class ObservabilityTest {

    static Stream<String> databases() {
        return Databases.names().stream();
    }

    /** Every event as a short line. */
    static final class Lines implements EngineListener {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void connectionAcquired(ConnectionEvent e) {
            lines.add("acquired");
        }

        @Override
        public void connectionReleased(ConnectionEvent e) {
            lines.add("released");
        }

        @Override
        public void beforeExecute(StatementEvent e) {
            lines.add("before " + e.operation() + " " + e.parameters());
        }

        @Override
        public void afterExecute(StatementEvent e) {
            lines.add("after " + (e.failure() != null ? e.failure().getClass().getSimpleName() : "rows=" + e.rows()));
        }

        @Override
        public void begin(TransactionEvent e) {
            lines.add("begin");
        }

        @Override
        public void commit(TransactionEvent e) {
            lines.add("commit");
        }

        @Override
        public void rollback(TransactionEvent e) {
            lines.add("rollback " + (e.failure() == null ? "" : e.failure().getClass().getSimpleName()));
        }

        @Override
        public void savepoint(TransactionEvent e) {
            lines.add("savepoint");
        }

        @Override
        public void savepointRolledBack(TransactionEvent e) {
            lines.add("rollback savepoint");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eventsTimersAndPoolMetrics(String db) {
        CoreScenariosTest.fresh(db);
        Lines events = new Lines();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        try (Engine engine = Databases.newEngine(db, EngineOptions.defaults().poolSize(2).maxOverflow(0)
                .poolName("obs-" + db).listener(events)
                .listener(TabulaObservations.builder(observations).meterRegistry(meters).build()))) {
            assertTrue(PoolMetrics.bind(engine, meters));
            engine.begin(conn -> {
                conn.execute(insert(USERS).set(USERS.name, "ann").set(USERS.email, "ann@x"));
                conn.execute(select(USERS.name).from(USERS).where(USERS.email.eq("ann@x")));
                assertThrows(UniqueViolationException.class,
                        () -> conn.nested(c -> c.execute(insert(USERS).set(USERS.name, "dup").set(USERS.email, "ann@x"))));
            });
            assertThrows(UniqueViolationException.class, () -> engine.begin(conn ->
                    conn.execute(insert(USERS).set(USERS.name, "bob").set(USERS.email, "ann@x"))));

            assertEquals(List.of("acquired", "begin", "before insert [ann, ann@x, true]", "after rows=1",
                    "before select [ann@x]", "after rows=1",
                    "savepoint", "before insert [dup, ann@x, true]", "after UniqueViolationException", "rollback savepoint",
                    "commit", "released",
                    "acquired", "begin", "before insert [bob, ann@x, true]", "after UniqueViolationException",
                    "rollback UniqueViolationException", "released"), events.lines);

            String system = engine.dialect().name();
            assertEquals(1, timer(meters, "tabula.statement", "db.system", system, "db.operation", "insert", "outcome", "success").count());
            assertEquals(2, timer(meters, "tabula.statement", "db.system", system, "db.operation", "insert", "outcome", "error").count());
            assertEquals(1, timer(meters, "tabula.statement", "db.system", system, "db.operation", "select", "outcome", "success").count());
            assertEquals(1, timer(meters, "tabula.transaction", "db.system", system, "outcome", "commit").count());
            assertEquals(1, timer(meters, "tabula.transaction", "db.system", system, "outcome", "rollback").count());
            assertEquals(2, timer(meters, TabulaObservations.CONNECTION_WAIT, "db.system", system, "outcome", "acquired").count());
            assertNotNull(meters.find("hikaricp.connections.active").tag("pool", "obs-" + db).gauge());
            assertTrue(meters.get("hikaricp.connections.usage").tag("pool", "obs-" + db).timer().count() >= 2);
        }
    }

    private static Timer timer(SimpleMeterRegistry meters, String name, String... tags) {
        return meters.get(name).tags(tags).timer();
    }
}
