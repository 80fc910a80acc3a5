package org.tabula.bench;

import static org.tabula.Sql.select;
import static org.tabula.bench.Items.ITEMS;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
import org.tabula.orm.Mapper;
import org.tabula.orm.Session;
import org.tabula.orm.SessionFactory;
import org.tabula.result.Row;
import org.tabula.schema.MetaData;
import org.tabula.statement.Select;

/**
 * Reads 100,000 rows of six columns into memory: Tabula's {@code Result}/{@link Row} against
 * hand-written JDBC filling a record per row, checking for NULL where a column is nullable (score).
 * Both run on the same
 * pooled connection, so the ratio is the toolkit's own cost. Target: Tabula at most 1.10x.
 * {@code ormEntities} hydrates the same rows into {@link ItemEntity} objects through an ORM
 * session, against {@code rawJdbcEntities} building the same objects by hand: at most 1.30x.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FetchBenchmark {

    static final int ROWS = 100_000;
    static final String RAW_SQL = "SELECT id, name, qty, price, score, note FROM bench_items";

    /** What hand-written JDBC code maps a row to. */
    public record ItemRecord(Long id, String name, Integer qty, Double price, Long score, String note) {
    }

    @Param({"sqlite", "mariadb"})
    public String database;

    private Engine engine;
    private Connection conn;
    private SessionFactory sessions;
    private final Select query = select(ITEMS.id, ITEMS.name, ITEMS.qty, ITEMS.price, ITEMS.score, ITEMS.note).from(ITEMS);

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        engine = BenchDatabase.open(database);
        MetaData schema = new MetaData(ITEMS);
        schema.dropAll(engine);
        schema.createAll(engine);
        try (Connection c = engine.connect()) {
            InsertBenchmark.rawInsert(c.jdbc(), InsertBenchmark.rows(ROWS));
            c.commit();
        }
        conn = engine.connect();
        sessions = SessionFactory.of(engine);
        Mapper.mapping(ItemEntity.class);
        check();
    }

    /** Every way of reading must return the 100,000 rows in key order, equal to what raw JDBC reads. */
    private void check() throws SQLException {
        List<ItemRecord> raw = rawJdbc();
        if (raw.size() != ROWS) {
            throw new IllegalStateException("read " + raw.size() + " rows, expected " + ROWS);
        }
        for (int i = 0; i < ROWS; i++) {
            if (raw.get(i).id() != i + 1) {
                throw new IllegalStateException("row " + i + " has key " + raw.get(i).id() + ", expected " + (i + 1));
            }
        }
        same("fetchRecords", raw, fetchRecords());
        same("intoRecords", raw, intoRecords());
        List<ItemRecord> rows = new ArrayList<>();
        for (Row r : tabulaRows()) {
            rows.add(new ItemRecord(r.get(ITEMS.id), r.get(ITEMS.name), r.get(ITEMS.qty), r.get(ITEMS.price),
                    r.get(ITEMS.score), r.get(ITEMS.note)));
        }
        same("tabulaRows", raw, rows);
        same("ormEntities", raw, records(ormEntities()));
        same("rawJdbcEntities", raw, records(rawJdbcEntities()));
    }

    private static List<ItemRecord> records(List<ItemEntity> entities) {
        List<ItemRecord> out = new ArrayList<>(entities.size());
        for (ItemEntity e : entities) {
            out.add(new ItemRecord(e.id, e.name, e.qty, e.price, e.score, e.note));
        }
        return out;
    }

    private static void same(String benchmark, List<ItemRecord> expected, List<ItemRecord> got) {
        if (!expected.equals(got)) {
            throw new IllegalStateException(benchmark + " read other rows than raw JDBC (" + got.size() + " rows)");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        conn.close();
        new MetaData(ITEMS).dropAll(engine);
        engine.close();
    }

    @Benchmark
    public List<Row> tabulaRows() {
        return conn.execute(query).all();
    }

    @Benchmark
    public List<ItemRecord> rawJdbc() throws SQLException {
        List<ItemRecord> out = new ArrayList<>();
        try (PreparedStatement ps = conn.jdbc().prepareStatement(RAW_SQL); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                // id, qty and price are NOT NULL (Items): only score needs the NULL check
                long id = rs.getLong(1);
                String name = rs.getString(2);
                int qty = rs.getInt(3);
                double price = rs.getDouble(4);
                long score = rs.getLong(5);
                Long boxedScore = rs.wasNull() ? null : score;
                String note = rs.getString(6);
                out.add(new ItemRecord(id, name, qty, price, boxedScore, note));
            }
        }
        return out;
    }

    /** The typed fast path: {@code conn.fetch(select, ItemRecord.class)}, records built straight from JDBC's values. */
    @Benchmark
    public List<ItemRecord> fetchRecords() {
        return conn.fetch(query, ItemRecord.class);
    }

    /** {@code conn.execute(select).into(ItemRecord.class)}: through the {@code Result}. */
    @Benchmark
    public List<ItemRecord> intoRecords() {
        return conn.execute(query).into(ItemRecord.class);
    }

    /**
     * The same 100,000 rows hydrated into ORM entities by a fresh session (identity map and all)
     * on the same connection. Target: at most 1.30x {@link #rawJdbcEntities}.
     */
    @Benchmark
    public List<ItemEntity> ormEntities() {
        try (Session session = sessions.openSession(conn)) {
            return session.select(ItemEntity.class).all();
        }
    }

    /** Hand-written JDBC building the same mutable entity objects the ORM builds (the base of {@link #ormEntities}). */
    @Benchmark
    public List<ItemEntity> rawJdbcEntities() throws SQLException {
        List<ItemEntity> out = new ArrayList<>();
        try (PreparedStatement ps = conn.jdbc().prepareStatement(RAW_SQL); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ItemEntity e = new ItemEntity();
                e.id = rs.getLong(1);
                e.name = rs.getString(2);
                e.qty = rs.getInt(3);
                e.price = rs.getDouble(4);
                long score = rs.getLong(5);
                e.score = rs.wasNull() ? null : score;
                e.note = rs.getString(6);
                out.add(e);
            }
        }
        return out;
    }
}
