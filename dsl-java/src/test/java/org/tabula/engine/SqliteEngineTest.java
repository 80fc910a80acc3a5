package org.tabula.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Posts.POSTS;
import static org.tabula.Sql.count;
import static org.tabula.Sql.delete;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Sql.text;
import static org.tabula.Sql.update;
import static org.tabula.Users.USERS;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tabula.error.ForeignKeyViolationException;
import org.tabula.error.UniqueViolationException;
import org.tabula.result.Result;
import org.tabula.result.Row;
import org.tabula.schema.MetaData;

class SqliteEngineTest {

    private Engine engine;

    @BeforeEach
    void setUp() {
        engine = Engine.create("jdbc:sqlite::memory:");
        new MetaData(USERS, POSTS).createAll(engine);
    }

    @AfterEach
    void tearDown() {
        assertEquals(0, engine.poolStatus().active());
        engine.close();
    }

    @Test
    void insertSelectUpdateDelete() {
        engine.begin(conn -> {
            Result r = conn.execute(insert(USERS).set(USERS.name, "ann").set(USERS.age, 31));
            Long id = r.insertedPrimaryKey().get(USERS.id);
            assertEquals(1L, id);
            conn.execute(insert(POSTS).set(POSTS.userId, id).set(POSTS.title, "hello"));
        });
        try (Connection conn = engine.connect()) {
            Row row = conn.execute(select(USERS.name, POSTS.title, POSTS.likes).from(USERS).join(POSTS)).one();
            assertEquals("ann", row.get(USERS.name));
            assertEquals("hello", row.get(POSTS.title));
            assertEquals(0, row.get(POSTS.likes));
            assertEquals(1L, conn.execute(update(USERS).set(USERS.age, USERS.age.plus(1)).where(USERS.name.eq("ann")))
                    .rowCount());
            assertEquals(32, (int) conn.execute(select(USERS.age).from(USERS)).scalarOne());
            assertEquals(1L, conn.execute(delete(USERS).where(USERS.id.eq(1L))).rowCount());
            assertEquals(0L, (long) conn.execute(select(count()).from(POSTS)).scalarOne(), "ON DELETE CASCADE");
            conn.commit();
        }
    }

    @Test
    void rollbackOnExceptionLeavesNothing() {
        assertThrows(IllegalStateException.class, () -> engine.begin(conn -> {
            conn.execute(insert(USERS).set(USERS.name, "x"));
            throw new IllegalStateException("boom");
        }));
        try (Connection conn = engine.connect()) {
            assertEquals(0L, (long) conn.execute(select(count()).from(USERS)).scalarOne());
        }
    }

    @Test
    void integrityErrorsAreTyped() {
        engine.begin(conn -> conn.execute(insert(USERS).set(USERS.name, "a").set(USERS.email, "a@x")));
        assertThrows(UniqueViolationException.class,
                () -> engine.begin(conn -> conn.execute(insert(USERS).set(USERS.name, "b").set(USERS.email, "a@x"))));
        assertThrows(ForeignKeyViolationException.class,
                () -> engine.begin(conn -> conn.execute(insert(POSTS).set(POSTS.userId, 99L).set(POSTS.title, "t"))));
    }

    @Test
    void executemanyAndStreaming() {
        try (Connection conn = engine.connect()) {
            List<Map<String, ?>> rows = new java.util.ArrayList<>();
            for (int i = 0; i < 2500; i++) {
                rows.add(Map.of("name", "u" + i, "age", i % 90));
            }
            assertEquals(2500L, conn.execute(insert(USERS), rows).rowCount());
            try (Result r = conn.stream(select(USERS.id, USERS.name).from(USERS).orderBy(USERS.id), 100)) {
                long n = r.stream().count();
                assertEquals(2500L, n);
            }
            List<String> names = conn.execute(select(USERS.name).from(USERS).where(USERS.age.in(List.of(1, 2)))
                    .orderBy(USERS.id).limit(3)).scalars();
            assertEquals(List.of("u1", "u2", "u91"), names);
            assertNull(conn.execute(select(USERS.name).from(USERS).where(USERS.name.eq("zz"))).first());
            conn.commit();
        }
    }

    @Test
    void textWithNamedParameters() {
        try (Connection conn = engine.connect()) {
            conn.execute(insert(USERS).set(USERS.name, "ann").set(USERS.age, 30));
            Row row = conn.execute(text("SELECT id, name FROM users WHERE age > :age").bind("age", 18)
                    .columns(USERS.id, USERS.name)).one();
            assertEquals("ann", row.get(USERS.name));
            Object n = conn.execute(text("SELECT count(*) FROM users WHERE name = :n"), Map.of("n", "ann")).scalar();
            assertEquals(1, ((Number) n).intValue());
        }
    }

    @Test
    void savepointRollbackKeepsOuterWork() {
        try (Connection conn = engine.connect()) {
            conn.execute(insert(USERS).set(USERS.name, "outer"));
            assertThrows(IllegalStateException.class, () -> conn.nested(c -> {
                c.execute(insert(USERS).set(USERS.name, "inner"));
                throw new IllegalStateException("undo inner");
            }));
            conn.commit();
            assertEquals(List.of("outer"), conn.execute(select(USERS.name).from(USERS)).scalars());
        }
    }

    @Test
    void closingWithoutCommitRollsBack() {
        try (Connection conn = engine.begin()) {
            conn.execute(insert(USERS).set(USERS.name, "lost"));
        }
        try (Connection conn = engine.connect()) {
            assertTrue(conn.execute(select(USERS.name).from(USERS)).all().isEmpty());
        }
    }

    record UserView(long id, String name, Integer age) {
    }

    @Test
    void rowsIntoRecords() {
        try (Connection conn = engine.connect()) {
            conn.execute(insert(USERS).set(USERS.name, "ann").set(USERS.age, 31));
            conn.execute(insert(USERS).set(USERS.name, "bob"));
            List<UserView> views = conn.execute(select(USERS.id, USERS.name, USERS.age).from(USERS).orderBy(USERS.id))
                    .into(UserView.class);
            assertEquals(List.of(new UserView(1, "ann", 31), new UserView(2, "bob", null)), views);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> conn.execute(select(USERS.id, USERS.name).from(USERS)).into(UserView.class));
            assertTrue(e.getMessage().contains("age"), e.getMessage());
        }
    }
}
