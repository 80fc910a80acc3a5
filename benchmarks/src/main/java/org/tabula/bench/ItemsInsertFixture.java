package org.tabula.bench;

import static org.tabula.Sql.delete;
import static org.tabula.bench.Items.ITEMS;

import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.schema.MetaData;

/**
 * What every benchmark inserting {@code InsertBenchmark}'s rows (100,000 unless {@link #rows()}
 * says otherwise) into {@code bench_items} shares: the table made once, emptied before each call,
 * and checked after it (every row there, exactly once), outside the measurement; the rows as
 * objects ({@link #items}) and as maps ({@link #maps}).
 */
@State(Scope.Benchmark)
public abstract class ItemsInsertFixture {

    static final int ROWS = 100_000;

    @Param({"sqlite", "mariadb"})
    public String database;

    protected Engine engine;
    protected Connection conn;
    protected List<FetchBenchmark.ItemRecord> items;
    protected List<Map<String, Object>> maps;
    private long[] expected;

    /** How many rows each call inserts. */
    protected int rows() {
        return ROWS;
    }

    @Setup(Level.Trial)
    public void setUp() {
        engine = BenchDatabase.open(database);
        MetaData schema = new MetaData(ITEMS);
        schema.dropAll(engine);
        schema.createAll(engine);
        items = InsertBenchmark.records(rows());
        maps = InsertBenchmark.rows(rows());
        expected = ItemsCheck.expected(items);
        conn = engine.connect();
    }

    @Setup(Level.Invocation)
    public void emptyTable() {
        conn.execute(delete(ITEMS).allRows());
        conn.commit();
    }

    /** Every call must have written exactly the {@link #rows()} rows. */
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
}
