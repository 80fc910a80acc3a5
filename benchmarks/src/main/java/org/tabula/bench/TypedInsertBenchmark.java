package org.tabula.bench;

import static org.tabula.Sql.insert;
import static org.tabula.bench.Items.ITEMS;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.tabula.result.Result;
import org.tabula.statement.InsertRow;

/**
 * Java executemany of 100,000 rows held as objects ({@code InsertBenchmark}'s data), each style
 * turning the objects into rows inside the measurement: typed rows built from column handles
 * ({@link InsertRow}: refilled per object, or a list of them), one {@code Map} per row, and a hand-written JDBC batch of the same
 * objects (the base), same connection, same run. Target: at most 1.05x the JDBC batch.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TypedInsertBenchmark extends ItemsInsertFixture {

    /** {@code conn.execute(insert(ITEMS), items, (row, it) -> row.set(...))}: one typed row refilled per object. */
    @Benchmark
    public long typedExecutemany() {
        Result r = conn.execute(insert(ITEMS), items, (row, it) -> row
                .set(ITEMS.id, it.id()).set(ITEMS.name, it.name()).set(ITEMS.qty, it.qty())
                .set(ITEMS.price, it.price()).set(ITEMS.score, it.score()).set(ITEMS.note, it.note()));
        conn.commit();
        ItemsCheck.rowCount(r.rowCount(), ROWS);
        return r.rowCount();
    }

    /** {@code InsertRow.batch}: a list of typed rows, then executemany. */
    @Benchmark
    public long insertRowBatch() {
        Result r = conn.execute(insert(ITEMS), InsertRow.batch(ITEMS, items, (row, it) -> row
                .set(ITEMS.id, it.id()).set(ITEMS.name, it.name()).set(ITEMS.qty, it.qty())
                .set(ITEMS.price, it.price()).set(ITEMS.score, it.score()).set(ITEMS.note, it.note())));
        conn.commit();
        ItemsCheck.rowCount(r.rowCount(), ROWS);
        return r.rowCount();
    }

    /** The untyped form: one {@code HashMap} per object, then executemany. */
    @Benchmark
    public long mapExecutemany() {
        List<Map<String, Object>> rows = new ArrayList<>(items.size());
        for (FetchBenchmark.ItemRecord it : items) {
            Map<String, Object> row = new HashMap<>(8);
            row.put("id", it.id());
            row.put("name", it.name());
            row.put("qty", it.qty());
            row.put("price", it.price());
            row.put("score", it.score());
            row.put("note", it.note());
            rows.add(row);
        }
        Result r = conn.execute(insert(ITEMS), rows);
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
