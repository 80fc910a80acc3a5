package org.tabula.bench;

import static org.tabula.Sql.delete;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * Flushes 10,000 new ORM entities whose ids the database generates, and commits: a session's
 * {@code addAll} + {@code commit} against a hand-written JDBC batch of the same rows with
 * {@code RETURN_GENERATED_KEYS}, setting each id on its object. Fresh objects and an empty table
 * before each call, outside the measurement. Target: the ORM at most 1.5x.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FlushBenchmark {

    static final int ROWS = 10_000;
    static final String RAW_SQL = "INSERT INTO bench_new_items (name, qty, price, score, note) VALUES (?, ?, ?, ?, ?)";

    @Param({"sqlite", "mariadb", "postgresql"})
    public String database;

    private Engine engine;
    private Connection conn;
    private SessionFactory sessions;
    private MetaData schema;
    private List<NewItemEntity> items;

    @Setup(Level.Trial)
    public void setUp() {
        engine = BenchDatabase.open(database);
        schema = Mapper.metaData(NewItemEntity.class);
        schema.dropAll(engine);
        schema.createAll(engine);
        conn = engine.connect();
        sessions = SessionFactory.of(engine);
    }

    @Setup(Level.Invocation)
    public void freshObjectsAndEmptyTable() {
        conn.execute(delete(Mapper.table(NewItemEntity.class)).allRows());
        conn.commit();
        items = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            NewItemEntity e = new NewItemEntity();
            e.name = "item-" + i;
            e.qty = i % 1000;
            e.price = i * 0.25;
            e.score = i % 6 == 0 ? null : (long) i * 31;
            e.note = i % 6 == 0 ? null : "note for item number " + i;
            items.add(e);
        }
    }

    /**
     * Every call must have inserted the 10,000 rows; where it read keys back, each object holds
     * its own row's key (the row with that key has its name), the keys ascending in input order
     * (the database assigned them in the order the rows were given).
     */
    @TearDown(Level.Invocation)
    public void check() throws SQLException {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        try (java.sql.Statement st = conn.jdbc().createStatement();
             ResultSet rs = st.executeQuery("SELECT id, name FROM bench_new_items")) {
            while (rs.next()) {
                names.put(rs.getLong(1), rs.getString(2));
            }
        }
        conn.jdbc().commit();
        if (names.size() != ROWS) {
            throw new IllegalStateException("bench_new_items holds " + names.size() + " rows, expected " + ROWS);
        }
        if (items.get(0).id == null) {
            return; // rawJdbcBatch reads no keys
        }
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < ROWS; i++) {
            NewItemEntity e = items.get(i);
            if (e.id == null || e.id <= previous || !e.name.equals(names.get(e.id))) {
                throw new IllegalStateException("object " + i + " (" + e.name + ") got key " + e.id
                        + ", which holds " + (e.id == null ? null : names.get(e.id)));
            }
            previous = e.id;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        conn.close();
        schema.dropAll(engine);
        engine.close();
    }

    @Benchmark
    public long ormFlush() {
        try (Session session = sessions.openSession(conn)) {
            session.addAll(items);
            session.commit();
        }
        return items.get(ROWS - 1).id;
    }

    /**
     * MariaDB and PostgreSQL: a JDBC batch with {@code RETURN_GENERATED_KEYS} (Connector/J returns
     * every key of a rewritten multi-row batch; pgjdbc pipelines the batch and returns each row's key). SQLite: sqlite-jdbc returns no keys from a batch, so the same
     * prepared statement with {@code RETURNING id} runs once per row (embedded, so no round trips).
     */
    @Benchmark
    public long rawJdbcBatchKeys() throws SQLException {
        java.sql.Connection jdbc = conn.jdbc();
        if (database.equals("sqlite")) {
            try (PreparedStatement ps = jdbc.prepareStatement(RAW_SQL + " RETURNING id")) {
                for (int i = 0; i < ROWS; i++) {
                    NewItemEntity e = items.get(i);
                    bind(ps, e);
                    try (ResultSet keys = ps.executeQuery()) {
                        keys.next();
                        e.id = keys.getLong(1);
                    }
                }
            }
            jdbc.commit();
            return items.get(ROWS - 1).id;
        }
        try (PreparedStatement ps = jdbc.prepareStatement(RAW_SQL, Statement.RETURN_GENERATED_KEYS)) {
            int from = 0;
            for (int i = 0; i < ROWS; i++) {
                bind(ps, items.get(i));
                ps.addBatch();
                if ((i + 1) % InsertBenchmark.CHUNK == 0 || i == ROWS - 1) {
                    ps.executeBatch();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        int k = from;
                        while (keys.next()) {
                            items.get(k++).id = keys.getLong(1);
                        }
                        if (k != i + 1) {
                            throw new IllegalStateException("driver returned " + (k - from) + " keys for " + (i + 1 - from) + " rows");
                        }
                    }
                    from = i + 1;
                }
            }
        }
        jdbc.commit();
        return items.get(ROWS - 1).id;
    }

    /**
     * The same rows as a plain JDBC batch that reads no keys back, executed every 1,000 rows: the
     * base of the generated-keys target (at most 1.5x), since on SQLite a batch cannot return keys.
     */
    @Benchmark
    public long rawJdbcBatch() throws SQLException {
        java.sql.Connection jdbc = conn.jdbc();
        long total = 0;
        try (PreparedStatement ps = jdbc.prepareStatement(RAW_SQL)) {
            for (int i = 0; i < ROWS; i++) {
                bind(ps, items.get(i));
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

    private static void bind(PreparedStatement ps, NewItemEntity e) throws SQLException {
        ps.setString(1, e.name);
        ps.setInt(2, e.qty);
        ps.setDouble(3, e.price);
        if (e.score == null) {
            ps.setNull(4, java.sql.Types.BIGINT);
        } else {
            ps.setLong(4, e.score);
        }
        if (e.note == null) {
            ps.setNull(5, java.sql.Types.VARCHAR);
        } else {
            ps.setString(5, e.note);
        }
    }
}
