package org.tabula.bench;

import static org.tabula.Sql.select;
import static org.tabula.bench.Customers.CUSTOMERS;
import static org.tabula.bench.Orders.ORDERS;

import java.util.Arrays;
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
    private char quote;
    private int counter;

    @Setup
    public void setUp() {
        dialect = database.equals("sqlite") ? Dialect.SQLITE : Dialect.MARIADB;
        prebuilt = build(18, "a", 100);
        quote = dialect.quote("x").charAt(0);
        check(dialect, 18, "a", 100);
        check(dialect, 49, "b_%/", 1023);
    }

    /** The comparison is only fair if both sides produce the same SQL and the same values. */
    static void check(Dialect dialect, int minAge, String prefix, int minTotal) {
        RenderedSql tabula = dialect.render(build(minAge, prefix, minTotal));
        SqlAndValues hand = handWritten(dialect.quote("x").charAt(0), minAge, prefix, minTotal);
        if (!tabula.sql().equals(hand.sql()) || !tabula.values().equals(Arrays.asList(hand.values()))) {
            throw new IllegalStateException("Tabula and the hand-written builder differ:\n" + tabula + "\n"
                    + hand.sql() + " " + Arrays.asList(hand.values()));
        }
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

    /**
     * The ratio base: the same SQL and values made by a hand-written query builder, a
     * {@code StringBuilder} with quoted identifiers and {@code ?} placeholders, the values in an
     * array (the LIKE prefix escaped as Tabula escapes it), every call.
     */
    @Benchmark
    public SqlAndValues stringBuilderSqlAndValues() {
        int i = ++counter;
        return handWritten(quote, 18 + (i & 31), (i & 1) == 0 ? "a" : "b", i & 1023);
    }

    /** SQL text and its values, as a hand-written query builder returns them. */
    public record SqlAndValues(String sql, Object[] values) {
    }

    static SqlAndValues handWritten(char q, int minAge, String prefix, int minTotal) {
        StringBuilder sql = new StringBuilder(512);
        Object[] values = new Object[4];
        sql.append("SELECT ");
        column(sql, q, "bench_customers", "id").append(", ");
        column(sql, q, "bench_customers", "name").append(", ");
        column(sql, q, "bench_orders", "title").append(", ");
        column(sql, q, "bench_orders", "total");
        sql.append(" FROM ");
        quoted(sql, q, "bench_customers").append(" JOIN ");
        quoted(sql, q, "bench_orders").append(" ON ");
        column(sql, q, "bench_orders", "customer_id").append(" = ");
        column(sql, q, "bench_customers", "id");
        sql.append(" WHERE ");
        column(sql, q, "bench_customers", "age").append(" > ?");
        values[0] = minAge;
        sql.append(" AND ");
        column(sql, q, "bench_customers", "name").append(" LIKE ? ESCAPE '/'");
        values[1] = escapeLike(prefix) + "%";
        sql.append(" AND ");
        column(sql, q, "bench_orders", "total").append(" >= ?");
        values[2] = minTotal;
        sql.append(" ORDER BY ");
        column(sql, q, "bench_customers", "name");
        sql.append(" LIMIT ?");
        values[3] = 20L;
        return new SqlAndValues(sql.toString(), values);
    }

    private static StringBuilder quoted(StringBuilder sql, char q, String name) {
        return sql.append(q).append(name).append(q);
    }

    private static StringBuilder column(StringBuilder sql, char q, String table, String name) {
        return quoted(quoted(sql, q, table).append('.'), q, name);
    }

    private static String escapeLike(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == '/') {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.append('/');
            }
            if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** A floor, not a ratio base: a constant SQL string and an array of this call's values. */
    @Benchmark
    public void rawJdbcSqlAndValues(Blackhole bh) {
        int i = ++counter;
        bh.consume("SELECT c.id, c.name, o.title, o.total FROM bench_customers c JOIN bench_orders o"
                + " ON o.customer_id = c.id WHERE c.age > ? AND c.name LIKE ? ESCAPE '\\' AND o.total >= ?"
                + " ORDER BY c.name LIMIT ?");
        bh.consume(new Object[] {18 + (i & 31), ((i & 1) == 0 ? "a" : "b") + "%", i & 1023, 20L});
    }
}
