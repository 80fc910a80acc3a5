package org.tabula.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tabula.dialect.Dialect;
import org.tabula.dialect.RenderedSql;

/**
 * The select of {@link RenderBenchmark} built through the Kotlin DSL ({@link KotlinSelects#build})
 * and through the Java builder ({@link RenderBenchmark#build}), then rendered, in the same run and
 * with the same values. Target: Kotlin at most 1.10x Java.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KotlinRenderBenchmark {

    @Param({"sqlite", "mariadb"})
    public String database;

    private Dialect dialect;
    private int counter;

    @Setup
    public void setUp() {
        dialect = database.equals("sqlite") ? Dialect.SQLITE : Dialect.MARIADB;
        RenderedSql java = dialect.render(RenderBenchmark.build(18, "a", 100));
        RenderedSql kotlin = dialect.render(KotlinSelects.build(18, "a", 100));
        if (!java.sql().equals(kotlin.sql())) {
            throw new IllegalStateException("Kotlin and Java selects differ:\n" + kotlin.sql() + "\n" + java.sql());
        }
    }

    @Benchmark
    public RenderedSql kotlinBuildAndRender() {
        int i = ++counter;
        return dialect.render(KotlinSelects.build(18 + (i & 31), (i & 1) == 0 ? "a" : "b", i & 1023));
    }

    @Benchmark
    public RenderedSql javaBuildAndRender() {
        int i = ++counter;
        return dialect.render(RenderBenchmark.build(18 + (i & 31), (i & 1) == 0 ? "a" : "b", i & 1023));
    }
}
