package org.tabula.statement;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.tabula.schema.Column;
import org.tabula.schema.Table;

/**
 * One row of an INSERT built from column handles, each value of its column's type: the typed
 * form of a {@code Map<String, Object>} row. It is a read-only map from column name to value, so
 * it goes wherever an executemany takes maps.
 *
 * <pre>{@code
 * insert(USERS).values(row -> row.set(USERS.name, "ann").set(USERS.age, 31));      // one row
 * conn.execute(insert(USERS), InsertRow.batch(USERS, people,                       // executemany (JDBC batch)
 *         (row, p) -> row.set(USERS.name, p.name()).set(USERS.age, p.age())));
 * // row.set(USERS.age, "x") and row.set(POSTS.title, "x") do not compile / are refused
 * }</pre>
 *
 * <p>A builder, filled by one thread and then handed over; {@link #set} returns the same row.
 */
public final class InsertRow extends AbstractMap<String, @Nullable Object> {

    private final Table table;
    private final LinkedHashMap<String, @Nullable Object> values;

    private InsertRow(Table table, int expectedColumns) {
        this.table = Objects.requireNonNull(table, "table");
        this.values = new LinkedHashMap<>(Math.max(4, expectedColumns * 4 / 3 + 1));
    }

    /**
     * An empty row for {@code table}.
     *
     * <pre>{@code
     * InsertRow row = InsertRow.of(USERS).set(USERS.name, "ann").set(USERS.age, 31);
     * }</pre>
     *
     * @param table the table
     * @return an empty row for {@code table}
     */
    public static InsertRow of(Table table) {
        return new InsertRow(table, 0);
    }

    /**
     * One row per item, each filled by {@code row}: the rows of an executemany.
     *
     * <pre>{@code
     * record Person(String name, Integer age) {}
     *
     * conn.execute(insert(USERS), InsertRow.batch(USERS, List.of(new Person("ann", 31)),
     *         (row, p) -> row.set(USERS.name, p.name()).set(USERS.age, p.age())));
     * }</pre>
     *
     * @param <E> the items' type
     * @param table the table
     * @param items one item per row
     * @param row fills one row from one item
     * @return one row per item, each filled by {@code row}
     */
    public static <E extends @Nullable Object> List<InsertRow> batch(Table table, Iterable<E> items, BiConsumer<InsertRow, ? super E> row) {
        List<InsertRow> rows = items instanceof Collection<?> c ? new ArrayList<>(c.size()) : new ArrayList<>();
        int width = 0;
        for (E item : items) {
            InsertRow r = new InsertRow(table, width);
            row.accept(r, item);
            width = r.size();
            rows.add(r);
        }
        return rows;
    }

    /**
     * Sets {@code column} (of this row's table) to {@code value}, which may be {@code null}.
     *
     * <pre>{@code
     * conn.execute(insert(USERS).values(row -> row.set(USERS.name, "ann").set(USERS.age, 31)));
     * }</pre>
     *
     * @param <T> the column's Java type
     * @param column the column
     * @param value the value, {@code null} for NULL
     * @return this row with {@code column} set
     */
    public <T extends @Nullable Object> InsertRow set(Column<T> column, T value) {
        if (column.table() != table) {
            throw new IllegalArgumentException("column " + column.qualifiedName() + " is not a column of "
                    + table.name() + ", the table this row is inserted into");
        }
        values.put(column.name(), value);
        return this;
    }

    /**
     * The table this row is inserted into.
     *
     * <pre>{@code
     * Table table = InsertRow.of(USERS).table();   // USERS
     * }</pre>
     *
     * @return the table this row is inserted into
     */
    public Table table() {
        return table;
    }

    @Override
    public @Nullable Object get(Object key) {
        return values.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return values.containsKey(key);
    }

    @Override
    public int size() {
        return values.size();
    }

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(values.keySet());
    }

    @Override
    public Set<Map.Entry<String, @Nullable Object>> entrySet() {
        return Collections.unmodifiableMap(values).entrySet();
    }
}
