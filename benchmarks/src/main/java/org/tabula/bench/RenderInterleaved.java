package org.tabula.bench;

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

    public static void main(String[] args) throws Exception {
        Dialect dialect = args.length > 0 && args[0].equals("mariadb") ? Dialect.MARIADB : Dialect.SQLITE;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        RenderBenchmark.check(dialect, 18, "a", 100);
        char quote = dialect.quote("x").charAt(0);
        Select prebuilt = RenderBenchmark.build(18, "a", 100);
        Blackhole bh = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        // A call is a batch of operations in a loop of its own, inputs varying as in the JMH benchmark.
        String base = "stringBuilderSqlAndValues";
        Interleaved runs = new Interleaved()
                .add(base, () -> {
                    for (int i = 0; i < BATCH; i++) {
                        bh.consume(RenderBenchmark.handWritten(quote, 18 + (i & 31), (i & 1) == 0 ? "a" : "b", i & 1023));
                    }
                    return BATCH;
                })
                .add("buildAndRender", base, Interleaved.NOTHING, () -> {
                    for (int i = 0; i < BATCH; i++) {
                        bh.consume(dialect.render(RenderBenchmark.build(18 + (i & 31), (i & 1) == 0 ? "a" : "b", i & 1023)));
                    }
                    return BATCH;
                }, Interleaved.NOTHING)
                .add("buildOnly", base, Interleaved.NOTHING, () -> {
                    for (int i = 0; i < BATCH; i++) {
                        bh.consume(RenderBenchmark.build(18 + (i & 31), (i & 1) == 0 ? "a" : "b", i & 1023));
                    }
                    return BATCH;
                }, Interleaved.NOTHING)
                .add("renderOnly", base, Interleaved.NOTHING, () -> {
                    for (int i = 0; i < BATCH; i++) {
                        bh.consume(dialect.render(prebuilt));
                    }
                    return BATCH;
                }, Interleaved.NOTHING)
                .add("kotlinBuildAndRender", base, Interleaved.NOTHING, () -> {
                    for (int i = 0; i < BATCH; i++) {
                        bh.consume(dialect.render(KotlinSelects.build(18 + (i & 31), (i & 1) == 0 ? "a" : "b", i & 1023)));
                    }
                    return BATCH;
                }, Interleaved.NOTHING);
        int warmup = Math.max(20, rounds / 5);
        runs.run(warmup, rounds, 1);
        System.out.printf("%s, %d rounds of %d ops after %d warm-up rounds; renderCache=%s%n", dialect.name(), rounds,
                BATCH, warmup, System.getProperty("tabula.renderCache", "true"));
        runs.reportTimes(BATCH, "ns/op");
    }
}
