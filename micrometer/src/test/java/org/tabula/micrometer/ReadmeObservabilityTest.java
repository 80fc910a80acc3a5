package org.tabula.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.tabula.Sql.select;
import static org.tabula.micrometer.Items.ITEMS;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineListener;
import org.tabula.engine.EngineOptions;
import org.tabula.engine.StatementEvent;
import org.tabula.engine.TransactionEvent;
import org.tabula.schema.MetaData;

/** README's "Observability" snippets, compiled and run (the table is this module's test table). */
class ReadmeObservabilityTest {

    private static final Logger log = LoggerFactory.getLogger(ReadmeObservabilityTest.class);

    @TempDir
    Path dir;

    @Test
    void listeners() {
        EngineListener slowQueries = new EngineListener() {
            @Override
            public void afterExecute(StatementEvent e) {
                if (e.failure() == null && e.duration().toMillis() > 200) {
                    log.warn("slow {} ({} ms, {} rows): {}", e.operation(), e.duration().toMillis(), e.rows(), e.sql());
                }
            }

            @Override
            public void rollback(TransactionEvent e) {
                log.info("rolled back after {} ms: {}", e.duration().toMillis(), e.failure());
            }
        };
        List<String> sql = new CopyOnWriteArrayList<>();
        try (Engine engine = Engine.create("jdbc:sqlite:" + dir.resolve("app.db"), EngineOptions.defaults()
                .listener(slowQueries)
                .listener(EngineListener.beforeEach(e -> sql.add(e.sql()))))) {
            new MetaData(ITEMS).createAll(engine);
            engine.begin(conn -> conn.execute(select(ITEMS.name).from(ITEMS)));
        }
        assertEquals(2, sql.size());
    }

    @Test
    void echoWithHiddenParameters() {
        String url = "jdbc:sqlite:" + dir.resolve("echo.db");
        try (Engine engine = Engine.create(url, EngineOptions.defaults().echo(true).hideParameters(true))) {
            assertFalse(engine.options().listeners().size() > 0);
            new MetaData(ITEMS).createAll(engine);
        }
    }

    @Test
    void micrometer() {
        String url = "jdbc:sqlite:" + dir.resolve("metrics.db");
        MeterRegistry meters = new SimpleMeterRegistry();                 // or Prometheus, OTLP, ...
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        try (Engine engine = Engine.create(url, EngineOptions.defaults().poolName("app")
                .listener(TabulaObservations.builder(observations).meterRegistry(meters).build()))) {
            PoolMetrics.bind(engine, meters);
            new MetaData(ITEMS).createAll(engine);
            engine.begin(conn -> conn.execute(select(ITEMS.name).from(ITEMS)));
            assertEquals(1, meters.get("tabula.statement").tags("db.operation", "select", "outcome", "success").timer().count());
        }
    }
}
