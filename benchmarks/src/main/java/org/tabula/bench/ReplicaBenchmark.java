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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;
import org.tabula.engine.ReplicaStatus;
import org.tabula.schema.MetaData;

/**
 * Reads through {@code Engine.replicated} against a plain engine, on the replication servers of
 * {@code .ci/replication/up.sh} (PostgreSQL 5434 with its hot standby on 5433, MariaDB 3307 with
 * its replica on 3308). One operation is a point select by a random key on a connection of its
 * own ({@code connect}, execute, close), as a request handler does.
 *
 * <ul>
 *   <li>{@code primaryOnly32} / {@code primaryAndReplica32}: 32 threads reading through a plain
 *       engine on the primary, or through {@code Engine.replicated(primary, replica)}, which sends
 *       every one of those reads to the replica and leaves the primary to the writes;</li>
 *   <li>{@code plainReplica} / {@code routedReplica}: one thread, the same replica reached by a
 *       plain engine or through the routing: the per-statement cost of routing.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReplicaBenchmark {

    private static final int ROWS = 1_000;

    @Param({"postgresql", "mariadb"})
    public String database;

    private Engine primaryOnly;
    private Engine replicated;
    private Engine plainReplica;

    private String url(int port) {
        return database.equals("postgresql")
                ? "jdbc:postgresql://127.0.0.1:" + port + "/test?user=postgres&connectTimeout=2"
                : "jdbc:mysql://127.0.0.1:" + port + "/test?user=tabula&password=&useSSL=false&connectTimeout=2000";
    }

    private int port(boolean primary) {
        return database.equals("postgresql") ? (primary ? 5434 : 5433) : (primary ? 3307 : 3308);
    }

    @Setup
    public void setUp() throws InterruptedException {
        // 16 connections per server: 32 readers on one server wait for half of them, as they would
        // for a primary sized for its writes; a replica doubles the connections reads can use.
        EngineOptions pool = EngineOptions.defaults().poolSize(16).maxOverflow(0);
        try {
            primaryOnly = Engine.create(url(port(true)), pool);
        } catch (RuntimeException e) {
            throw new IllegalStateException(database + " primary not up on " + port(true)
                    + ": start the replication servers with .ci/replication/up.sh (" + e.getMessage() + ")", e);
        }
        MetaData metadata = new MetaData(REPLICA_ROWS);
        metadata.dropAll(primaryOnly);
        metadata.createAll(primaryOnly);
        List<Map<String, ?>> rows = new ArrayList<>();
        for (long i = 0; i < ROWS; i++) {
            rows.add(Map.of("id", i, "name", "row " + i));
        }
        primaryOnly.begin(conn -> conn.execute(insert(REPLICA_ROWS), rows));
        replicated = Engine.replicated(Engine.create(url(port(true)), pool), Engine.create(url(port(false)), pool));
        plainReplica = Engine.create(url(port(false)), pool);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (count(plainReplica) < ROWS) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the rows never reached the " + database + " replica on " + port(false));
            }
            Thread.sleep(100);
        }
        // The first health check may have run while the rows were still on their way.
        ReplicaStatus status = replicated.replicaStatus().get(0);
        while (!status.usable()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the " + database + " replica is not usable: " + status.problem());
            }
            Thread.sleep(100);
            status = replicated.replicaStatus().get(0);
        }
    }

    private static long count(Engine engine) {
        try (Connection conn = engine.connect()) {
            return conn.execute(select(org.tabula.Sql.count()).from(REPLICA_ROWS)).scalarOne();
        } catch (RuntimeException tableNotThereYet) {
            return -1;
        }
    }

    @TearDown
    public void tearDown() {
        replicated.close();
        plainReplica.close();
        primaryOnly.close();
    }

    private static String pointSelect(Engine engine) {
        long id = ThreadLocalRandom.current().nextLong(ROWS);
        try (Connection conn = engine.connect()) {
            return conn.execute(select(REPLICA_ROWS.name).from(REPLICA_ROWS).where(REPLICA_ROWS.id.eq(id))).scalarOne();
        }
    }

    /** 32 readers, one server: the base. */
    @Benchmark
    @Threads(32)
    public String primaryOnly32() {
        return pointSelect(primaryOnly);
    }

    /** 32 readers through {@code Engine.replicated(primary, replica)}: every read goes to the replica. */
    @Benchmark
    @Threads(32)
    public String primaryAndReplica32() {
        return pointSelect(replicated);
    }

    /** One reader on the replica through a plain engine: the base of the routing cost. */
    @Benchmark
    @Threads(1)
    public String plainReplica() {
        return pointSelect(plainReplica);
    }

    /** One reader on the same replica through the routing. */
    @Benchmark
    @Threads(1)
    public String routedReplica() {
        return pointSelect(replicated);
    }
}
