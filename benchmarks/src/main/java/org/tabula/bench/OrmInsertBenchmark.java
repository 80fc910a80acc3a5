package org.tabula.bench;

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
import org.openjdk.jmh.annotations.Setup;
import org.tabula.orm.Mapper;
import org.tabula.orm.Session;
import org.tabula.orm.SessionFactory;

/**
 * Flushes 10,000 new ORM entities whose ids the application gives ({@link ItemEntity}), and
 * commits: a fresh session's {@code addAll} + {@code commit} against a hand-written JDBC batch of
 * the same objects (executed every 1,000 rows), same connection, same run. Fresh objects and an
 * empty table before each call, outside the measurement; the rows are checked after it.
 * Target: the ORM at most 1.25x.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OrmInsertBenchmark extends ItemsInsertFixture {

    static final int ROWS = FlushBenchmark.ROWS;

    private SessionFactory sessions;
    private List<ItemEntity> entities;

    @Override
    protected int rows() {
        return ROWS;
    }

    /** Fresh objects before each call, outside the measurement (the fixture empties the table). */
    @Setup(Level.Invocation)
    public void freshObjects() {
        if (sessions == null) {
            // here rather than in a trial setup of this class, which JMH may run before the fixture's
            sessions = SessionFactory.of(engine);
            Mapper.mapping(ItemEntity.class);
        }
        entities = new ArrayList<>(ROWS);
        for (FetchBenchmark.ItemRecord r : items) {
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
