package org.tabula.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.openjdk.jmh.infra.Blackhole;
import org.tabula.dialect.Dialect;
import org.tabula.statement.Select;

/**
 * {@link RenderBenchmark}'s variants (and {@link KotlinRenderBenchmark}'s Kotlin DSL select) timed in interleaved rounds, for a loaded machine: each
 * round times a batch of every variant in a shuffled order, so a burst of load hits all of them
 * alike, and the ratio to the hand-written {@code StringBuilder} is taken per round. Not JMH;
 * JMH's sequential runs on a shared machine decide nothing (see the README).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.tabula.bench.RenderInterleaved sqlite 200
 * </pre>
 */
public final class RenderInterleaved {

    private static final int BATCH = 20_000;

    private RenderInterleaved() {
    }

    public static void main(String[] args) {
        Dialect dialect = args.length > 0 && args[0].equals("mariadb") ? Dialect.MARIADB : Dialect.SQLITE;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        RenderBenchmark.check(dialect, 18, "a", 100);
        char quote = dialect.quote("x").charAt(0);
        Select prebuilt = RenderBenchmark.build(18, "a", 100);
        Blackhole bh = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        String[] names = {"stringBuilderSqlAndValues", "buildAndRender", "buildOnly", "renderOnly",
            "kotlinBuildAndRender"};
        Runnable[] variants = {
            () -> {
                for (int i = 0; i < BATCH; i++) {
                    bh.consume(RenderBenchmark.handWritten(quote, 18 + (i & 31), (i & 1) == 0 ? "a" : "b", i & 1023));
                }
            },
            () -> {
                for (int i = 0; i < BATCH; i++) {
                    bh.consume(dialect.render(RenderBenchmark.build(18 + (i & 31), (i & 1) == 0 ? "a" : "b", i & 1023)));
                }
            },
            () -> {
                for (int i = 0; i < BATCH; i++) {
                    bh.consume(RenderBenchmark.build(18 + (i & 31), (i & 1) == 0 ? "a" : "b", i & 1023));
                }
            },
            () -> {
                for (int i = 0; i < BATCH; i++) {
                    bh.consume(dialect.render(prebuilt));
                }
            },
            () -> {
                for (int i = 0; i < BATCH; i++) {
                    bh.consume(dialect.render(KotlinSelects.build(18 + (i & 31), (i & 1) == 0 ? "a" : "b", i & 1023)));
                }
            },
        };
        int warmup = Math.max(20, rounds / 5);
        double[][] nsPerOp = new double[variants.length][rounds];
        List<Integer> order = new ArrayList<>();
        for (int v = 0; v < variants.length; v++) {
            order.add(v);
        }
        Random random = new Random(42);
        for (int r = -warmup; r < rounds; r++) {
            Collections.shuffle(order, random);
            for (int v : order) {
                long start = System.nanoTime();
                variants[v].run();
                long took = System.nanoTime() - start;
                if (r >= 0) {
                    nsPerOp[v][r] = (double) took / BATCH;
                }
            }
        }
        System.out.printf("%s, %d rounds of %d ops after %d warm-up rounds; renderCache=%s%n", dialect.name(), rounds,
                BATCH, warmup, System.getProperty("tabula.renderCache", "true"));
        System.out.printf("%-28s %10s %10s %10s %12s %16s%n", "variant", "median ns", "q1", "q3", "ratio med",
                "per-round ratio");
        double base = median(nsPerOp[0]);
        for (int v = 0; v < variants.length; v++) {
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratios[r] = nsPerOp[v][r] / nsPerOp[0][r];
            }
            double[] sorted = nsPerOp[v].clone();
            Arrays.sort(sorted);
            System.out.printf("%-28s %10.1f %10.1f %10.1f %11.2fx %9.2fx (IQR %.2f-%.2f)%n", names[v], median(nsPerOp[v]),
                    sorted[rounds / 4], sorted[3 * rounds / 4], median(nsPerOp[v]) / base, median(ratios),
                    quantile(ratios, 0.25), quantile(ratios, 0.75));
        }
    }

    private static double median(double[] values) {
        return quantile(values, 0.5);
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
    }
}
