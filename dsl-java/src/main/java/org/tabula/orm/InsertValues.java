package org.tabula.orm;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The row a flush inserts for one new object, as the map executemany takes: a view of the
 * object's column values (column attribute order) limited to the attributes of {@code columns}
 * (bit {@code i}: attribute {@code i}). The values array becomes the object's snapshot once the
 * row is written, so a new object costs one array and this small view instead of a copy of its
 * values in a row builder plus a second read of its fields.
 */
final class InsertValues extends AbstractMap<String, Object> {

    /** Column names by attribute index, shared by every row of the mapping. */
    private final String[] names;
    final Object[] values;
    final long columns;
    private final int size;
    /** Where the next lookup starts: executemany's binder asks in column order. */
    private int next;

    InsertValues(String[] names, Object[] values, long columns) {
        this.names = names;
        this.values = values;
        this.columns = columns;
        this.size = Long.bitCount(columns);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public Object getOrDefault(Object key, Object defaultValue) {
        int i = indexOf(key);
        return i < 0 ? defaultValue : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(asMap().keySet());
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return Collections.unmodifiableMap(asMap()).entrySet();
    }

    /** A copy of the values by name, in attribute order (the map views are rarely asked for). */
    private Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>(Math.max(4, size * 4 / 3 + 1));
        for (int i = 0; i < names.length; i++) {
            if ((columns & (1L << i)) != 0) {
                map.put(names[i], values[i]);
            }
        }
        return map;
    }

    /** The attribute index of the column named {@code key} when this row holds it, else -1; starts where the last lookup ended. */
    private int indexOf(Object key) {
        int n = names.length;
        int i = next < n ? next : 0;
        for (int k = 0; k < n; k++) {
            if ((columns & (1L << i)) != 0 && names[i].equals(key)) {
                next = i + 1 == n ? 0 : i + 1;
                return i;
            }
            i = i + 1 == n ? 0 : i + 1;
        }
        return -1;
    }
}
