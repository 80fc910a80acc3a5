package org.tabula.bench;

import static org.tabula.Sql.delete;
import static org.tabula.bench.Items.ITEMS;

import java.sql.PreparedStatement;
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
import org.tabula.schema.MetaData;

/**
 * Flushes 10,000 new ORM entities whose ids the application gives ({@link ItemEntity}), and
 * commits: a fresh session's {@code addAll} + {@code commit} against a hand-written JDBC batch of
 * the same objects (executed every 1,000 rows), same connection, same run. Fresh objects and an
 * empty table before each call, outside the measurement; the rows are checked after it.
 * Target: the ORM at most 1.25x.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OrmInsertBenchmark {

    static final int ROWS = FlushBenchmark.ROWS;

    @Param({"sqlite", "mariadb"})
    public String database;

    private Engine engine;
    private Connection conn;
    private SessionFactory sessions;
    private List<ItemEntity> entities;
    private long[] expected;

    @Setup(Level.Trial)
    public void setUp() {
        engine = BenchDatabase.open(database);
        MetaData schema = new MetaData(ITEMS);
        schema.dropAll(engine);
        schema.createAll(engine);
        expected = ItemsCheck.expected(InsertBenchmark.records(ROWS));
        conn = engine.connect();
        sessions = SessionFactory.of(engine);
        Mapper.mapping(ItemEntity.class);
    }

    @Setup(Level.Invocation)
    public void freshObjectsAndEmptyTable() {
        conn.execute(delete(ITEMS).allRows());
        conn.commit();
        entities = new ArrayList<>(ROWS);
        for (FetchBenchmark.ItemRecord r : InsertBenchmark.records(ROWS)) {
            ItemEntity e = new ItemEntity();
            e.id = r.id();
            e.name = r.name();
            e.qty = r.qty();
            e.price = r.price();
            e.score = r.score();
            e.note = r.note();
            entities.add(e);
        }
    }

    /** Every call must have written exactly the 10,000 rows. */
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
    public int ormAddAll() {
        try (Session session = sessions.openSession(conn)) {
            session.addAll(entities);
            session.commit();
        }
        return entities.size();
    }

    @Benchmark
    public long rawJdbcBatch() throws SQLException {
        java.sql.Connection jdbc = conn.jdbc();
        long total = 0;
        try (PreparedStatement ps = jdbc.prepareStatement(InsertBenchmark.RAW_SQL)) {
            for (int i = 0; i < ROWS; i++) {
                ItemEntity e = entities.get(i);
                ps.setLong(1, e.id);
                ps.setString(2, e.name);
                ps.setInt(3, e.qty);
                ps.setDouble(4, e.price);
                if (e.score == null) {
                    ps.setNull(5, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(5, e.score);
                }
                if (e.note == null) {
                    ps.setNull(6, java.sql.Types.VARCHAR);
                } else {
                    ps.setString(6, e.note);
                }
                ps.addBatch();
                if ((i + 1) % InsertBenchmark.CHUNK == 0 || i == ROWS - 1) {
                    total += InsertBenchmark.sum(ps.executeBatch());
                }
            }
        }
        jdbc.commit();
        ItemsCheck.rowCount(total, ROWS);
        return total;
    }
}
