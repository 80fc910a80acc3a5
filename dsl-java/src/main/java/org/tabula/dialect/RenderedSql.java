package org.tabula.dialect;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import org.tabula.expr.Expression;
import org.tabula.schema.Table;

/**
 * A statement compiled for one dialect: SQL text with {@code ?} placeholders and the ordered
 * bindings that fill them, plus what executing it needs to know without reading the AST again
 * (as SQLAlchemy's compiled statement): its {@link #kind()}, the {@link #table()} it writes to
 * (for error messages; the bindings carry the columns for NOT NULL and length checks), the
 * expressions of its result {@link #columns()} (whose types read the values), whether it
 * {@link #returnsRows()}, whether it {@link #locksRows()} and whether it is a {@link #pureRead()}.
 *
 * <pre>{@code
 * RenderedSql r = select(USERS.id).from(USERS).where(USERS.name.eq("ann")).toSql(Dialect.SQLITE);
 * r.sql();      // SELECT "users"."id" FROM "users" WHERE "users"."name" = ?
 * r.values();   // [ann]
 * r.columns();  // [USERS.id]
 * }</pre>
 *
 * @param sql         the SQL text
 * @param bindings    one per {@code ?}, in order
 * @param kind        what the outermost statement is
 * @param table       the table an INSERT, UPDATE or DELETE writes to, else {@code null}
 * @param columns     the selected or RETURNING expressions, in order (empty for counts and text)
 * @param returnsRows whether executing it produces rows (for text, a guess from its first keyword)
 * @param locksRows   whether it is a {@code SELECT ... FOR UPDATE} (a write lock)
 * @param pureRead    whether running it cannot change anything: a query without row locks, raw SQL
 *                    or calls of functions that are not known to be pure (what may run in
 *                    auto-commit mode without committing a write)
 * @param notNullHolds whether a result column that is a table's column declared NOT NULL never
 *                    reads NULL: a single select whose tables are joined by inner joins alone (an
 *                    outer join or a set operation can put NULL in any column), so such values are
 *                    read without asking the driver whether they were NULL
 */
public record RenderedSql(String sql, List<Binding> bindings, StatementKind kind, @Nullable Table table,
                          List<Expression<?>> columns, boolean returnsRows, boolean locksRows, boolean pureRead,
                          boolean notNullHolds) {

    /**
     * Copies the bindings; {@code null} columns become an empty list.
     *
     * @param sql         the SQL text
     * @param bindings    one per {@code ?}, in order
     * @param kind        what the outermost statement is
     * @param table       the table an INSERT, UPDATE or DELETE writes to, else {@code null}
     * @param columns     the selected or RETURNING expressions, in order, or {@code null} for none
     * @param returnsRows whether executing it produces rows
     * @param locksRows   whether it is a {@code SELECT ... FOR UPDATE}
     * @param pureRead    whether running it cannot change anything
     * @param notNullHolds whether result columns declared NOT NULL never read NULL
     */
    public RenderedSql {
        bindings = List.copyOf(bindings);
        // The statement's own list, not a copy: AST lists are immutable, and this runs per render.
        columns = columns == null ? List.of() : columns;
    }

    /**
     * SQL and bindings of something that is not a statement the engine reads rows or counts from.
     *
     * <pre>{@code
     * RenderedSql sql = new RenderedSql("SELECT 1", List.of());
     * }</pre>
     *
     * @param sql the SQL text
     * @param bindings one per {@code ?}, in order
     */
    public RenderedSql(String sql, List<Binding> bindings) {
        this(sql, bindings, StatementKind.OTHER, null, List.of(), false, false, false, false);
    }

    /**
     * A rendered statement whose columns' NOT NULL declarations say nothing of its rows (see
     * {@link #notNullHolds()}).
     *
     * <pre>{@code
     * List<Expression<?>> columns = List.of(USERS.id);
     * RenderedSql r = new RenderedSql("SELECT id FROM users", List.of(), StatementKind.QUERY, null, columns, true, false,
     *         true);
     * }</pre>
     *
     * @param sql         the SQL text
     * @param bindings    one per {@code ?}, in order
     * @param kind        what the outermost statement is
     * @param table       the table an INSERT, UPDATE or DELETE writes to, else {@code null}
     * @param columns     the selected or RETURNING expressions, in order, or {@code null} for none
     * @param returnsRows whether executing it produces rows
     * @param locksRows   whether it is a {@code SELECT ... FOR UPDATE}
     * @param pureRead    whether running it cannot change anything
     */
    public RenderedSql(String sql, List<Binding> bindings, StatementKind kind, @Nullable Table table,
                       @Nullable List<Expression<?>> columns, boolean returnsRows, boolean locksRows, boolean pureRead) {
        this(sql, bindings, kind, table, columns, returnsRows, locksRows, pureRead, false);
    }

    /**
     * A rendered statement of which nothing says it is a {@link #pureRead()}: it is taken to
     * possibly write.
     *
     * <pre>{@code
     * List<Expression<?>> columns = List.of(USERS.id);
     * RenderedSql r = new RenderedSql("SELECT id FROM users", List.of(), StatementKind.QUERY, null, columns, true, false);
     * }</pre>
     *
     * @param sql         the SQL text
     * @param bindings    one per {@code ?}, in order
     * @param kind        what the outermost statement is
     * @param table       the table an INSERT, UPDATE or DELETE writes to, else {@code null}
     * @param columns     the selected or RETURNING expressions, in order, or {@code null} for none
     * @param returnsRows whether executing it produces rows
     * @param locksRows   whether it is a {@code SELECT ... FOR UPDATE}
     */
    public RenderedSql(String sql, List<Binding> bindings, StatementKind kind, @Nullable Table table,
                       @Nullable List<Expression<?>> columns, boolean returnsRows, boolean locksRows) {
        this(sql, bindings, kind, table, columns, returnsRows, locksRows, false);
    }

    /**
     * The values of the bindings, {@code null} for named ones, for debugging and tests.
     *
     * <pre>{@code
     * List<Object> values = select(USERS.id).where(USERS.name.eq("ann")).toSql(Dialect.SQLITE).values();   // [ann]
     * }</pre>
     *
     * @return one value per binding
     */
    public List<Object> values() {
        List<Object> out = new ArrayList<>(bindings.size());
        for (Binding b : bindings) {
            out.add(b.isNamed() ? ":" + b.name() : b.value());
        }
        return out;
    }

    /**
     * Whether some bindings are named and need values at execution.
     *
     * <pre>{@code
     * boolean perRow = conn.render(select(USERS.id).where(USERS.name.eq(bindParam("n", SqlTypes.TEXT)))).hasNamedBindings();   // true
     * }</pre>
     *
     * @return {@code true} when named parameters must be supplied
     */
    public boolean hasNamedBindings() {
        for (Binding b : bindings) {
            if (b.isNamed()) {
                return true;
            }
        }
        return false;
    }

    /**
     * How error messages name this statement ({@code "insert into users"}), or {@code null}
     * where it writes to no table.
     *
     * <pre>{@code
     * String context = select(USERS.id).toSql(Dialect.SQLITE).context();
     * }</pre>
     *
     * @return the description, or {@code null}
     */
    public @Nullable String context() {
        return switch (kind) {
            case INSERT -> "insert into " + table.name();
            case UPDATE -> "update " + table.name();
            case DELETE -> "delete from " + table.name();
            default -> null;
        };
    }

    @Override
    public String toString() {
        return sql + " " + values();
    }
}
