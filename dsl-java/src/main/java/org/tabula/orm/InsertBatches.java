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
        for (int i = 0; i < keyed.size(); i++) {
            EntityState s = keyed.get(i);
            for (ColumnAttribute a : s.mapping.columnAttributes()) {
                if (a.column() == generatedKey) {
                    Persistence.setWithUndo(a, s.entity, keys.get(i), undo);
                    break;
                }
            }
        }
        keyed.clear();
        keyedRows.clear();
    }
}
