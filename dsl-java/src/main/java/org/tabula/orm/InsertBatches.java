package org.tabula.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tabula.engine.Connection;
import org.tabula.schema.Column;
import org.tabula.schema.Table;
import org.tabula.statement.Insert;

/**
 * The INSERTs of one table that go out together (executemany): rows of the same columns that need
 * nothing back, and rows of the same columns whose only database-made value is the generated key.
 * Adding to one batch sends the other first, so rows are written in the order they were added.
 */
final class InsertBatches {

    private final Connection conn;
    private final Table table;
    private final Column<?> generatedKey;
    private final List<Runnable> undo;

    private final List<Map<String, Object>> plainRows = new ArrayList<>();
    private EntityMapping<?> plainMapping;
    private long plainColumns;
    private final List<EntityState> keyed = new ArrayList<>();
    private final List<Map<String, Object>> keyedRows = new ArrayList<>();
    private long keyedColumns;

    InsertBatches(Connection conn, Table table, Column<?> generatedKey, List<Runnable> undo) {
        this.conn = conn;
        this.table = table;
        this.generatedKey = generatedKey;
        this.undo = undo;
    }

    /**
     * A row that needs nothing back from the database; {@code columns} says which of
     * {@code mapping}'s attributes it holds (-1: not said), so that a row of other columns starts
     * a new batch.
     */
    void addPlain(EntityMapping<?> mapping, Map<String, Object> row, long columns) {
        sendKeyed();
        if (!plainRows.isEmpty() && !sameColumns(plainMapping, plainColumns, plainRows.get(0), mapping, columns, row)) {
            sendPlain();
        }
        plainMapping = mapping;
        plainColumns = columns;
        plainRows.add(row);
    }

    /** A row whose generated key is set on {@code s}'s object when the batch is sent; {@code columns} as for {@link #addPlain}. */
    void addKeyed(EntityState s, Map<String, Object> row, long columns) {
        sendPlain();
        if (!keyed.isEmpty() && !sameColumns(keyed.get(0).mapping, keyedColumns, keyedRows.get(0), s.mapping, columns, row)) {
            sendKeyed();
        }
        keyedColumns = columns;
        keyed.add(s);
        keyedRows.add(row);
    }

    private static boolean sameColumns(EntityMapping<?> m1, long columns1, Map<String, Object> row1,
                                       EntityMapping<?> m2, long columns2, Map<String, Object> row2) {
        if (m1 == m2 && columns1 != -1 && columns2 != -1) {
            return columns1 == columns2;
        }
        return row1.keySet().equals(row2.keySet());
    }

    void sendPlain() {
        if (!plainRows.isEmpty()) {
            conn.execute(Insert.into(table), new ArrayList<>(plainRows));
        }
        plainRows.clear();
    }

    void sendKeyed() {
        if (keyedRows.isEmpty()) {
            return;
        }
        List<Object> keys = conn.executeManyReturningKeys(Insert.into(table), keyedRows, generatedKey);
        // One undo entry for the batch instead of one per object: puts back the keys it had set when a later statement fails.
        KeysUndo set = new KeysUndo(keyed.toArray(new EntityState[0]));
        undo.add(set);
        EntityMapping<?> mapping = null;
        ColumnAttribute a = null;
        int index = -1;
        for (int i = 0; i < set.states.length; i++) {
            EntityState s = set.states[i];
            if (s.mapping != mapping) {
                mapping = s.mapping;
                a = keyAttribute(mapping);
                index = mapping.indexOf(a);
            }
            // The value the row was made from: what a.value(entity) read (null, or a primitive's zero).
            set.old[i] = keyedRows.get(i) instanceof InsertValues row ? row.values[index]
                    : a.isDeferred() ? a.value(s.entity) : a.get(s.entity);
            Object key = keys.get(i);
            a.setValue(s.entity, key);
            set.done = i + 1;
            if (s.snapshot != null) {
                s.snapshot[index] = key;      // what a.value(entity) now reads (the key, of the field's type)
                s.key(mapping.keyOf(s.snapshot));
            }
        }
        keyed.clear();
        keyedRows.clear();
    }

    /** The keys one batch set, with the values they replaced. */
    private final class KeysUndo implements Runnable {
        final EntityState[] states;
        final Object[] old;
        int done;

        KeysUndo(EntityState[] states) {
            this.states = states;
            this.old = new Object[states.length];
        }

        @Override
        public void run() {
            for (int i = 0; i < done; i++) {
                if (old[i] != ColumnAttribute.NOT_LOADED) {
                    keyAttribute(states[i].mapping).setValue(states[i].entity, old[i]);
                }
            }
        }
    }

    private ColumnAttribute keyAttribute(EntityMapping<?> mapping) {
        for (ColumnAttribute a : mapping.columnAttributes()) {
            if (a.column() == generatedKey) {
                return a;
            }
        }
        throw new IllegalStateException(mapping.entityClass().getSimpleName() + " maps no attribute to " + generatedKey);
    }
}
