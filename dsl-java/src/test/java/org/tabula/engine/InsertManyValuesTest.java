package org.tabula.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tabula.error.DataException;
import org.tabula.error.TransactionRolledBackException;
import org.tabula.result.Row;
import org.tabula.schema.Column;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;

/** executemany with generated keys on SQLite: multi-row INSERT ... RETURNING, keys in input order. */
class InsertManyValuesTest {

    static final class Notes extends Table {
        final Column<Long> id = bigint("id").primaryKey().autoIncrement();
        final Column<String> title = varchar("title", 20);
        final Column<Integer> rank = integer("rank").nullable();

        Notes() {
            super("imv_notes");
        }
    }

    static final Notes NOTES = new Notes();

    @TempDir
    Path dir;

    /** 2,500 rows in three statements (1,000 + 1,000 + 500); titles sort the other way round from the keys. */
    private static List<Map<String, ?>> rows(int n) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("title", String.format("z%05d", n - i));
            row.put("rank", i % 7 == 0 ? null : i);
            rows.add(row);
        }
        return rows;
    }

    @Test
    void everyRowGetsItsOwnKeyInInputOrder() {
        try (Engine engine = Engine.create("jdbc:sqlite:" + dir.resolve("imv.db"))) {
            new MetaData(NOTES).createAll(engine);
            List<Map<String, ?>> rows = rows(2500);
            List<Object> keys;
            try (Connection conn = engine.connect()) {
                conn.execute(insert(NOTES).set(NOTES.title, "before"));     // keys do not start at 1
                keys = conn.executeManyReturningKeys(insert(NOTES), rows, NOTES.id);
                conn.commit();
            }
            assertEquals(2500, keys.size());
            Map<Object, String> titleByKey = new HashMap<>();
            try (Connection conn = engine.connect()) {
                for (Row r : conn.execute(select(NOTES.id, NOTES.title).from(NOTES)).all()) {
                    titleByKey.put(r.get(NOTES.id), r.get(NOTES.title));
                }
            }
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(rows.get(i).get("title"), titleByKey.get(keys.get(i)), "row " + i);
            }
        }
    }

    @Test
    void aRowRefusedAfterTheFirstStatementDoomsTheTransaction() {
        try (Engine engine = Engine.create("jdbc:sqlite:" + dir.resolve("imv2.db"))) {
            new MetaData(NOTES).createAll(engine);
            List<Map<String, ?>> rows = rows(1500);
            Map<String, Object> bad = new HashMap<>(rows.get(1200));
            bad.put("title", "x".repeat(30));
            rows.set(1200, bad);
            try (Connection conn = engine.connect()) {
                DataException e = assertThrows(DataException.class,
                        () -> conn.executeManyReturningKeys(insert(NOTES), rows, NOTES.id));
                assertTrue(e.getMessage().contains("imv_notes.title"), e.getMessage());
                assertThrows(TransactionRolledBackException.class, conn::commit);
                assertEquals(0L, (long) conn.execute(select(org.tabula.Sql.count()).from(NOTES)).<Long>scalarOne());
            }
        }
    }
}
