package org.tabula.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@link CoroutinePoolBenchmark}'s variants measured interleaved, for a machine whose load moves
 * during a run: each round times one operation (1,000 selects) of every variant in a shuffled
 * order, so a burst of load from other processes hits all variants alike; the ratio of medians
 * and the median of per-round ratios are reported. Not JMH: warm-up rounds are discarded, the JIT
 * state is shared.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar org.tabula.bench.CoroutinePoolInterleaved sqlite 300
 * java -cp benchmarks/target/benchmarks.jar org.tabula.bench.CoroutinePoolInterleaved sqlite 300 staged
 * java -cp benchmarks/target/benchmarks.jar org.tabula.bench.CoroutinePoolInterleaved sqlite 300 'coroutines|staged.*'
 * }</pre>
 */
public final class CoroutinePoolInterleaved {

    private CoroutinePoolInterleaved() {
    }

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "sqlite";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        // which variants besides threadPool: "staged" adds the bare hand-off with connect's features
        // added one at a time; any other value is a regular expression of variant names
        String only = args.length < 3 ? "coroutines|coroutinesWithContext|coroutinesOnDefault|bareSuspendCeiling"
                : args[2].equals("staged") ? ".*" : args[2];
        CoroutinePoolBenchmark b = new CoroutinePoolBenchmark();
        b.database = database;
        b.setUp();
        Map<String, Callable<Long>> variants = new LinkedHashMap<>();
        variants.put("threadPool", b::threadPool);
        variants.put("coroutines", b::coroutines);
        variants.put("coroutinesWithContext", b::coroutinesWithContext);
        variants.put("coroutinesOnDefault", b::coroutinesOnDefault);
        variants.put("bareSuspendCeiling", b::bareSuspendCeiling);
        variants.put("stagedHop", b::stagedHop);
        variants.put("stagedPermit", b::stagedPermit);
        variants.put("stagedCanceller", b::stagedCanceller);
        variants.put("stagedMutex", b::stagedMutex);
        variants.put("stagedMutexEngineThreads", b::stagedMutexEngineThreads);
        variants.keySet().removeIf(v -> !v.equals("threadPool") && !v.matches(only));
        Map<String, List<Double>> times = new LinkedHashMap<>();
        variants.keySet().forEach(k -> times.put(k, new ArrayList<>()));
        List<String> order = new ArrayList<>(variants.keySet());
        Random random = new Random(42);
        int warmup = Math.max(20, rounds / 5);
        try {
            for (int round = 0; round < warmup + rounds; round++) {
                Collections.shuffle(order, random);
                for (String v : order) {
                    long start = System.nanoTime();
                    variants.get(v).call();
                    double ms = (System.nanoTime() - start) / 1e6;
                    if (round >= warmup) {
                        times.get(v).add(ms);
                    }
                }
            }
        } finally {
            b.tearDown();
        }
        double[] base = sorted(times.get("threadPool"));
        System.out.printf("%s, Java %s, %d rounds after %d warm-up rounds%n", database, Runtime.version(), rounds, warmup);
        System.out.printf("%-26s %10s %10s %10s %22s%n", "variant", "median ms", "p25 ms", "p75 ms", "throughput vs threads");
        for (Map.Entry<String, List<Double>> e : times.entrySet()) {
            double[] t = sorted(e.getValue());
            double[] perRound = new double[t.length];
            for (int i = 0; i < perRound.length; i++) {
                perRound[i] = times.get("threadPool").get(i) / e.getValue().get(i);
            }
            Arrays.sort(perRound);
            System.out.printf("%-26s %10.2f %10.2f %10.2f %10.2fx (rounds %.2fx, IQR %.2f-%.2f)%n", e.getKey(),
                    q(t, 0.5), q(t, 0.25), q(t, 0.75), q(base, 0.5) / q(t, 0.5),
                    q(perRound, 0.5), q(perRound, 0.25), q(perRound, 0.75));
        }
    }

    private static double[] sorted(List<Double> values) {
        double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a;
    }

    private static double q(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
    }
}
