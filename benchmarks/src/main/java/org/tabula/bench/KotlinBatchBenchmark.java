package org.tabula.bench;

import static org.tabula.Sql.insert;
import static org.tabula.bench.Items.ITEMS;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.tabula.result.Result;

/**
 * Kotlin's {@code conn.batchInsert(ITEMS, items) { row, item -> row[id] = item.id(); ... }} of
 * {@code InsertBenchmark}'s 100,000 rows (held as objects) and commit, against a hand-written JDBC
 * batch of the same objects and Java's executemany of the same rows as prebuilt maps
 * ({@code InsertBenchmark.tabulaExecutemany}), in the same run. Targets: time at most 1.05x the
 * JDBC batch, allocation at most 1.2x Java executemany's.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KotlinBatchBenchmark extends ItemsInsertFixture {

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
