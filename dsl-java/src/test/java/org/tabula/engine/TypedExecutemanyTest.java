package org.tabula.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Posts.POSTS;
import static org.tabula.Sql.count;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Users.USERS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tabula.error.NotNullViolationException;
import org.tabula.schema.MetaData;
import org.tabula.statement.InsertRow;

/** {@code conn.execute(insert(T), items, (row, item) -> ...)}: one typed row refilled and bound per item. */
class TypedExecutemanyTest {

    record Person(String name, Integer age) {
    }

    private Engine engine;

    @BeforeEach
    void setUp() {
        engine = Engine.create("jdbc:sqlite::memory:", EngineOptions.defaults().batchSize(3));
        new MetaData(USERS, POSTS).createAll(engine);
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    private static List<Object> rows(Connection conn) {
        List<Object> out = new ArrayList<>();
        conn.execute(select(USERS.name, USERS.age).from(USERS).orderBy(USERS.id.asc()))
                .forEach(r -> out.add(r.get(USERS.name) + "/" + r.get(USERS.age)));
        return out;
    }

    @Test
    void everyItemBecomesOneRowInInputOrderAcrossBatches() {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            people.add(new Person("p" + i, i % 3 == 0 ? null : i));
        }
        List<InsertRow> seen = new ArrayList<>();
        try (Connection conn = engine.connect()) {
            long n = conn.execute(insert(USERS), people, (row, p) -> {
                seen.add(row);
                assertTrue(row.isEmpty(), "each item gets an empty row");
                // The order of the sets may change from row to row.
                if (p.name().endsWith("5")) {
                    row.set(USERS.age, p.age()).set(USERS.name, p.name());
                } else {
                    row.set(USERS.name, p.name()).set(USERS.age, p.age());
                }
            }).rowCount();
            assertEquals(8L, n);
            assertEquals(List.of("p0/null", "p1/1", "p2/2", "p3/null", "p4/4", "p5/5", "p6/null", "p7/7"), rows(conn));
        }
        assertEquals(8, seen.size());
        for (InsertRow r : seen) {
            assertSame(seen.get(0), r, "one row is refilled for every item");
        }
    }

    @Test
    void itemsThatSetTheColumnsInAnotherOrderAreBoundByName() {
        // Rows in the first row's column order bind by position; the others by name, same result.
        try (Connection conn = engine.connect()) {
            conn.execute(insert(USERS), List.of(1, 2, 3, 4, 5), (row, i) -> {
                if (i % 2 == 0) {
                    row.set(USERS.age, i).set(USERS.name, "n" + i);
                } else {
                    row.set(USERS.name, "n" + i).set(USERS.age, i);
                }
            });
            assertEquals(List.of("n1/1", "n2/2", "n3/3", "n4/4", "n5/5"), rows(conn));
        }
        InsertRow row = InsertRow.of(USERS).set(USERS.name, "ann").set(USERS.age, 31);
        assertSame(USERS.age, row.columnAt(1));
        assertEquals(31, row.valueAt(1));
        assertThrows(IndexOutOfBoundsException.class, () -> row.valueAt(2));
    }

    @Test
    void anyIterableEmptyOrSingleItems() {
        try (Connection conn = engine.connect()) {
            Iterable<Integer> ages = () -> IntStream.range(0, 4).iterator(); // not a Collection
            assertEquals(4L, conn.execute(insert(USERS), ages,
                    (row, a) -> row.set(USERS.name, "n" + a).set(USERS.age, a)).rowCount());
            assertEquals(0L, conn.execute(insert(USERS), List.<Integer>of(),
                    (row, a) -> row.set(USERS.name, "x")).rowCount());
            assertEquals(1L, conn.execute(insert(USERS), List.of(9),
                    (row, a) -> row.set(USERS.name, "n" + a).set(USERS.age, a)).rowCount());
            assertEquals(List.of("n0/0", "n1/1", "n2/2", "n3/3", "n9/9"), rows(conn));
        }
    }

