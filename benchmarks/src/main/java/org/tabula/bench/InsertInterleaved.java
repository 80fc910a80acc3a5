package org.tabula.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

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

    /** One timed call, with what must run before and after it (untimed). */
    private record Variant(String name, int base, Step before, Step call, Step after) {
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
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
        List<Variant> variants = List.of(
                new Variant("OrmInsert.rawJdbcBatch", 0, () -> fresh(orm), orm::rawJdbcBatch, orm::check),
                new Variant("OrmInsert.ormAddAll", 0, () -> fresh(orm), orm::ormAddAll, orm::check),
                new Variant("Flush.rawJdbcBatch", 2, flush::freshObjectsAndEmptyTable, flush::rawJdbcBatch, flush::check),
                new Variant("Flush.ormFlush", 2, flush::freshObjectsAndEmptyTable, flush::ormFlush, flush::check),
                new Variant("TypedInsert.rawJdbcBatch", 4, typed::emptyTable, typed::rawJdbcBatch, typed::check),
                new Variant("TypedInsert.typedExecutemany", 4, typed::emptyTable, typed::typedExecutemany, typed::check),
                new Variant("TypedInsert.mapExecutemany", 4, typed::emptyTable, typed::mapExecutemany, typed::check),
                new Variant("Insert.rawJdbcBatch", 7, maps::emptyTable, maps::rawJdbcBatch, maps::check),
                new Variant("Insert.tabulaExecutemany", 7, maps::emptyTable, maps::tabulaExecutemany, maps::check));
        int warmup = Math.max(5, rounds / 5);
        double[][] ms = new double[variants.size()][rounds];
        double[][] cpu = new double[variants.size()][rounds];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        List<Integer> order = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            order.add(v);
        }
        Random random = new Random(42);
        for (int r = -warmup; r < rounds; r++) {
            Collections.shuffle(order, random);
            for (int v : order) {
                Variant variant = variants.get(v);
                variant.before().run();
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                variant.call().run();
                long took = System.nanoTime() - start;
                long cpuTook = threads.getCurrentThreadCpuTime() - cpuStart;
                variant.after().run();
                if (r >= 0) {
                    ms[v][r] = took / 1e6;
                    cpu[v][r] = cpuTook / 1e6;
                }
            }
        }
        System.out.printf("%s, %d rounds after %d warm-up rounds%n", database, rounds, warmup);
        System.out.printf("%-30s %10s %16s %12s %16s%n", "variant", "median ms", "per-round ratio", "median cpu", "cpu ratio");
        for (int v = 0; v < variants.size(); v++) {
            int base = variants.get(v).base();
            double[] ratios = new double[rounds];
            double[] cpuRatios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratios[r] = ms[v][r] / ms[base][r];
                cpuRatios[r] = cpu[v][r] / cpu[base][r];
            }
            System.out.printf("%-30s %10.2f %7.3fx (IQR %.2f-%.2f) %9.2f %7.3fx (IQR %.2f-%.2f)%n", variants.get(v).name(),
                    quantile(ms[v], 0.5), quantile(ratios, 0.5), quantile(ratios, 0.25), quantile(ratios, 0.75),
                    quantile(cpu[v], 0.5), quantile(cpuRatios, 0.5), quantile(cpuRatios, 0.25), quantile(cpuRatios, 0.75));
        }
        orm.tearDown();
        flush.tearDown();
        typed.tearDown();
        maps.tearDown();
    }

    /** What JMH runs before each call of {@link OrmInsertBenchmark}: the fixture's, then its own. */
    private static void fresh(OrmInsertBenchmark orm) {
        orm.emptyTable();
        orm.freshObjects();
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
    }
}
