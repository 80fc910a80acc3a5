package org.tabula.bench;

/**
 * The write-path benchmarks ({@link OrmInsertBenchmark}, {@link FlushBenchmark},
 * {@link TypedInsertBenchmark}) timed in interleaved rounds against their hand-written JDBC
 * batches, for a loaded machine: each round runs every variant once in a shuffled order (fresh
 * objects and an empty table before each, the rows checked after, both outside the timing), and
 * the ratio to the JDBC batch of the same benchmark is taken per round, of elapsed time and of
 * the calling thread's CPU time (which other processes' load disturbs less; SQLite runs on that
 * thread, a server database's own work is not in it, nor are garbage collector threads). Not
 * JMH; JMH's sequential runs on a shared machine decide nothing (see the README).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.tabula.bench.InsertInterleaved sqlite 30
 * </pre>
 */
public final class InsertInterleaved {

    private InsertInterleaved() {
    }

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "sqlite";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        OrmInsertBenchmark orm = new OrmInsertBenchmark();
        orm.database = database;
        orm.setUp();
        FlushBenchmark flush = new FlushBenchmark();
        flush.database = database;
        flush.setUp();
        TypedInsertBenchmark typed = new TypedInsertBenchmark();
        typed.database = database;
        typed.setUp();
        InsertBenchmark maps = new InsertBenchmark();
        maps.database = database;
        maps.setUp();
        Interleaved.Step freshOrm = () -> fresh(orm);
        Interleaved runs = new Interleaved()
                .add("OrmInsert.rawJdbcBatch", null, freshOrm, orm::rawJdbcBatch, orm::check)
                .add("OrmInsert.ormAddAll", "OrmInsert.rawJdbcBatch", freshOrm, orm::ormAddAll, orm::check)
                .add("Flush.rawJdbcBatch", null, flush::freshObjectsAndEmptyTable, flush::rawJdbcBatch, flush::check)
                .add("Flush.ormFlush", "Flush.rawJdbcBatch", flush::freshObjectsAndEmptyTable, flush::ormFlush, flush::check)
                .add("TypedInsert.rawJdbcBatch", null, typed::emptyTable, typed::rawJdbcBatch, typed::check)
                .add("TypedInsert.typedExecutemany", "TypedInsert.rawJdbcBatch", typed::emptyTable, typed::typedExecutemany,
                        typed::check)
                .add("TypedInsert.mapExecutemany", "TypedInsert.rawJdbcBatch", typed::emptyTable, typed::mapExecutemany,
                        typed::check)
                .add("Insert.rawJdbcBatch", null, maps::emptyTable, maps::rawJdbcBatch, maps::check)
                .add("Insert.tabulaExecutemany", "Insert.rawJdbcBatch", maps::emptyTable, maps::tabulaExecutemany, maps::check);
        int warmup = Math.max(5, rounds / 5);
        try {
            runs.run(warmup, rounds, 1);
        } finally {
            orm.tearDown();
            flush.tearDown();
            typed.tearDown();
            maps.tearDown();
        }
        System.out.printf("%s, %d rounds after %d warm-up rounds%n", database, rounds, warmup);
        runs.reportTimes(1e6, "ms");
    }

    /** What JMH runs before each call of {@link OrmInsertBenchmark}: the fixture's, then its own. */
    private static void fresh(OrmInsertBenchmark orm) {
        orm.emptyTable();
        orm.freshObjects();
    }
}
