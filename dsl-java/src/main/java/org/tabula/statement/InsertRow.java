package org.tabula.statement;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
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
 * form of a {@code Map<String, Object>} row. It is a map from column name to value, in the order
 * set, changed only by {@link #set} and {@link #clear}, so it goes wherever an executemany takes maps.
 *
 * <pre>{@code
 * insert(USERS).values(row -> row.set(USERS.name, "ann").set(USERS.age, 31));      // one row
 * conn.execute(insert(USERS), people,                                             // executemany (JDBC batch),
 *         (row, p) -> row.set(USERS.name, p.name()).set(USERS.age, p.age()));     // one row refilled per person
 * conn.execute(insert(USERS), InsertRow.batch(USERS, people,                       // the same, a list of rows
 *         (row, p) -> row.set(USERS.name, p.name()).set(USERS.age, p.age())));
 * // row.set(USERS.age, "x") and row.set(POSTS.title, "x") do not compile / are refused
 * }</pre>
 *
 * <p>A builder, filled by one thread and then handed over; {@link #set} returns the same row. No map
 * method but {@code clear} changes it ({@code put} throws {@link UnsupportedOperationException}).
 */
public final class InsertRow extends AbstractMap<String, @Nullable Object> {

    private final Table table;
    /**
     * The columns set, in the order first set, at {@code [0, size)}; past {@code size}, the columns
     * of the row before {@link #clear()} in their order, so refilling a reused row in the same
     * order costs one comparison per value. All entries are distinct.
     */
    private Column<?>[] columns;
    private String[] names;
    private @Nullable Object[] values;
    private int size;
    /** Where the next lookup by name starts: readers (executemany's binder) ask in column order. */
    private int next;

    private InsertRow(Table table, int expectedColumns) {
        this.table = Objects.requireNonNull(table, "table");
        int capacity = Math.max(4, expectedColumns);
        this.columns = new Column<?>[capacity];
        this.names = new String[capacity];
        this.values = new Object[capacity];
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
        return new InsertRow(table, table.columns().size());
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
            width = r.size;
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
        int n = size;
        Column<?>[] cols = columns;
        if (n < cols.length && cols[n] == column) {
            // The column the previous fill of this row set at this position: not set yet (all distinct).
            values[n] = value;
            size = n + 1;
            return this;
        }
        for (int i = 0; i < n; i++) {
            if (cols[i] == column) {
                values[i] = value;
                return this;
            }
        }
        if (n == cols.length) {
            int capacity = n * 2;
            columns = cols = Arrays.copyOf(cols, capacity);
            names = Arrays.copyOf(names, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        for (int j = n + 1; j < cols.length; j++) {
            if (cols[j] == column) {
                // Keep the remembered order's entries distinct: swap it into place.
                cols[j] = cols[n];
                names[j] = names[n];
                break;
            }
        }
        cols[n] = column;
        names[n] = column.name();
        values[n] = value;
        size = n + 1;
        return this;
    }

    /**
     * Removes every value, so the row can be filled again: executemany of
     * {@code conn.execute(insert(T), items, (row, item) -> ...)} refills one row per item.
     *
     * <pre>{@code
     * InsertRow row = InsertRow.of(USERS).set(USERS.name, "ann");
     * row.clear();   // row.isEmpty()
     * }</pre>
     */
    @Override
    public void clear() {
        Arrays.fill(values, 0, size, null);
        size = 0;
        next = 0;
    }

    /**
     * The column set at {@code position} (0-based, in the order the columns were first set):
     * with {@link #valueAt(int)}, what executemany binds by position instead of by name.
     *
     * <pre>{@code
     * InsertRow row = InsertRow.of(USERS).set(USERS.name, "ann").set(USERS.age, 31);
     * Column<?> second = row.columnAt(1);   // USERS.age
     * }</pre>
     *
     * @param position from 0 to {@code size() - 1}: {@code row.columnAt(0)}
     * @return the column at that position
     * @throws IndexOutOfBoundsException when no column is set at {@code position}
     */
    public Column<?> columnAt(int position) {
        Objects.checkIndex(position, size);
        return columns[position];
    }

    /**
     * The value set at {@code position} (see {@link #columnAt(int)}).
     *
     * <pre>{@code
     * InsertRow row = InsertRow.of(USERS).set(USERS.name, "ann").set(USERS.age, 31);
     * Object age = row.valueAt(1);   // 31
     * }</pre>
     *
     * @param position from 0 to {@code size() - 1}: {@code row.valueAt(0)}
     * @return the value, null for a NULL
     * @throws IndexOutOfBoundsException when no column is set at {@code position}
     */
    public @Nullable Object valueAt(int position) {
        Objects.checkIndex(position, size);
        return values[position];
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
    public @Nullable Object get(@Nullable Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public @Nullable Object getOrDefault(@Nullable Object key, @Nullable Object defaultValue) {
        int i = indexOf(key);
        return i < 0 ? defaultValue : values[i];
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(asMap().keySet());
    }

    @Override
    public Set<Map.Entry<String, @Nullable Object>> entrySet() {
        return Collections.unmodifiableMap(asMap()).entrySet();
    }

    /** A copy of the values by name, in the order set (the map views are rarely asked for). */
    private Map<String, @Nullable Object> asMap() {
        Map<String, @Nullable Object> map = new LinkedHashMap<>(Math.max(4, size * 4 / 3 + 1));
        for (int i = 0; i < size; i++) {
            map.put(names[i], values[i]);
        }
        return map;
    }

    /** The position of the value named {@code key}, or -1; starts where the last lookup ended. */
    private int indexOf(@Nullable Object key) {
        int n = size;
        int i = next < n ? next : 0;
        for (int k = 0; k < n; k++) {
            if (names[i].equals(key)) {
                next = i + 1 == n ? 0 : i + 1;
                return i;
            }
            i = i + 1 == n ? 0 : i + 1;
        }
        return -1;
    }
}
