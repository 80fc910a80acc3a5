package org.tabula.statement;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tabula.expr.BindValue;
import org.tabula.expr.Expression;
import org.tabula.expr.SqlVisitor;
import org.tabula.type.SqlType;
import org.tabula.type.SqlTypes;

/**
 * Hand-written SQL with {@code :named} parameters, sent as JDBC bind parameters.
 *
 * <pre>{@code
 * var q = text("SELECT id, name FROM users WHERE age > :age AND name LIKE :pattern")
 *     .bind("age", 18)
 *     .bind("pattern", "a%")
 *     .columns(USERS.id, USERS.name);        // optional: typed result columns, by position
 * for (Row row : conn.execute(q)) {
 *     Long id = row.get(USERS.id);
 * }
 * }</pre>
 *
 * <p>Colons inside quoted strings, quoted identifiers, comments and PostgreSQL's {@code ::}
 * casts are left alone; write {@code \:} for a literal colon elsewhere. Parameters not bound
 * here can be supplied at execution, e.g. one map per row of an executemany.
 */
public final class TextStatement implements Statement {

    private final String sql;
    private final List<String> fragments;
    private final List<String> parameterNames;
    private final Map<String, BindValue<?>> bound;
    private final List<Expression<?>> columns;

    private TextStatement(String sql, List<String> fragments, List<String> parameterNames,
                          Map<String, BindValue<?>> bound, List<Expression<?>> columns) {
        this.sql = sql;
        this.fragments = fragments;
        this.parameterNames = parameterNames;
        this.bound = bound;
        this.columns = columns;
    }

    /**
     * Parses {@code sql}; prefer {@code Sql.text(...)}.
     *
     * <pre>{@code
     * TextStatement q = TextStatement.of("SELECT name FROM users WHERE id = :id").bind("id", 1L);
     * }</pre>
     *
     * @param sql SQL with {@code :name} parameters: {@code TextStatement.of("SELECT * FROM users WHERE id = :id")}
     * @return the statement
     */
    public static TextStatement of(String sql) {
        Objects.requireNonNull(sql, "sql");
        List<String> fragments = new ArrayList<>();
        List<String> names = new ArrayList<>();
        parse(sql, fragments, names);
        return new TextStatement(sql, List.copyOf(fragments), List.copyOf(names), Map.of(), List.of());
    }

