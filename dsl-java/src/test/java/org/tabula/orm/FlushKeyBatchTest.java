package org.tabula.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.select;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;
import org.tabula.result.Row;
import org.tabula.schema.Table;

/** New objects whose only database-made value is a generated key are flushed as one prepared batch. */
class FlushKeyBatchTest {

    @Entity(table = "batch_things")
    public static class Thing {
        @MappedColumn(primaryKey = true, autoIncrement = true)
        public Long id;
        @MappedColumn(length = 20)
        public String name;
        @MappedColumn(nullable = true)
        public Integer size;

        public Thing() {
        }

        Thing(String name, Integer size) {
            this.name = name;
            this.size = size;
        }
    }

    @TempDir
    Path dir;
    Engine engine;
    SessionFactory sessions;
    final List<String> sql = new CopyOnWriteArrayList<>();
    final Table things = Mapper.table(Thing.class);

    @BeforeEach
    void setUp() {
        engine = Engine.create("jdbc:sqlite:" + dir.resolve("batch.db"), EngineOptions.defaults().listener((s, p) -> sql.add(s)));
        Mapper.metaData(Thing.class).createAll(engine);
        sessions = SessionFactory.of(engine);
        sql.clear();
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    @Test
    void everyObjectGetsTheKeyOfItsOwnRow() {
        List<Thing> added = new ArrayList<>();
        try (Session session = sessions.openSession()) {
            for (int i = 0; i < 2500; i++) {
                Thing t = new Thing("t" + i, i % 3 == 0 ? null : i);
                added.add(t);
                session.add(t);
            }
            session.commit();
            assertEquals(1, sql.stream().filter(s -> s.startsWith("INSERT")).count(), "one statement, prepared once: " + sql);
            Thing again = session.get(Thing.class, added.get(1234).id);
            assertTrue(again == added.get(1234), "identity map holds the flushed objects under their keys");
        }
        Map<Long, String> names = new HashMap<>();
        try (Connection conn = engine.connect()) {
            for (Row r : conn.execute(select(things)).all()) {
                names.put(r.get("id"), r.get("name"));
            }
        }
        assertEquals(2500, names.size());
        for (Thing t : added) {
            assertNotNull(t.id);
            assertEquals(t.name, names.get(t.id), "id " + t.id);
        }
    }

    @Test
    void aFailedFlushLeavesTheObjectsWithoutKeys() {
        Thing ok = new Thing("ok", 1);
        Thing tooLong = new Thing("x".repeat(21), 2);
        try (Session session = sessions.openSession()) {
            session.add(ok);
            session.add(tooLong);
            assertThrows(RuntimeException.class, session::flush);
            assertNull(ok.id, "keys set by a failed flush are undone");
            assertNull(tooLong.id);
        }
    }
}
