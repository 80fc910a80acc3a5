package org.tabula.bench;

import static org.tabula.Sql.insert;
import static org.tabula.bench.Items.ITEMS;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.tabula.engine.Connection;
import org.tabula.result.Result;

/**
 * Inserts 100,000 rows of six columns and commits: Tabula's executemany
 * ({@code conn.execute(insert(table), listOfMaps)}) against a hand-written JDBC batch reading the
 * same maps, both in chunks of 1,000. The table is emptied before each call, outside the
 * measurement. Target: Tabula at most 1.05x.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class InsertBenchmark extends ItemsInsertFixture {

    static final int CHUNK = 1000;
    static final String RAW_SQL = "INSERT INTO bench_items (id, name, qty, price, score, note) VALUES (?, ?, ?, ?, ?, ?)";

    /** {@code n} rows as executemany takes them; every sixth has NULLs in the nullable columns. */
    static List<Map<String, Object>> rows(int n) {
        List<Map<String, Object>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", (long) i + 1);
            row.put("name", "item-" + i);
            row.put("qty", i % 1000);
            row.put("price", i * 0.25);
            row.put("score", i % 6 == 0 ? null : (long) i * 31);
            row.put("note", i % 6 == 0 ? null : "note for item number " + i);
            out.add(row);
        }
        return out;
    }

    /** The same rows as {@link #rows}, as the objects an application holds (boxed, as the maps hold them). */
    static List<FetchBenchmark.ItemRecord> records(int n) {
        List<FetchBenchmark.ItemRecord> out = new ArrayList<>(n);
        for (Map<String, Object> row : rows(n)) {
            out.add(new FetchBenchmark.ItemRecord((Long) row.get("id"), (String) row.get("name"), (Integer) row.get("qty"),
                    (Double) row.get("price"), (Long) row.get("score"), (String) row.get("note")));
        }
        return out;
    }

    /** A hand-written JDBC batch of {@code rows}' objects, executed every 1,000 rows; returns the row count. */
    static long rawInsertRecords(java.sql.Connection jdbc, List<FetchBenchmark.ItemRecord> rows) throws SQLException {
        long total = 0;
        try (PreparedStatement ps = jdbc.prepareStatement(RAW_SQL)) {
            int pending = 0;
            for (FetchBenchmark.ItemRecord row : rows) {
                ps.setLong(1, row.id());
                ps.setString(2, row.name());
                ps.setInt(3, row.qty());
                ps.setDouble(4, row.price());
                if (row.score() == null) {
                    ps.setNull(5, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(5, row.score());
                }
                if (row.note() == null) {
                    ps.setNull(6, java.sql.Types.VARCHAR);
                } else {
                    ps.setString(6, row.note());
                }
                ps.addBatch();
                if (++pending == CHUNK) {
                    total += sum(ps.executeBatch());
                    pending = 0;
                }
            }
            if (pending > 0) {
                total += sum(ps.executeBatch());
            }
        }
        return total;
    }

    /** The hand-written JDBC batch both benchmarks are measured against (also used to fill tables). */
    static long rawInsert(java.sql.Connection jdbc, List<Map<String, Object>> rows) throws SQLException {
        long total = 0;
        try (PreparedStatement ps = jdbc.prepareStatement(RAW_SQL)) {
            int pending = 0;
            for (Map<String, Object> row : rows) {
                ps.setLong(1, (Long) row.get("id"));
                ps.setString(2, (String) row.get("name"));
                ps.setInt(3, (Integer) row.get("qty"));
                ps.setDouble(4, (Double) row.get("price"));
                Long score = (Long) row.get("score");
                if (score == null) {
                    ps.setNull(5, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(5, score);
                }
                String note = (String) row.get("note");
                if (note == null) {
                    ps.setNull(6, java.sql.Types.VARCHAR);
                } else {
                    ps.setString(6, note);
                }
                ps.addBatch();
                if (++pending == CHUNK) {
                    total += sum(ps.executeBatch());
                    pending = 0;
                }
            }
            if (pending > 0) {
                total += sum(ps.executeBatch());
            }
        }
        return total;
    }

    static long sum(int[] counts) {
        long total = 0;
        for (int c : counts) {
            total += c >= 0 ? c : 1;
        }
        return total;
    }

    @Benchmark
    public long tabulaExecutemany() {
        Result r = conn.execute(insert(ITEMS), maps);
        conn.commit();
        ItemsCheck.rowCount(r.rowCount(), ROWS);
        return r.rowCount();
    }

    @Benchmark
    public long rawJdbcBatch() throws SQLException {
        long n = rawInsert(conn.jdbc(), maps);
        conn.commit();
        ItemsCheck.rowCount(n, ROWS);
        return n;
    }

    // The ORM flush of 10,000 new entities with generated keys is FlushBenchmark.
}
