package org.tabula.bench;

import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.bench.ReplicaRows.REPLICA_ROWS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.schema.MetaData;

/**
 * What routing itself costs, where nothing else hides it: two SQLite files stand in for a
 * primary and a replica (embedded, no network, a point select takes microseconds), and the same
 * point select on the "replica" runs through a plain engine on that file ({@code plain}) and
 * through {@code Engine.replicated(primary, replica)} ({@code routed}). One operation is
 * {@code connect}, the select, close; {@code routedStatement} and {@code plainStatement} run the
 * select on a connection kept open, the per-statement part alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RoutingCostBenchmark {

    private static final int ROWS = 1_000;

    private Engine plain;
    private Engine routed;
    private Connection plainOpen;
    private Connection routedOpen;

    private static Engine filled() {
        Engine engine = BenchDatabase.open("sqlite");
        MetaData metadata = new MetaData(REPLICA_ROWS);
        metadata.createAll(engine);
        List<Map<String, ?>> rows = new ArrayList<>();
        for (long i = 0; i < ROWS; i++) {
            rows.add(Map.of("id", i, "name", "row " + i));
        }
        engine.begin(conn -> conn.execute(insert(REPLICA_ROWS), rows));
        return engine;
    }

    @Setup
    public void setUp() {
        plain = filled();
        routed = Engine.replicated(filled(), filled());
        plainOpen = plain.connect();
        routedOpen = routed.connect();
        pointSelect(routedOpen);   // binds it to the replica
    }

    @TearDown
    public void tearDown() {
        plainOpen.close();
        routedOpen.close();
        routed.close();
        plain.close();
    }

    private static String pointSelect(Connection conn) {
        long id = ThreadLocalRandom.current().nextLong(ROWS);
        return conn.execute(select(REPLICA_ROWS.name).from(REPLICA_ROWS).where(REPLICA_ROWS.id.eq(id))).scalarOne();
    }

    private static String connectAndSelect(Engine engine) {
        try (Connection conn = engine.connect()) {
            return pointSelect(conn);
        }
    }

    @Benchmark
    public String plain() {
        return connectAndSelect(plain);
    }

    @Benchmark
    public String routed() {
        return connectAndSelect(routed);
    }

    @Benchmark
    public String plainStatement() {
        return pointSelect(plainOpen);
    }

    @Benchmark
    public String routedStatement() {
        return pointSelect(routedOpen);
    }
}
