package org.tabula.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;

/**
 * What a flush leaves behind for the objects it inserted: their written values as the baseline of
 * dirty tracking, their keys in the identity map, the insert order of the objects added, and
 * expiry at commit; for batches large enough to take the presized paths too.
 */
class FlushBaselineTest {

    @Entity(table = "baseline_boxes")
    public static class Box {
        @MappedColumn(primaryKey = true, autoIncrement = true)
        public Long id;
        @MappedColumn(length = 20)
        public String label;
        @MappedColumn(nullable = true)
        public Integer weight;

        public Box() {
        }

        Box(String label, Integer weight) {
            this.label = label;
            this.weight = weight;
        }
    }

    @Entity(table = "baseline_pins")
    public static class Pin {
        @MappedColumn(primaryKey = true)
        public long id;       // given by the application
        @MappedColumn(length = 20)
        public String label;

        public Pin() {
        }

        Pin(long id, String label) {
            this.id = id;
            this.label = label;
        }
    }

    @TempDir
    Path dir;
    Engine engine;
    SessionFactory sessions;
    final List<String> sql = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        engine = Engine.create("jdbc:sqlite:" + dir.resolve("baseline.db"), EngineOptions.defaults().listener((s, p) -> sql.add(s)));
        Mapper.metaData(Box.class, Pin.class).createAll(engine);
        sessions = SessionFactory.of(engine);
        sql.clear();
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    @Test
    void insertedObjectsAreCleanFoundByKeyAndUpdatedByTheirChangedColumnsOnly() {
        try (Session session = sessions.openSession()) {
            Box a = new Box("a", 1);
            Box b = new Box("b", null);
            Pin p = new Pin(7, "seven");
            session.addAll(List.of(a, b, p));
            session.flush();
            assertNotNull(a.id);
            assertNotNull(b.id);
            for (Object o : List.of(a, b, p)) {
                assertFalse(session.isModified(o), "just written: " + o);
            }
            sql.clear();
            assertSame(a, session.get(Box.class, a.id));
            assertSame(b, session.get(Box.class, b.id));
            assertSame(p, session.get(Pin.class, 7L));
            assertTrue(sql.isEmpty(), "identity map hits, no SQL: " + sql);
            session.flush();
            assertTrue(sql.isEmpty(), "nothing changed since the INSERT, nothing sent: " + sql);
            b.weight = 5;
            assertTrue(session.isModified(b));
            session.flush();
            List<String> updates = sql.stream().filter(s -> s.startsWith("UPDATE")).toList();
            assertEquals(1, updates.size(), sql.toString());
            assertTrue(updates.get(0).contains("\"weight\"") && !updates.get(0).contains("\"label\""), updates.get(0));
            assertThrows(OrmException.class, () -> session.add(new Pin(7, "again")), "key 7 is held");
            session.commit();
        }
    }

    @Test
    void newObjectsAreInsertedInTheOrderAddedAfterRemovalsAndReAdds() {
        try (Session session = sessions.openSession()) {
            Box a = new Box("a", 1);
            Box b = new Box("b", 2);
            Box c = new Box("c", 3);
            session.addAll(List.of(a, b, c));
            session.delete(b);                 // pending: forgotten
            assertFalse(session.contains(b));
            session.add(b);                    // added again: now last
            session.add(a);                    // already pending: stays where it is
            session.flush();
            assertTrue(a.id < c.id && c.id < b.id, a.id + ", " + c.id + ", " + b.id);
            session.commit();
        }
    }

    @Test
    void commitExpiresInsertedAndLoadedObjectsButAFlushDoesNot() {
        try (Session session = sessions.openSession()) {
            session.add(new Box("old", 1));
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            Box old = session.select(Box.class).one();
            Box fresh = new Box("new", 2);
            session.add(fresh);
            session.flush();
            assertFalse(session.isExpired(old));
            assertFalse(session.isExpired(fresh));
            session.commit();
            assertTrue(session.isExpired(old));
            assertTrue(session.isExpired(fresh));
            assertSame(fresh, session.get(Box.class, fresh.id), "reloaded into the same object");
            assertFalse(session.isExpired(fresh));
        }
    }

    @Test
    void largeBatchesKeepKeysInOrderAndFindEveryObject() {
        int n = 3000;      // past the sizes from which the session presizes its tables
        List<Box> boxes = new ArrayList<>();
        List<Pin> pins = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boxes.add(new Box("b" + i, i));
            pins.add(new Pin(i + 1, "p" + i));
        }
        try (Session session = sessions.openSession()) {
            session.addAll(boxes);
            session.addAll(pins);
            session.commit();
            for (int i = 1; i < n; i++) {
                assertTrue(boxes.get(i).id > boxes.get(i - 1).id, "keys in input order");
            }
            sql.clear();
            session.expireAll();
            Box last = boxes.get(n - 1);
            assertSame(last, session.get(Box.class, last.id));
            assertSame(pins.get(n - 1), session.get(Pin.class, (long) n));
            assertEquals(2, sql.size(), "two reloads: " + sql);
            pins.get(0).label = "changed";
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            assertEquals("changed", session.get(Pin.class, 1L).label);
            assertEquals(n, session.select(Box.class).count());
        }
    }
}
