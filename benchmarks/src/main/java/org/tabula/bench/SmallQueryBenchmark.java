package org.tabula.bench;

import static org.tabula.Sql.select;
import static org.tabula.bench.Items.ITEMS;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
import org.tabula.engine.EngineOptions;
import org.tabula.orm.Mapper;
import org.tabula.orm.Session;
import org.tabula.orm.SessionFactory;
import org.tabula.schema.Column;
import org.tabula.schema.MetaData;

/**
 * Small queries: 10 rows by key range into records, each on a fresh connection from the pool,
 * as a web request would. Tabula Core ({@code engine.connect()} + typed {@code fetch} into a
 * record) against hand-written JDBC on a HikariCP pool in auto-commit (what plain JDBC code
 * runs with), with {@code autoCommitReads} off (the SELECT and a ROLLBACK on release) and on (the
 * SELECT alone). Target: Tabula at least 0.95x the JDBC ops/s. {@code rawJdbc} runs once per
 * {@code autoCommitReads} value, which it ignores: two measurements of the same work, a view of
 * the noise. {@code tabulaOrm} is the same read through the ORM: a fresh {@code Session} per query
 * ({@code sessions.openSession()}, connection from the engine) loading {@link ItemEntity} objects;
 * target at least 0.85x the JDBC ops/s.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SmallQueryBenchmark {

    static final int ROWS = 1_000;
    static final String RAW_SQL = "SELECT id, name, qty, price, score, note FROM bench_items WHERE id BETWEEN ? AND ?";

    /** What both sides map a row to. */
    public record ItemRecord(Long id, String name, Integer qty, Double price, Long score, String note) {
    }

    @Param({"sqlite", "mariadb", "postgresql"})
    public String database;

    @Param({"false", "true"})
    public boolean autoCommitReads;

    /** {@code EngineOptions.statementCacheSize}, -1 for the default (64 on SQLite); set by the interleaved runner. */
    public int statementCacheSize = -1;

    private Engine engine;
    private Engine ormEngine;
    private Engine rawEngine;
    private SessionFactory sessions;
    private Column<Long> entityId;
    private HikariDataSource rawPool;
    private long next;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        String url = BenchDatabase.url(database);
        EngineOptions options = EngineOptions.defaults().autoCommitReads(autoCommitReads);
        if (statementCacheSize >= 0) {
            options = options.statementCacheSize(statementCacheSize);
        }
        engine = Engine.create(url, options);
        MetaData schema = new MetaData(ITEMS);
        schema.dropAll(engine);
        schema.createAll(engine);
        try (Connection c = engine.connect()) {
            InsertBenchmark.rawInsert(c.jdbc(), InsertBenchmark.rows(ROWS));
            c.commit();
        }
        // Each variant reads through its own pool, so its own server backend (PostgreSQL) or
        // thread (MariaDB). On a shared one, the variants that make it busy most of the time slow
        // it down for each other: with three of four variants on one backend, plain JDBC code on
        // it read 0.37x of the same code on a backend of its own, because the scheduler favours
        // the process that slept.
        ormEngine = Engine.create(url, options);
        rawEngine = Engine.create(url, options);
        sessions = SessionFactory.of(ormEngine);
        entityId = Mapper.column(ItemEntity.class, "id");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(5);
        rawPool = new HikariDataSource(config); // auto-commit, HikariCP's default
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        rawPool.close();
        rawEngine.close();
        ormEngine.close();
        new MetaData(ITEMS).dropAll(engine);
        engine.close();
    }

    /** The first key of the next range: 10 keys starting anywhere in 1..991. */
    private long nextFrom() {
        next = (next + 37) % (ROWS - 9);
        return next + 1;
    }

    private static <T> List<T> checked(List<T> rows) {
        if (rows.size() != 10) {
            throw new IllegalStateException("expected 10 rows, got " + rows.size());
        }
        return rows;
    }

    @Benchmark
    public List<ItemRecord> tabulaCore() {
        long from = nextFrom();
        try (Connection conn = engine.connect()) {
            return checked(conn.fetch(select(ITEMS.id, ITEMS.name, ITEMS.qty, ITEMS.price, ITEMS.score, ITEMS.note)
                    .from(ITEMS).where(ITEMS.id.between(from, from + 9)), ItemRecord.class));
        }
    }

    @Benchmark
    public List<ItemEntity> tabulaOrm() {
        long from = nextFrom();
        try (Session session = sessions.openSession()) {
            return checked(session.select(ItemEntity.class).where(entityId.between(from, from + 9)).all());
        }
    }

    /** rawJdbc's code on a connection of a pool an engine made, bypassing Tabula's Connection. */
    public List<ItemRecord> rawJdbcOnEnginePool() throws SQLException {
        return rawQuery(rawEngine.dataSource());
    }

    @Benchmark
    public List<ItemRecord> rawJdbc() throws SQLException {
        return rawQuery(rawPool);
    }

    private List<ItemRecord> rawQuery(javax.sql.DataSource pool) throws SQLException {
        long from = nextFrom();
        try (java.sql.Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(RAW_SQL)) {
            ps.setLong(1, from);
            ps.setLong(2, from + 9);
            List<ItemRecord> out = new ArrayList<>(10);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long score = rs.getLong(5);
                    Long s = rs.wasNull() ? null : score;
                    out.add(new ItemRecord(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getDouble(4), s,
                            rs.getString(6)));
                }
            }
            return checked(out);
        }
    }
}
