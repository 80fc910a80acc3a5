package org.tabula.bench;

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
 * alike. Reported per variant: the median time per call with its quartiles, the ratio of medians to
 * a baseline (as throughput) and the median of per-round ratios with their IQR. Not JMH: warm-up
 * rounds are discarded, the JIT state is shared.
 */
final class Interleaved {

    /** One variant's call; returns something to count, so the work is not optimised away. */
    @FunctionalInterface
    interface Variant {
        long run() throws Exception;
    }

    private final Map<String, Variant> variants = new LinkedHashMap<>();
    private final Map<String, List<Double>> times = new LinkedHashMap<>();

    Interleaved add(String name, Variant variant) {
        variants.put(name, variant);
        times.put(name, new ArrayList<>());
        return this;
    }

    /** Runs {@code warmup + rounds} rounds of {@code batch} calls of each variant; the warm-up rounds are dropped. */
    Interleaved run(int warmup, int rounds, int batch) throws Exception {
        List<String> order = new ArrayList<>(variants.keySet());
        Random random = new Random(42);
        long sink = 0;
        for (int round = 0; round < warmup + rounds; round++) {
            Collections.shuffle(order, random);
            for (String name : order) {
                Variant variant = variants.get(name);
                long start = System.nanoTime();
                for (int i = 0; i < batch; i++) {
                    sink += variant.run();
                }
                double ns = (System.nanoTime() - start) / (double) batch;
                if (round >= warmup) {
                    times.get(name).add(ns);
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
            double[] perRound = new double[t.length];
            for (int i = 0; i < perRound.length; i++) {
                perRound[i] = base.get(i) / e.getValue().get(i);
            }
            Arrays.sort(perRound);
            System.out.printf("%-26s %12.0f %12.0f %12.0f %10.3fx (rounds %.3fx, IQR %.3f-%.3f)%n", e.getKey(),
                    quantile(t, 0.5), quantile(t, 0.25), quantile(t, 0.75), baseMedian / quantile(t, 0.5),
                    quantile(perRound, 0.5), quantile(perRound, 0.25), quantile(perRound, 0.75));
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

    private static double quantile(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
    }
}
