package org.tabula.bench;

/**
 * {@link FetchBenchmark}'s reads of 100,000 rows timed in interleaved rounds ({@link Interleaved}),
 * one read of each variant per round: typed records against hand-written JDBC, and ORM entities
 * against hand-written JDBC building the same objects.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.tabula.bench.FetchInterleaved sqlite 60
 * </pre>
 * Arguments: database ({@code sqlite}, {@code mariadb}), rounds.
 */
public final class FetchInterleaved {

    private FetchInterleaved() {
    }

    public static void main(String[] args) throws Exception {
        FetchBenchmark b = new FetchBenchmark();
        b.database = args.length > 0 ? args[0] : "sqlite";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        b.setUp();
        Interleaved runs = new Interleaved()
                .add("rawJdbc", () -> b.rawJdbc().size())
                .add("fetchRecords", () -> b.fetchRecords().size())
                .add("tabulaRows", () -> b.tabulaRows().size())
                .add("rawJdbcEntities", () -> b.rawJdbcEntities().size())
                .add("ormEntities", () -> b.ormEntities().size());
        int warmup = Math.max(10, rounds / 5);
        try {
            runs.run(warmup, rounds, 1);
        } finally {
            b.tearDown();
        }
        System.out.printf("%s, Java %s, %d rounds of one 100,000-row read after %d warm-up rounds%n", b.database,
                Runtime.version(), rounds, warmup);
        runs.report("rawJdbc");
        runs.report("rawJdbcEntities");
    }
}
