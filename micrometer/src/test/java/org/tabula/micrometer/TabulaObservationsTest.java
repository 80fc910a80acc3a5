package org.tabula.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Sql.text;
import static org.tabula.micrometer.Items.ITEMS;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;
import org.tabula.error.DatabaseException;
import org.tabula.schema.MetaData;

/** Observations, timers and pool metrics of an engine on SQLite. */
class TabulaObservationsTest {

    @TempDir
    Path dir;

    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Engine engine;

    private Engine engine(TabulaObservations.Builder builder) {
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        engine = Engine.create("jdbc:sqlite:" + dir.resolve("mm.db"), EngineOptions.defaults().poolName("mm")
                .listener(builder.meterRegistry(meters).build()));
        new MetaData(ITEMS).createAll(engine);
        return engine;
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private Timer timer(String name, String... tags) {
        return meters.get(name).tags(tags).timer();
    }

    @Test
    void statementsAreTimedPerKindAndOutcome() {
        engine(TabulaObservations.builder(observations));
        engine.begin(conn -> {
            conn.execute(insert(ITEMS).set(ITEMS.name, "secret-value"));
            conn.execute(insert(ITEMS), List.of(Map.of("name", "b"), Map.of("name", "c")));
            conn.execute(select(ITEMS.name).from(ITEMS).where(ITEMS.name.eq("secret-value")));
        });
        assertThrows(DatabaseException.class, () -> engine.begin(conn -> conn.execute(text("SELECT * FROM mm_nope"))));

        assertEquals(2, timer("tabula.statement", "db.system", "sqlite", "db.operation", "insert", "outcome", "success").count());
        assertEquals(1, timer("tabula.statement", "db.system", "sqlite", "db.operation", "select", "outcome", "success").count());
        assertEquals(1, timer("tabula.statement", "db.operation", "text", "outcome", "error").count());
        assertTrue(timer("tabula.statement", "db.operation", "ddl").count() >= 1);
        for (Meter m : meters.find("tabula.statement").meters()) {
            assertNull(m.getId().getTag("db.statement"), "the SQL is no metric tag by default: " + m.getId());
        }
        assertTrue(timer("tabula.transaction", "db.system", "sqlite", "outcome", "commit").count() >= 2);
        assertEquals(1, timer("tabula.transaction", "outcome", "rollback").count());
        assertTrue(timer(TabulaObservations.CONNECTION_WAIT, "db.system", "sqlite", "outcome", "acquired").count() >= 3);

        TestObservationRegistryAssert.assertThat(observations)
                .hasAnObservation(o -> o.hasNameEqualTo("tabula.statement")
                .hasContextualNameEqualTo("SELECT")
                .hasHighCardinalityKeyValue("db.statement", "SELECT \"mm_items\".\"name\" FROM \"mm_items\" WHERE \"mm_items\".\"name\" = ?")
                .hasHighCardinalityKeyValue("db.rows", "1")
                .hasLowCardinalityKeyValue("outcome", "success"));
        TestObservationRegistryAssert.assertThat(observations)
                .hasAnObservation(o -> o.hasNameEqualTo("tabula.statement").hasHighCardinalityKeyValue("db.batch.size", "2"))
                .hasAnObservation(o -> o.hasNameEqualTo("tabula.statement").hasLowCardinalityKeyValue("outcome", "error").hasError())
                .hasAnObservation(o -> o.hasNameEqualTo("tabula.transaction").hasLowCardinalityKeyValue("outcome", "rollback"));
        TestObservationRegistryAssert.assertThat(observations).hasHandledContextsThatSatisfy(contexts -> {
            for (Observation.Context c : contexts) {
                for (var kv : c.getAllKeyValues()) {
                    assertFalse(kv.getValue().contains("secret-value"), "a value in an observation: " + kv);
                }
                if (c instanceof StatementContext s) {
                    // A statement's span is a child of its transaction's.
                    assertNotNull(c.getParentObservation(), c.getName());
                    assertSame(s.event().transaction(),
                            ((TransactionContext) c.getParentObservation().getContextView()).event());
                }
            }
        });
    }

    @Test
    void theSqlShapeIsAMetricTagOnlyWhenAskedAndCanBeLeftOut() {
        engine(TabulaObservations.builder(observations).sql(SqlTag.METRICS));
        engine.begin(conn -> conn.execute(select(ITEMS.name).from(ITEMS).where(ITEMS.id.eq(7L))));
        assertEquals(1, timer("tabula.statement", "db.statement",
                "SELECT \"mm_items\".\"name\" FROM \"mm_items\" WHERE \"mm_items\".\"id\" = ?").count());
        engine.close();
        observations.clear();

        engine = Engine.create("jdbc:sqlite:" + dir.resolve("mm.db"), EngineOptions.defaults()
                .listener(TabulaObservations.builder(observations).sql(SqlTag.OFF).build()));
        engine.begin(conn -> conn.execute(select(ITEMS.name).from(ITEMS)));
        TestObservationRegistryAssert.assertThat(observations).forAllObservationsWithNameEqualTo("tabula.statement",
                o -> o.doesNotHaveHighCardinalityKeyValueWithKey("db.statement")
                        .doesNotHaveLowCardinalityKeyValueWithKey("db.statement"));
    }

    @Test
    void aConventionReplacesNamesAndKeyValues() {
        engine(TabulaObservations.builder(observations).statementConvention(new DefaultStatementObservationConvention() {
            @Override
            public String getName() {
                return "app.sql";
            }

            @Override
            public KeyValues getLowCardinalityKeyValues(StatementContext context) {
                return super.getLowCardinalityKeyValues(context).and("app", "shop");
            }
        }));
        try (Connection conn = engine.connect()) {
            conn.execute(select(ITEMS.id).from(ITEMS));
        }
        assertEquals(1, timer("app.sql", "app", "shop", "db.operation", "select").count());
    }

    @Test
    void hikariPoolMetricsGoToTheSameRegistry() {
        engine(TabulaObservations.builder(observations));
        assertTrue(PoolMetrics.bind(engine, meters));
        try (Connection conn = engine.connect()) {
            conn.execute(select(ITEMS.id).from(ITEMS));
        }
        assertNotNull(meters.find("hikaricp.connections.active").tag("pool", "mm").gauge());
        assertNotNull(meters.find("hikaricp.connections.acquire").tag("pool", "mm").timer());
        assertTrue(meters.get("hikaricp.connections.acquire").timer().count() >= 1);
    }

    @Test
    void anEngineOverAnotherDataSourceHasNoPoolToBind() {
        org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve("plain.db"));
        engine = Engine.create(ds, org.tabula.dialect.Dialect.SQLITE, EngineOptions.defaults());
        assertFalse(PoolMetrics.bind(engine, meters));
    }
}
