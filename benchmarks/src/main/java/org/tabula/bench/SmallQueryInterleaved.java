package org.tabula.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@link SmallQueryBenchmark}'s variants timed in interleaved rounds, for a machine whose load
 * moves during a run: each round times a batch of queries (2,000 by default) of every variant in a
 * shuffled order, so a burst of load hits all of them alike; reported are the median time per
 * query with its quartiles, the ratio of medians to {@code rawJdbc} (as throughput) and the median
 * of per-round ratios. Not JMH: warm-up rounds are discarded, the JIT state is shared.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.tabula.bench.SmallQueryInterleaved sqlite true 200
 * java -cp benchmarks/target/benchmarks.jar org.tabula.bench.SmallQueryInterleaved mariadb false 100 1000
 * </pre>
 * Arguments: database ({@code sqlite}, {@code mariadb}, {@code postgresql}), {@code autoCommitReads},
 * rounds, queries per batch, and the engines' {@code statementCacheSize} (default: the database's).
 */
public final class SmallQueryInterleaved {

    private interface Variant {
        Object run() throws Exception;
    }

    private SmallQueryInterleaved() {
    }

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "sqlite";
        boolean autoCommitReads = args.length <= 1 || Boolean.parseBoolean(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
        SmallQueryBenchmark b = new SmallQueryBenchmark();
        b.statementCacheSize = args.length > 4 ? Integer.parseInt(args[4]) : -1;
        b.database = database;
        b.autoCommitReads = autoCommitReads;
        b.setUp();
        Map<String, Variant> variants = new LinkedHashMap<>();
        variants.put("rawJdbc", b::rawJdbc);
        variants.put("tabulaCore", b::tabulaCore);
        variants.put("tabulaOrm", b::tabulaOrm);
        variants.put("rawJdbcOnEnginePool", b::rawJdbcOnEnginePool);
        Map<String, List<Double>> times = new LinkedHashMap<>();
        variants.keySet().forEach(k -> times.put(k, new ArrayList<>()));
        List<String> order = new ArrayList<>(variants.keySet());
        Random random = new Random(42);
        int warmup = Math.max(20, rounds / 5);
        long sink = 0;
        try {
            for (int round = 0; round < warmup + rounds; round++) {
                Collections.shuffle(order, random);
                for (String v : order) {
                    Variant variant = variants.get(v);
                    long start = System.nanoTime();
                    for (int i = 0; i < batch; i++) {
                        sink += ((List<?>) variant.run()).size();
                    }
                    double ns = (System.nanoTime() - start) / (double) batch;
                    if (round >= warmup) {
                        times.get(v).add(ns);
                    }
                }
            }
        } finally {
            b.tearDown();
        }
        if (sink == 0) {
            throw new IllegalStateException("no rows read");
        }
        System.out.printf("%s, autoCommitReads=%s, statementCacheSize=%s, Java %s, %d rounds of %d queries after %d"
                + " warm-up rounds%n", database, autoCommitReads, b.statementCacheSize < 0 ? "default"
                : b.statementCacheSize, Runtime.version(), rounds, batch, warmup);
        report(times, "rawJdbc");
        // Same pool, so the same server backend: on PostgreSQL two identical pools differ by up
        // to 1.6x from run to run (where the OS places each backend), which this ratio cancels.
        report(times, "rawJdbcOnEnginePool");
    }

    private static void report(Map<String, List<Double>> times, String baseline) {
        List<Double> raw = times.get(baseline);
        double[] base = sorted(raw);
        System.out.printf("%-20s %12s %10s %10s   throughput vs %s%n", "variant", "median ns/q", "p25", "p75",
                baseline);
        for (Map.Entry<String, List<Double>> e : times.entrySet()) {
            double[] t = sorted(e.getValue());
            double[] perRound = new double[t.length];
            for (int i = 0; i < perRound.length; i++) {
                perRound[i] = raw.get(i) / e.getValue().get(i);
            }
            Arrays.sort(perRound);
            System.out.printf("%-20s %12.0f %10.0f %10.0f %10.3fx (rounds %.3fx, IQR %.3f-%.3f)%n", e.getKey(),
                    q(t, 0.5), q(t, 0.25), q(t, 0.75), q(base, 0.5) / q(t, 0.5),
                    q(perRound, 0.5), q(perRound, 0.25), q(perRound, 0.75));
        }
    }

    private static double[] sorted(List<Double> values) {
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        Arrays.sort(a);
        return a;
    }

    private static double q(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
    }
}
