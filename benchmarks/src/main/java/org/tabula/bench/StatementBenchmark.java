package org.tabula.bench;

import static org.tabula.Sql.select;
import static org.tabula.bench.Items.ITEMS;

import java.sql.SQLException;
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
import org.tabula.engine.EngineListener;
import org.tabula.engine.EngineOptions;
import org.tabula.schema.MetaData;
import org.tabula.statement.Select;

/**
 * The per-statement cost of the listener path: one point select by key on SQLite (one row, two
 * columns), with no listener registered ({@code none}: what every engine without listeners pays,
 * which must be what it paid before listeners existed) and with one listener that does nothing
 * ({@code noop}: the events made and the clock read for each statement).
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StatementBenchmark {

    @Param({"none", "noop"})
    public String listener;

    private Engine engine;
    private Connection conn;
    private long id;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        EngineOptions options = EngineOptions.defaults();
        if (listener.equals("noop")) {
            options = options.listener(new EngineListener() { });
        }
        engine = BenchDatabase.open("sqlite", options);
        MetaData schema = new MetaData(ITEMS);
        schema.dropAll(engine);
        schema.createAll(engine);
        try (Connection c = engine.connect()) {
            InsertBenchmark.rawInsert(c.jdbc(), InsertBenchmark.rows(1000));
            c.commit();
        }
        conn = engine.connect();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        conn.close();
        engine.close();
    }

    @Benchmark
    public Object pointSelect() {
        id = id % 1000 + 1;
        Select query = select(ITEMS.id, ITEMS.name).from(ITEMS).where(ITEMS.id.eq(id));
        return conn.execute(query).one();
    }
}
