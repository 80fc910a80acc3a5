package org.tabula.bench;

import java.util.LinkedHashMap;
import java.util.Map;

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
        String only = args.length < 3
                ? "coroutines|coroutinesWithContext|coroutinesOnDefault|coroutinesOnEngineThreads|bareSuspendCeiling"
                : args[2].equals("staged") ? ".*" : args[2];
        CoroutinePoolBenchmark b = new CoroutinePoolBenchmark();
        b.database = database;
        b.setUp();
        Map<String, Interleaved.Variant> variants = new LinkedHashMap<>();
        variants.put("threadPool", b::threadPool);
        variants.put("coroutines", b::coroutines);
        variants.put("coroutinesWithContext", b::coroutinesWithContext);
        variants.put("coroutinesVirtualThreads", b::coroutinesVirtualThreads);
        variants.put("coroutinesOnDefault", b::coroutinesOnDefault);
        variants.put("coroutinesOnEngineThreads", b::coroutinesOnEngineThreads);
        variants.put("bareSuspendCeiling", b::bareSuspendCeiling);
        variants.put("stagedHop", b::stagedHop);
        variants.put("stagedPermit", b::stagedPermit);
        variants.put("stagedCanceller", b::stagedCanceller);
        variants.put("stagedMutex", b::stagedMutex);
        variants.put("stagedMutexEngineThreads", b::stagedMutexEngineThreads);
        Interleaved runs = new Interleaved();
        variants.forEach((name, variant) -> {
            if (name.equals("threadPool") || name.matches(only)) {
                runs.add(name, variant);
            }
        });
        int warmup = Math.max(20, rounds / 5);
        try {
            runs.run(warmup, rounds, 1);
        } finally {
            b.tearDown();
        }
        System.out.printf("%s, Java %s, %d rounds of 1,000 selects after %d warm-up rounds%n", database,
                Runtime.version(), rounds, warmup);
        runs.report("threadPool");
    }
}