    @Test
    void aLaterRowThatLacksOrAddsAColumnOrBreaksAConstraintIsNamed() {
        try (Connection conn = engine.connect()) {
            IllegalArgumentException lacks = assertThrows(IllegalArgumentException.class,
                    () -> conn.execute(insert(USERS), List.of(1, 2, 3, 4), (row, i) -> {
                        row.set(USERS.name, "n" + i);
                        if (i != 4) {
                            row.set(USERS.age, i);
                        }
                    }));
            assertTrue(lacks.getMessage().contains("row 3") && lacks.getMessage().contains("age"), lacks.getMessage());
            conn.rollback();
            IllegalArgumentException adds = assertThrows(IllegalArgumentException.class,
                    () -> conn.execute(insert(USERS), List.of(1, 2), (row, i) -> {
                        row.set(USERS.name, "n" + i);
                        if (i == 2) {
                            row.set(USERS.email, "e");
                        }
                    }));
            assertTrue(adds.getMessage().contains("row 1") && adds.getMessage().contains("email"), adds.getMessage());
            conn.rollback();
            NotNullViolationException nulls = assertThrows(NotNullViolationException.class,
                    () -> conn.execute(insert(USERS), List.of("a", "b"), (row, s) -> row.set(USERS.name,
                            s.equals("b") ? null : s)));
            assertTrue(nulls.getMessage().contains("users.name"), nulls.getMessage());
            conn.rollback();
            assertEquals(0L, (Long) conn.execute(select(count()).from(USERS)).scalarOne());
            IllegalArgumentException withValues = assertThrows(IllegalArgumentException.class,
                    () -> conn.execute(insert(USERS).set(USERS.name, "x"), List.of(1), (row, i) -> { }));
            assertTrue(withValues.getMessage().contains("users"), withValues.getMessage());
        }
    }

    @Test
    void listenersSeeTheFirstRowsValuesAndTheBatchSize() {
        RecordingListener recorder = new RecordingListener();
        try (Engine listened = Engine.create("jdbc:sqlite::memory:", EngineOptions.defaults().listener(recorder))) {
            new MetaData(USERS, POSTS).createAll(listened);
            try (Connection conn = listened.connect()) {
                conn.execute(insert(USERS), List.of("ann", "bob", "cid"), (row, s) -> row.set(USERS.name, s));
            }
            StatementEvent e = recorder.statements.get(recorder.statements.size() - 1);
            assertEquals(3, e.batchSize());
            assertEquals(List.of("ann"), e.parameters(), "the first row's values, kept before the row was refilled");
        }
    }

    @Test
    void aReusedRowKeepsBeingAMapOfWhatWasSetLast() {
        InsertRow row = InsertRow.of(USERS).set(USERS.name, "ann").set(USERS.age, 3);
        assertEquals(new LinkedHashMap<>(Map.of("name", "ann", "age", 3)), row);
        assertEquals(List.of("name", "age"), new ArrayList<>(row.keySet()));
        row.clear();
        assertTrue(row.isEmpty());
        assertFalse(row.containsKey("name"));
        // Refilled in another order, with a value replaced and a NULL: the map follows.
        row.set(USERS.age, 4).set(USERS.email, null).set(USERS.age, 5).set(USERS.name, "bob");
        assertEquals(List.of("age", "email", "name"), new ArrayList<>(row.keySet()));
        assertEquals(Arrays.asList(5, null, "bob"), new ArrayList<>(row.values()));
        assertTrue(row.containsKey("email"));
        assertEquals("dflt", row.getOrDefault("id", "dflt"));
        assertEquals(null, row.getOrDefault("email", "dflt"));
        row.clear();
        row.set(USERS.name, "cid").set(USERS.age, 6).set(USERS.name, "dan");
        assertEquals(Map.of("name", "dan", "age", 6), row);
        assertEquals(2, row.size());
    }
}
