package org.tabula.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Posts.POSTS;
import static org.tabula.Sql.count;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Users.USERS;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tabula.error.DataException;
import org.tabula.error.NotNullViolationException;
import org.tabula.schema.MetaData;

/** executemany binds rows on a fast path; a bad row in the middle must still fail with the usual message. */
class ExecutemanyChecksTest {

    private Engine engine;

    @BeforeEach
    void setUp() {
        engine = Engine.create("jdbc:sqlite::memory:");
        new MetaData(USERS, POSTS).createAll(engine);
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    private static Map<String, Object> user(String name, Integer age) {
        Map<String, Object> row = new HashMap<>();
        row.put("name", name);
        row.put("age", age);
        return row;
    }

    @Test
    void goodRowsWithNullsAndAccentsAreInserted() {
        try (Connection conn = engine.connect()) {
            conn.execute(insert(USERS), List.of(user("ann", 31), user("bé", null), user("x".repeat(50), 7)));
            assertEquals(3L, (Long) conn.execute(select(count()).from(USERS)).scalarOne());
            assertEquals(Arrays.asList(31, null, 7),
                    conn.execute(select(USERS.age).from(USERS).orderBy(USERS.id.asc())).scalars());
        }
    }

    @Test
    void batchSizeSplitsTheRowsIntoJdbcBatchesAndEveryRowArrives() {
        try (Engine small = Engine.create("jdbc:sqlite::memory:", EngineOptions.defaults().batchSize(2))) {
            new MetaData(USERS, POSTS).createAll(small);
            try (Connection conn = small.connect()) {
                // 5 rows in batches of 2: two full batches and the rest, counted together
                long inserted = conn.execute(insert(USERS), List.of(user("a", 1), user("b", 2), user("c", 3),
                        user("d", 4), user("e", 5))).rowCount();
                assertEquals(5L, inserted);
                assertEquals(List.of(1, 2, 3, 4, 5),
                        conn.execute(select(USERS.age).from(USERS).orderBy(USERS.id.asc())).scalars());
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EngineOptions.defaults().batchSize(0));
        assertTrue(e.getMessage().contains("batchSize"), e.getMessage());
    }

    @Test
    void nullIntoNotNullInALaterRowNamesTheColumn() {
        try (Connection conn = engine.connect()) {
            NotNullViolationException e = assertThrows(NotNullViolationException.class,
                    () -> conn.execute(insert(USERS), List.of(user("ann", 1), user(null, 2))));
            assertTrue(e.getMessage().contains("users.name"), e.getMessage());
        }
    }

    @Test
    void tooLongStringInALaterRowNamesTheColumn() {
        try (Connection conn = engine.connect()) {
            DataException e = assertThrows(DataException.class,
                    () -> conn.execute(insert(USERS), List.of(user("ann", 1), user("y".repeat(51), 2))));
            assertTrue(e.getMessage().contains("users.name"), e.getMessage());
        }
    }

    @Test
    void wrongValueTypeNamesTheColumn() {
        Map<String, Object> bad = user("bob", null);
        bad.put("age", "old");
        try (Connection conn = engine.connect()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> conn.execute(insert(USERS), List.of(user("ann", 1), bad)));
            assertTrue(e.getMessage().contains("users.age"), e.getMessage());
        }
    }

    @Test
    void missingKeyInALaterRowNamesTheParameter() {
        Map<String, Object> partial = new HashMap<>();
        partial.put("name", "cid");
        try (Connection conn = engine.connect()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> conn.execute(insert(USERS), List.of(user("ann", 1), partial)));
            assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("age"), e.getMessage());
        }
    }
}