    private static void parse(String sql, List<String> fragments, List<String> names) {
        StringBuilder current = new StringBuilder();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = closing(sql, i, c);
                current.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                current.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                current.append(sql, i, end);
                i = end;
            } else if (c == '\\' && i + 1 < n && sql.charAt(i + 1) == ':') {
                current.append(':');
                i += 2;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                current.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))
                    && (i == 0 || sql.charAt(i - 1) != ':')) {
                int j = i + 1;
                while (j < n && Character.isJavaIdentifierPart(sql.charAt(j))) {
                    j++;
                }
                fragments.add(current.toString());
                current.setLength(0);
                names.add(sql.substring(i + 1, j));
                i = j;
            } else {
                current.append(c);
                i++;
            }
        }
        fragments.add(current.toString());
    }

    /** Index just past the quote that closes the one at {@code start}; doubled quotes stay inside. */
    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /**
     * Binds a parameter; the SQL type is guessed from the value.
     *
     * <pre>{@code
     * Result r = conn.execute(text("SELECT name FROM users WHERE age > :age").bind("age", 18));
     * }</pre>
     *
     * @param name the parameter, without the colon: {@code bind("id", 1L)}
     * @param value its value, bound
     * @return a new statement
     */
    public TextStatement bind(String name, @Nullable Object value) {
        return bind(name, value, SqlTypes.forValue(value));
    }

    /**
     * Binds a parameter with an explicit type.
     *
     * <pre>{@code
     * TextStatement q = text("SELECT id FROM events WHERE at > :at").bind("at", Instant.now(), SqlTypes.INSTANT);
     * }</pre>
     *
     * @param <T> the value's Java type
     * @param name the parameter
     * @param value its value
     * @param type the SQL type to bind it as: {@code bind("at", now, SqlTypes.INSTANT)}
     * @return a new statement
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T extends @Nullable Object> TextStatement bind(String name, T value, SqlType<T> type) {
        if (!parameterNames.contains(name)) {
            throw new IllegalArgumentException("text statement has no parameter :" + name
                    + " (parameters: " + parameterNames() + ")");
        }
        Map<String, BindValue<?>> next = new HashMap<>(bound);
        next.put(name, new BindValue(type.coerce(value), type));
        return new TextStatement(sql, fragments, parameterNames, Collections.unmodifiableMap(next), columns);
    }

    /**
     * Binds several parameters.
     *
     * <pre>{@code
     * TextStatement q = text("SELECT id FROM users WHERE age > :min AND age < :max").bindAll(Map.of("min", 18, "max", 65));
     * }</pre>
     *
     * @param values values by parameter name: {@code bindAll(Map.of("a", 1, "b", 2))}
     * @return a new statement
     */
    public TextStatement bindAll(Map<String, ?> values) {
        TextStatement out = this;
        for (Map.Entry<String, ?> e : values.entrySet()) {
            out = out.bind(e.getKey(), e.getValue());
        }
        return out;
    }

    /**
     * Declares the result columns, by position, so rows can be read by typed column.
     *
     * <pre>{@code
     * List<String> names = conn.execute(text("SELECT name FROM users").columns(USERS.name)).map(row -> row.get(USERS.name));
     * }</pre>
     *
     * @param resultColumns one expression per result column: {@code columns(USERS.id, USERS.name)}
     * @return a new statement
     */
    public TextStatement columns(Expression<?>... resultColumns) {
        return new TextStatement(sql, fragments, parameterNames, bound, Arrays.asList(resultColumns));
    }

    /**
     * The SQL as written.
     *
     * <pre>{@code
     * String sql = text("SELECT * FROM users WHERE id = :id").sql();   // as written
     * }</pre>
     *
     * @return the SQL text
     */
    public String sql() {
        return sql;
    }

    /**
     * The SQL text between parameters: one more than {@link #parameterOccurrences()}.
     *
     * <pre>{@code
     * List<String> parts = text("SELECT * FROM users WHERE id = :id").fragments();   // the SQL around the parameters
     * }</pre>
     *
     * @return the fragments
     */
    public List<String> fragments() {
        return fragments;
    }

    /**
     * Parameter names in order of appearance, repeated where a name appears twice.
     *
     * <pre>{@code
     * List<String> uses = text("SELECT :a, :b, :a").parameterOccurrences();   // [a, b, a]
     * }</pre>
     *
     * @return the names, repeated where they repeat
     */
    public List<String> parameterOccurrences() {
        return parameterNames;
    }

    /**
     * Distinct parameter names.
     *
     * <pre>{@code
     * Set<String> names = text("SELECT :a, :b, :a").parameterNames();   // [a, b]
     * }</pre>
     *
     * @return the names: {@code text("... :a ... :a").parameterNames()} is {@code [a]}
     */
    public Set<String> parameterNames() {
        return new LinkedHashSet<>(parameterNames);
    }

    /**
     * The value bound to {@code name}, or {@code null} if it is to be supplied at execution.
     *
     * <pre>{@code
     * BindValue<?> id = text("SELECT * FROM users WHERE id = :id").bind("id", 1L).boundValue("id");
     * }</pre>
     *
     * @param name the parameter
     * @return the bound value
     */
    public @Nullable BindValue<?> boundValue(String name) {
        return bound.get(name);
    }

    /**
     * The declared result columns.
     *
     * <pre>{@code
     * List<Expression<?>> typed = text("SELECT id, name FROM users").columns(USERS.id, USERS.name).columns();
     * }</pre>
     *
     * @return the columns, empty when none were declared
     */
    public List<Expression<?>> columns() {
        return columns;
    }

    /**
     * A guess from the first keyword; the engine asks the driver rather than trusting it.
     *
     * <pre>{@code
     * boolean rows = text("DELETE FROM sessions").returnsRows();   // false, guessed from DELETE
     * }</pre>
     */
    @Override
    public boolean returnsRows() {
        String head = sql.stripLeading().toUpperCase(java.util.Locale.ROOT);
        return head.startsWith("SELECT") || head.startsWith("WITH") || head.startsWith("VALUES")
                || head.startsWith("SHOW") || head.startsWith("PRAGMA") || head.startsWith("EXPLAIN")
                || head.contains("RETURNING");
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitText(this);
    }

    @Override
    public String toString() {
        return "text(" + sql + ")";
    }
}
