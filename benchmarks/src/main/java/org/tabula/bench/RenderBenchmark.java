package org.tabula.bench;

import static org.tabula.Sql.select;
import static org.tabula.bench.Customers.CUSTOMERS;
import static org.tabula.bench.Orders.ORDERS;

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
import org.openjdk.jmh.infra.Blackhole;
import org.tabula.dialect.Dialect;
import org.tabula.dialect.RenderedSql;
import org.tabula.statement.Select;

/**
 * Builds and renders a select with a join (ON inferred from the foreign key), three predicates,
 * ORDER BY and LIMIT, with values that change on every call. Target: under 1 µs per statement;
 * run with {@code -prof gc} for the allocation per statement.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RenderBenchmark {

    @Param({"sqlite", "mariadb"})
    public String database;

    private Dialect dialect;
    private Select prebuilt;
    private int counter;

    @Setup
    public void setUp() {
        dialect = database.equals("sqlite") ? Dialect.SQLITE : Dialect.MARIADB;
        prebuilt = build(18, "a", 100);
    }

    static Select build(int minAge, String prefix, int minTotal) {
        return select(CUSTOMERS.id, CUSTOMERS.name, ORDERS.title, ORDERS.total)
                .from(CUSTOMERS)
                .join(ORDERS)
                .where(CUSTOMERS.age.gt(minAge))
                .where(CUSTOMERS.name.startsWith(prefix))
                .where(ORDERS.total.ge(minTotal))
                .orderBy(CUSTOMERS.name.asc())
                .limit(20);
    }

    /** What a request handler does: build the statement with this request's values, then render it. */
    @Benchmark
    public RenderedSql buildAndRender() {
        int i = ++counter;
        return dialect.render(build(18 + (i & 31), (i & 1) == 0 ? "a" : "b", i & 1023));
    }

    /** Building alone (the immutable AST). */
    @Benchmark
    public Select buildOnly() {
        int i = ++counter;
        return build(18 + (i & 31), (i & 1) == 0 ? "a" : "b", i & 1023);
    }

    /** Rendering alone, of a statement built once. */
    @Benchmark
    public RenderedSql renderOnly() {
        return dialect.render(prebuilt);
    }

    /** The hand-written JDBC baseline: a constant SQL string and an array of this call's values. */
    @Benchmark
    public void rawJdbcSqlAndValues(Blackhole bh) {
        int i = ++counter;
        bh.consume("SELECT c.id, c.name, o.title, o.total FROM bench_customers c JOIN bench_orders o"
                + " ON o.customer_id = c.id WHERE c.age > ? AND c.name LIKE ? ESCAPE '\\' AND o.total >= ?"
                + " ORDER BY c.name LIMIT ?");
        bh.consume(new Object[] {18 + (i & 31), ((i & 1) == 0 ? "a" : "b") + "%", i & 1023, 20L});
    }
}
