package org.tabula.result;

import org.jspecify.annotations.Nullable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tabula.expr.Aliased;
import org.tabula.expr.Expression;
import org.tabula.schema.Column;
import org.tabula.type.SqlType;

/**
 * The columns of a result: labels, types, and the expressions they were selected as, so a
 * {@link Row} can be read by position, by label or by the typed expression itself. Shared by
 * all rows of one result.
 */
public final class ResultColumns {

    private final String[] labels;
    private final SqlType<?>[] types;
    private final Expression<?>[] expressions;
    // Built on the first lookup by name: most results are read by position (fetch into records,
    // entities), and a map per query costs more than its rows.
    private volatile @Nullable Map<String, Integer> byLabel;

    /**
     *
     * <pre>{@code
     * ResultColumns columns = new ResultColumns(new String[] {"id", "name"},
     *         new SqlType<?>[] {SqlTypes.BIGINT, SqlTypes.TEXT}, new Expression<?>[] {USERS.id, USERS.name});
     * }</pre>
     *
     * @param labels      column labels as the driver reports them
     * @param types       how to read each column
     * @param expressions the selected expressions, or {@code null} entries where unknown
     */
    public ResultColumns(String[] labels, SqlType<?>[] types, Expression<?>[] expressions) {
        this.labels = labels;
        this.types = types;
        this.expressions = expressions;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == null) {
                // Connector/J reports no label for a name of control characters alone (MariaDB drops them)
                labels[i] = "";
            }
        }
    }

    /** The index of each label, exact and lower-cased (the first column of a label wins); racing threads build equal maps. */
    private Map<String, Integer> byLabel() {
        Map<String, Integer> map = byLabel;
        if (map == null) {
            map = new HashMap<>(labels.length * 2);
            for (int i = labels.length - 1; i >= 0; i--) {
                map.put(labels[i], i);
                map.putIfAbsent(labels[i].toLowerCase(java.util.Locale.ROOT), i);
            }
            byLabel = map;
        }
        return map;
    }

    /**
     * The number of columns: {@code result.columns().size()}.
     *
     * <pre>{@code
     * int n = result.columns().size();
     * }</pre>
     *
     * @return how many columns a row has
     */
    public int size() {
        return labels.length;
    }

    /**
     * The label of a column: {@code columns.label(0)} is {@code "name"} for {@code select(USERS.name)}.
     *
     * <pre>{@code
     * String first = result.columns().label(0);
     * }</pre>
     *
     * @param index the position, from 0
     * @return the label (an alias, or the column's name)
     */
    public String label(int index) {
        return labels[index];
    }

    /**
     * Every label, in column order: {@code result.columns().labels()}.
     *
     * <pre>{@code
     * List<String> labels = result.columns().labels();   // [id, name]
     * }</pre>
     *
     * @return the labels
     */
    public List<String> labels() {
        return List.of(labels);
    }

    /** Whether {@code other} has the same labels and types, in order (a mapper made for those fits these). */
    boolean sameShape(ResultColumns other) {
        return other == this || java.util.Arrays.equals(labels, other.labels) && java.util.Arrays.equals(types, other.types);
    }

    /**
     * The SQL type a column is read with: {@code columns.type(0)}.
     *
     * <pre>{@code
     * SqlType<?> type = result.columns().type(0);
     * }</pre>
     *
     * @param index the position, from 0
     * @return the type that converts the JDBC value
     */
    public SqlType<?> type(int index) {
        return types[index];
    }

    /**
     * The position of a label, or -1.
     *
     * <pre>{@code
     * int at = result.columns().indexOf("name");   // -1 when there is no such column
     * }</pre>
     *
     * @param label a label: {@code columns.indexOf("name")}
     * @return its position, from 0
     */
    public int indexOf(String label) {
        Map<String, Integer> map = byLabel();
        Integer i = map.get(label);
        if (i == null) {
            i = map.get(label.toLowerCase(java.util.Locale.ROOT));
        }
        return i == null ? -1 : i;
    }

    /**
     * The position of a selected expression, or -1. Columns also match by name when selected through text().
     *
     * <pre>{@code
     * int at = result.columns().indexOf(USERS.name);
     * }</pre>
     *
     * @param expression a selected column or expression: {@code columns.indexOf(USERS.name)}
     * @return its position, from 0
     */
    public int indexOf(Expression<?> expression) {
        for (int i = 0; i < expressions.length; i++) {
            Expression<?> e = expressions[i];
            if (e == null) {
                continue;
            }
            if (e.equals(expression)) {
                return i;
            }
            if (e instanceof Aliased<?> a && (a.expression().equals(expression))) {
                return i;
            }
        }
        if (expression instanceof Aliased<?> a) {
            return indexOf(a.alias());
        }
        if (expression instanceof Column<?> c) {
            int byName = -1;
            for (int i = 0; i < labels.length; i++) {
                if (labels[i].equalsIgnoreCase(c.name())) {
                    if (byName >= 0) {
                        return -1; // ambiguous: two columns of that name
                    }
                    byName = i;
                }
            }
            if (byName >= 0 && (expressions[byName] == null || !(expressions[byName] instanceof Column<?>))) {
                return byName;
            }
        }
        return -1;
    }
}
