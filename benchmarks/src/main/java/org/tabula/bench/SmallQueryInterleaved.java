package org.tabula.bench;

/**
 * {@link SmallQueryBenchmark}'s variants timed in interleaved rounds ({@link Interleaved}): each
 * round times a batch of queries (2,000 by default) of every variant in a shuffled order; reported
 * against {@code rawJdbc} (its own HikariCP pool) and against {@code rawJdbcOnEnginePool} (the
 * same code on a pool an engine made).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.tabula.bench.SmallQueryInterleaved sqlite true 200
 * java -cp benchmarks/target/benchmarks.jar org.tabula.bench.SmallQueryInterleaved mariadb false 100 1000
 * </pre>
 * Arguments: database ({@code sqlite}, {@code mariadb}, {@code postgresql}), {@code autoCommitReads},
 * rounds, queries per batch, and the engines' {@code statementCacheSize} (default: the database's).
 */
public final class SmallQueryInterleaved {

    private SmallQueryInterleaved() {
    }

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "sqlite";
        boolean autoCommitReads = args.length <= 1 || Boolean.parseBoolean(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
        SmallQueryBenchmark b = new SmallQueryBenchmark();
        b.database = database;
        b.autoCommitReads = autoCommitReads;
        b.statementCacheSize = args.length > 4 ? Integer.parseInt(args[4]) : -1;
        b.setUp();
        Interleaved runs = new Interleaved()
                .add("rawJdbc", () -> b.rawJdbc().size())
                .add("tabulaCore", () -> b.tabulaCore().size())
                .add("tabulaOrm", () -> b.tabulaOrm().size())
                .add("rawJdbcOnEnginePool", () -> b.rawJdbcOnEnginePool().size());
        int warmup = Math.max(20, rounds / 5);
        try {
            runs.run(warmup, rounds, batch);
        } finally {
            b.tearDown();
        }
        System.out.printf("%s, autoCommitReads=%s, statementCacheSize=%s, Java %s, %d rounds of %d queries after %d"
                + " warm-up rounds%n", database, autoCommitReads, b.statementCacheSize < 0 ? "default"
                : b.statementCacheSize, Runtime.version(), rounds, batch, warmup);
        runs.report("rawJdbc");
        // Against the same code on an engine's pool: the pool's part of the difference drops out.
        runs.report("rawJdbcOnEnginePool");
    }
}
