package org.tabula.result;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tabula.expr.Expression;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * One row of a {@link Result}. Values are read with the type of the expression they were
 * selected as, so {@code count()} is a {@code Long} on every database.
 *
 * <pre>{@code
 * Row row = conn.execute(select(USERS.id, USERS.name).from(USERS)).one();
 * Long id = row.get(USERS.id);        // typed
 * Object name = row.get("name");     // by label
 * Object first = row.get(0);         // by position
 * }</pre>
 */
@NullMarked
public final class Row {

    private final ResultColumns columns;
    private final @Nullable Object[] values;

    /**
     * A row of {@code values} under {@code columns}: {@code new Row(columns, new Object[] {1L, "ann"})}.
     *
     * <pre>{@code
     * Row row = new Row(columns, new Object[] {1L, "ann"});
     * }</pre>
     *
     * @param columns the labels and types of the values
     * @param values the values in column order (not copied)
     */
    public Row(ResultColumns columns, @Nullable Object[] values) {
        this.columns = columns;
        this.values = values;
    }

    /**
     * The value of a selected expression, typed.
     *
     * <pre>{@code
     * String name = row.get(USERS.name);
     * }</pre>
     *
     * @param <T> the expression's Java type
     * @param expression a selected column or expression: {@code row.get(USERS.name)}
     * @return the value, typed like the expression
     */
    @SuppressWarnings("unchecked")
    public <T extends @Nullable Object> T get(Expression<T> expression) {
        int i = columns.indexOf(expression);
        if (i < 0) {
            throw new IllegalArgumentException("the result has no column for " + expression
                    + " (columns: " + columns.labels() + ")");
        }
        return (T) values[i];
    }

    /**
     * The value at a position, starting at 0.
     *
     * <pre>{@code
     * Long id = row.get(0);
     * }</pre>
     *
     * @param <T> the type the caller expects
     * @param index the position, from 0: {@code row.get(0)}
     * @return the value
     */
    @SuppressWarnings("unchecked")
    public <T extends @Nullable Object> T get(int index) {
        if (index < 0 || index >= values.length) {
            throw new IndexOutOfBoundsException("column " + index + " of a row with " + values.length + " columns");
        }
        return (T) values[index];
    }

    /**
     * The value of a column label (case-insensitive when unambiguous).
     *
     * <pre>{@code
     * String name = row.get("name");
     * }</pre>
     *
     * @param <T> the type the caller expects
     * @param label the label: {@code row.get("name")}
     * @return the value
     */
    @SuppressWarnings("unchecked")
    public <T extends @Nullable Object> T get(String label) {
        int i = columns.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("the result has no column " + label + " (columns: " + columns.labels() + ")");
        }
        return (T) values[i];
    }

    /**
     * The value at a position, converted to {@code type} where it is a number of another width.
     *
     * <pre>{@code
     * Long id = row.get(0, Long.class);   // an Integer from the driver, converted
     * }</pre>
     *
     * @param <T> the type wanted
     * @param index the position, from 0
     * @param type the class wanted: {@code row.get(0, Long.class)} reads an INTEGER count as a Long
     * @return the value, converted, or {@code null}
     */
    public <T extends @Nullable Object> @Nullable T get(int index, Class<T> type) {
        Object v = get(index);
        return Conversions.convert(v, type);
    }

    /**
     * The number of values: {@code row.size()}.
     *
     * <pre>{@code
     * int n = row.size();
     * }</pre>
     *
     * @return how many columns the row has
     */
    public int size() {
        return values.length;
    }

    /**
     * The row's columns: {@code row.columns().labels()}.
     *
     * <pre>{@code
     * List<String> labels = row.columns().labels();
     * }</pre>
     *
     * @return the labels and types
     */
    public ResultColumns columns() {
        return columns;
    }

    /** The values array itself, for mappers of this package that only read it. */
    @Nullable Object[] rawValues() {
        return values;
    }

    /**
     * The values in column order.
     *
     * <pre>{@code
     * List<Object> values = row.values();   // [1, ann]
     * }</pre>
     *
     * @return the values: {@code row.values()}
     */
    public List<@Nullable Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    /**
     * Label to value, in column order.
     *
     * <pre>{@code
     * Map<String, Object> map = row.toMap();   // {id=1, name=ann}
     * }</pre>
     *
     * @return a map by label: {@code row.toMap().get("name")}
     */
    public Map<String, @Nullable Object> toMap() {
        Map<String, @Nullable Object> map = new LinkedHashMap<>(values.length * 2);
        for (int i = 0; i < values.length; i++) {
            map.putIfAbsent(columns.label(i), values[i]);
        }
        return map;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Row other && Arrays.deepEquals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
