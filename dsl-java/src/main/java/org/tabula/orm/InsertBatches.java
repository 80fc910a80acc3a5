package org.tabula.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private Set<String> plainColumns;
    private final List<EntityState> keyed = new ArrayList<>();
    private final List<Map<String, Object>> keyedRows = new ArrayList<>();
    private Set<String> keyedColumns;

    InsertBatches(Connection conn, Table table, Column<?> generatedKey, List<Runnable> undo) {
        this.conn = conn;
        this.table = table;
        this.generatedKey = generatedKey;
        this.undo = undo;
    }

    /** A row that needs nothing back from the database. */
    void addPlain(Map<String, Object> row) {
        sendKeyed();
        if (plainColumns != null && !plainColumns.equals(row.keySet())) {
            sendPlain();
        }
        plainColumns = row.keySet();
        plainRows.add(row);
    }

    /** A row whose generated key is set on {@code s}'s object when the batch is sent. */
    void addKeyed(EntityState s, Map<String, Object> row) {
        sendPlain();
        if (keyedColumns != null && !keyedColumns.equals(row.keySet())) {
            sendKeyed();
        }
        keyedColumns = row.keySet();
        keyed.add(s);
        keyedRows.add(row);
    }

    void sendPlain() {
        if (!plainRows.isEmpty()) {
            conn.execute(Insert.into(table), new ArrayList<>(plainRows));
        }
        plainRows.clear();
        plainColumns = null;
    }

    void sendKeyed() {
        keyedColumns = null;
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
