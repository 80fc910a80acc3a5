package org.tabula.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Times variants in interleaved rounds, for a machine whose load moves during a run: each round
 * times a batch of calls of every variant in a shuffled order, so a burst of load hits all of them
 * alike. Each batch's elapsed time and the calling thread's CPU time (which other processes' load
 * disturbs less; in-process SQLite runs on that thread, a server's own work does not) are kept.
 * Reported per variant: the median time per call with its quartiles, and against a baseline the
 * ratio of medians and the median of per-round ratios with their IQR, as throughput
 * ({@link #report}) or as time and CPU time ({@link #reportTimes}). Not JMH: warm-up rounds are
 * discarded, the JIT state is shared.
 */
final class Interleaved {

    /** One variant's call; returns something to count, so the work is not optimised away. */
    @FunctionalInterface
    interface Variant {
        long run() throws Exception;
    }

    /** Work before or after a variant's batch (fresh objects, an empty table, a check), not timed. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    /** {@code -Dbench.gcBefore=true}: a full collection before each batch, outside the timing. */
    private static final boolean GC_BEFORE = Boolean.getBoolean("bench.gcBefore");

    /** No work before or after. */
    static final Step NOTHING = () -> { };

    private record Entry(Variant call, Step before, Step after, String base) {
    }

    private final Map<String, Entry> variants = new LinkedHashMap<>();
    private final Map<String, List<Double>> times = new LinkedHashMap<>();
    private final Map<String, List<Double>> cpuTimes = new LinkedHashMap<>();

    Interleaved add(String name, Variant variant) {
        return add(name, null, NOTHING, variant, NOTHING);
    }

    /**
     * A variant whose {@link #reportTimes} ratio is taken against {@code base} (null: itself),
     * with untimed work before and after each of its batches.
     */
    Interleaved add(String name, String base, Step before, Variant call, Step after) {
        variants.put(name, new Entry(call, before, after, base == null ? name : base));
        times.put(name, new ArrayList<>());
        cpuTimes.put(name, new ArrayList<>());
        return this;
    }

    /** Runs {@code warmup + rounds} rounds of {@code batch} calls of each variant; the warm-up rounds are dropped. */
    Interleaved run(int warmup, int rounds, int batch) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<String> order = new ArrayList<>(variants.keySet());
        Random random = new Random(42);
        long sink = 0;
        for (int round = 0; round < warmup + rounds; round++) {
            Collections.shuffle(order, random);
            for (String name : order) {
                Entry variant = variants.get(name);
                variant.before().run();
                if (GC_BEFORE) {
                    System.gc();      // each batch starts on an empty young generation: no collection it did not cause
                }
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                for (int i = 0; i < batch; i++) {
                    sink += variant.call().run();
                }
                double ns = (System.nanoTime() - start) / (double) batch;
                double cpuNs = (threads.getCurrentThreadCpuTime() - cpuStart) / (double) batch;
                variant.after().run();
                if (round >= warmup) {
                    times.get(name).add(ns);
                    cpuTimes.get(name).add(cpuNs);
                }
            }
        }
        if (sink == 0) {
            throw new IllegalStateException("no rows read");
        }
        return this;
    }

    /** Prints every variant against {@code baseline}: throughput ratios, above 1 is faster. */
    void report(String baseline) {
        List<Double> base = times.get(baseline);
        double baseMedian = quantile(sorted(base), 0.5);
        System.out.printf("%-26s %12s %12s %12s   throughput vs %s%n", "variant", "median ns", "p25", "p75", baseline);
        for (Map.Entry<String, List<Double>> e : times.entrySet()) {
            double[] t = sorted(e.getValue());
            double[] perRound = ratios(base, e.getValue());
            System.out.printf("%-26s %12.0f %12.0f %12.0f %10.3fx (rounds %.3fx, IQR %.3f-%.3f)%n", e.getKey(),
                    quantile(t, 0.5), quantile(t, 0.25), quantile(t, 0.75), baseMedian / quantile(t, 0.5),
                    quantile(perRound, 0.5), quantile(perRound, 0.25), quantile(perRound, 0.75));
        }
    }

    /**
     * Prints every variant against its own base ({@link #add(String, String, Step, Variant, Step)}):
     * the median of per-round time ratios, above 1 is slower, of elapsed and of CPU time; times in
     * {@code unit} ({@code 1e6}: milliseconds; a call's operation count: nanoseconds per operation).
     */
    void reportTimes(double unit, String unitName) {
        System.out.printf("%-30s %10s %26s %10s %26s%n", "variant", "median " + unitName, "per-round time ratio",
                "cpu " + unitName, "cpu ratio");
        for (Map.Entry<String, Entry> e : variants.entrySet()) {
            String name = e.getKey();
            String base = e.getValue().base();
            double[] ratios = ratios(times.get(name), times.get(base));
            double[] cpuRatios = ratios(cpuTimes.get(name), cpuTimes.get(base));
            System.out.printf("%-30s %10.2f %7.3fx (IQR %.3f-%.3f) %10.2f %7.3fx (IQR %.3f-%.3f)%n", name,
                    quantile(sorted(times.get(name)), 0.5) / unit, quantile(ratios, 0.5), quantile(ratios, 0.25),
                    quantile(ratios, 0.75), quantile(sorted(cpuTimes.get(name)), 0.5) / unit, quantile(cpuRatios, 0.5),
                    quantile(cpuRatios, 0.25), quantile(cpuRatios, 0.75));
        }
    }

    /** {@code numerators[i] / denominators[i]} for each round, sorted. */
    private static double[] ratios(List<Double> numerators, List<Double> denominators) {
        double[] perRound = new double[numerators.size()];
        for (int i = 0; i < perRound.length; i++) {
            perRound[i] = numerators.get(i) / denominators.get(i);
        }
        Arrays.sort(perRound);
        return perRound;
    }

    private static double[] sorted(List<Double> values) {
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        Arrays.sort(a);
        return a;
    }

    private static double quantile(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
    }
}
