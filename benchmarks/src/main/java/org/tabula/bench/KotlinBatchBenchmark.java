package org.tabula.bench;

import static org.tabula.Sql.delete;
import static org.tabula.Sql.insert;
import static org.tabula.bench.Items.ITEMS;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.result.Result;
import org.tabula.schema.MetaData;

/**
 * Kotlin's {@code conn.batchInsert(ITEMS, items) { row, item -> row[id] = item.id(); ... }} of
 * {@code InsertBenchmark}'s 100,000 rows (held as objects) and commit, against a hand-written JDBC
 * batch of the same objects and Java's executemany of the same rows as prebuilt maps
 * ({@code InsertBenchmark.tabulaExecutemany}), in the same run. Targets: time at most 1.05x the
 * JDBC batch, allocation at most 1.2x Java executemany's.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KotlinBatchBenchmark {

    static final int ROWS = InsertBenchmark.ROWS;

    @Param({"sqlite", "mariadb"})
    public String database;

    private Engine engine;
    private Connection conn;
    private List<FetchBenchmark.ItemRecord> items;
    private List<Map<String, Object>> maps;
    private long[] expected;

    @Setup(Level.Trial)
    public void setUp() {
        engine = BenchDatabase.open(database);
        MetaData schema = new MetaData(ITEMS);
        schema.dropAll(engine);
        schema.createAll(engine);
        items = InsertBenchmark.records(ROWS);
        maps = InsertBenchmark.rows(ROWS);
        expected = ItemsCheck.expected(items);
        conn = engine.connect();
    }

    @Setup(Level.Invocation)
    public void emptyTable() {
        conn.execute(delete(ITEMS).allRows());
        conn.commit();
    }

    /** Every call must have written exactly the 100,000 rows. */
    @TearDown(Level.Invocation)
    public void check() {
        ItemsCheck.verify(conn, "bench_items", expected);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        conn.close();
        new MetaData(ITEMS).dropAll(engine);
        engine.close();
    }

    @Benchmark
    public long kotlinBatchInsert() {
        Result r = KotlinBatches.insert(conn, items);
        conn.commit();
        ItemsCheck.rowCount(r.rowCount(), ROWS);
        return r.rowCount();
    }

    /** {@code InsertBenchmark.tabulaExecutemany}: the maps are built before the run. */
    @Benchmark
    public long javaExecutemany() {
        Result r = conn.execute(insert(ITEMS), maps);
        conn.commit();
        ItemsCheck.rowCount(r.rowCount(), ROWS);
        return r.rowCount();
    }

    @Benchmark
    public long rawJdbcBatch() throws SQLException {
        long n = InsertBenchmark.rawInsertRecords(conn.jdbc(), items);
        conn.commit();
        ItemsCheck.rowCount(n, ROWS);
        return n;
    }
}
