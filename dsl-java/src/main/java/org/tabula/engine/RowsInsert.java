package org.tabula.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tabula.schema.Column;
import org.tabula.schema.Table;
import org.tabula.statement.Insert;
import org.tabula.statement.Statement;

/**
 * An executemany INSERT whose rows are maps: the statement takes the first row's keys as
 * parameters, plus the columns with a client-side default the rows leave out, and every later
 * row must name the same keys ({@code keyCount}: how many, counted once). Shared by plain
 * executemany and executemany returning keys.
 */
record RowsInsert(Insert statement, Set<String> keys, int keyCount, List<Column<?>> defaulted) {

    /**
     * The executemany form of {@code statement} when it is an {@code insert(table)} without values
     * (its columns come from the first row's keys), else {@code null}: the statement runs as it is.
     */
    static RowsInsert forRows(Statement statement, Map<String, ?> first) {
        if (statement instanceof Insert insert && insert.rows().isEmpty() && insert.fromSelect() == null) {
            return of(insert, first);
        }
        return null;
    }

    static RowsInsert of(Insert insert, Map<String, ?> first) {
        Table table = insert.table();
        List<Column<?>> columns = new ArrayList<>();
        for (String key : first.keySet()) {
            Column<?> c = table.findColumn(key);
            if (c == null) {
                throw new IllegalArgumentException("insert into " + table.name() + ": no column named " + key);
            }
            columns.add(c);
        }
        List<Column<?>> defaulted = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            if (c.defaultValue() != null && !columns.contains(c)) {
                columns.add(c);
                defaulted.add(c);
            }
        }
        Set<String> keys = first.keySet();
        return new RowsInsert(insert.withParametersFor(columns), keys, keys.size(), List.copyOf(defaulted));
    }

    /**
     * Row {@code index}'s values to bind, client defaults filled in. Only the number of keys is
     * compared here: a row with as many keys that lacks one of the first row's is refused by the
     * binder (every bound name is looked up), and the caller then runs {@link #checkKeys} for the
     * error. Comparing key sets on every row cost as much as binding it.
     */
    Map<String, ?> row(Map<String, ?> values, int index, String context) {
        if (values.size() != keyCount) {
            checkKeys(values, index, context);
        }
        if (defaulted.isEmpty()) {
            return values;
        }
        Map<String, Object> filled = new HashMap<>(values);
        for (Column<?> c : defaulted) {
            filled.putIfAbsent(c.name(), c.defaultValue().get());
        }
        return filled;
    }

    /** Fails, naming the keys at fault, unless row {@code index} names exactly the first row's keys. */
    void checkKeys(Map<String, ?> values, int index, String context) {
        if (index > 0 && !values.keySet().equals(keys)) {
            throw new IllegalArgumentException(context + ": row " + index + " " + difference(values.keySet())
                    + "; every row of an executemany names the columns of the first row, " + keys);
        }
    }

    private String difference(Set<String> row) {
        List<String> extra = new ArrayList<>();
        for (String k : row) {
            if (!keys.contains(k)) {
                extra.add(k);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String k : keys) {
            if (!row.contains(k)) {
                missing.add(k);
            }
        }
        return (extra.isEmpty() ? "" : "has unknown keys " + extra + (missing.isEmpty() ? "" : " and "))
                + (missing.isEmpty() ? "" : "lacks keys " + missing);
    }
}
