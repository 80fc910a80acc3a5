package org.tabula.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.and;
import static org.tabula.Sql.avg;
import static org.tabula.Sql.caseWhen;
import static org.tabula.Sql.coalesce;
import static org.tabula.Sql.count;
import static org.tabula.Sql.delete;
import static org.tabula.Sql.exists;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.lower;
import static org.tabula.Sql.max;
import static org.tabula.Sql.min;
import static org.tabula.Sql.not;
import static org.tabula.Sql.or;
import static org.tabula.Sql.select;
import static org.tabula.Sql.sum;
import static org.tabula.Sql.text;
import static org.tabula.Sql.update;
import static org.tabula.Sql.upper;
import static org.tabula.it.Schema.POSTS;
import static org.tabula.it.Schema.USERS;
import static org.tabula.it.Schema.VALUES;
import static org.tabula.it.Schema.WEIRD;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.error.ForeignKeyViolationException;
import org.tabula.error.NotNullViolationException;
import org.tabula.error.UniqueViolationException;
import org.tabula.result.Result;
import org.tabula.result.Row;
import org.tabula.schema.TableAlias;

/** Every core feature, run for real on SQLite, MariaDB and PostgreSQL. */
class CoreScenariosTest {

    static Stream<String> databases() {
        return Databases.names().stream();
    }

    static Engine fresh(String db) {
        Engine engine = Databases.engine(db);
        Schema.METADATA.dropAll(engine);
        Schema.METADATA.createAll(engine);
        return engine;
    }

    static long seed(Connection conn) {
        long ann = conn.execute(insert(USERS).set(USERS.name, "ann").set(USERS.age, 31).set(USERS.email, "ann@example.com"))
                .insertedPrimaryKey().get(USERS.id);
        conn.execute(insert(USERS).columns(USERS.name, USERS.age, USERS.email)
                .values("bob", 17, "bob@example.com")
                .values("cid", null, null)
                .values("dee_50%", 65, "dee@example.org"));
        conn.execute(insert(POSTS), List.of(
                Map.of("user_id", ann, "title", "first", "likes", 3),
                Map.of("user_id", ann, "title", "second", "likes", 10)));
        return ann;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void ddlIsIdempotent(String db) {
        Engine engine = fresh(db);
        Schema.METADATA.createAll(engine); // nothing twice
        try (Connection conn = engine.connect()) {
            assertEquals(0L, (long) conn.execute(select(count()).from(USERS)).scalarOne());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void insertedPrimaryKeyAndDefaults(String db) {
        Engine engine = fresh(db);
        engine.begin(conn -> {
            long first = conn.execute(insert(USERS).set(USERS.name, "a")).insertedPrimaryKey().get(USERS.id);
            long second = conn.execute(insert(USERS).set(USERS.name, "b")).insertedPrimaryKey().get(USERS.id);
            assertEquals(first + 1, second);
            Row row = conn.execute(select(USERS).where(USERS.id.eq(first))).one();
            assertEquals(true, row.get(USERS.active), "client default");
            assertNotNull(row.get(USERS.createdAt), "server default");
            UUID key = conn.execute(insert(VALUES).set(VALUES.small, 1)).insertedPrimaryKey().get(VALUES.id);
            assertNotNull(key);
            assertEquals(1, (int) conn.execute(select(VALUES.small).where(VALUES.id.eq(key))).scalarOne());
        });
    }

    /** What {@link #labelsAndNotNullColumns} reads into: a post's likes under a name of its own. */
    record Likes(String name, Integer n) {
    }

    @ParameterizedTest
    @MethodSource("databases")
    void labelsAndNotNullColumns(String db) {
        Engine engine = fresh(db);
        try (Connection conn = engine.connect()) {
            seed(conn);
            // An inner join: the NOT NULL columns read as declared, labels come from the columns and aliases.
            Result inner = conn.execute(select(USERS.name, POSTS.likes.as("n")).from(USERS).join(POSTS)
                    .orderBy(POSTS.likes));
            assertEquals(List.of("name", "n"), inner.columns().labels());
            assertEquals(List.of(new Likes("ann", 3), new Likes("ann", 10)), inner.into(Likes.class));
            // POSTS.likes and POSTS.id are NOT NULL, but cid has no post: the outer join reads NULL, not 0.
            var outer = select(USERS.name, POSTS.likes.as("n"), POSTS.id).from(USERS).leftJoin(POSTS)
                    .where(USERS.name.eq("cid"));
            Row row = conn.execute(outer).one();
            assertNull(row.get("n"));
            assertNull(row.get(POSTS.id));
            assertEquals(List.of(new Likes("cid", null)), conn.fetch(select(USERS.name, POSTS.likes.as("n"))
                    .from(USERS).leftJoin(POSTS).where(USERS.name.eq("cid")), Likes.class));
            try (Result streamed = conn.stream(outer, 10)) {
                assertNull(streamed.iterator().next().get(POSTS.id));
            }
            // A union's later member may put NULL under the first member's NOT NULL column.
            List<Integer> likes = conn.execute(select(POSTS.likes).from(POSTS).where(POSTS.likes.eq(3))
                    .unionAll(select(USERS.age).from(USERS).where(USERS.name.eq("cid")))).scalars();
            assertEquals(2, likes.size());
            assertTrue(likes.contains(3) && likes.contains(null), "NULL read from the union's second member: " + likes);
            // Raw SQL names its own labels, whatever columns it declares.
            Row text = conn.execute(text("SELECT name AS who FROM it_users ORDER BY id").columns(USERS.name)).all().get(0);
            assertEquals(List.of("who"), text.columns().labels());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void returning(String db) {
        Engine engine = fresh(db);
        try (Connection conn = engine.connect()) {
            List<Row> rows = conn.execute(insert(USERS).columns(USERS.name, USERS.age).values("x", 1).values("y", 2)
                    .returning(USERS.id, USERS.name)).all();
            assertEquals(List.of("x", "y"), rows.stream().map(r -> r.get(USERS.name)).toList());
            assertEquals(rows.get(0).<Long>get(USERS.id) + 1, (long) rows.get(1).get(USERS.id));
            if (engine.dialect().supportsReturning(org.tabula.dialect.Dialect.ReturningSupport.DELETE)) {
                List<String> gone = conn.execute(delete(USERS).where(USERS.name.eq("x")).returning(USERS.name)).scalars();
                assertEquals(List.of("x"), gone);
            }
            if (engine.dialect().supportsReturning(org.tabula.dialect.Dialect.ReturningSupport.UPDATE)) {
                List<Integer> ages = conn.execute(update(USERS).set(USERS.age, 5).where(USERS.name.eq("y"))
                        .returning(USERS.age)).scalars();
                assertEquals(List.of(5), ages);
            } else {
                assertThrows(org.tabula.error.UnsupportedFeatureException.class, () -> conn.execute(
                        update(USERS).set(USERS.age, 5).where(USERS.name.eq("y")).returning(USERS.age)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void everyOperator(String db) {
        Engine engine = fresh(db);
        try (Connection conn = engine.connect()) {
            seed(conn);
            assertEquals(List.of("ann"), names(conn, USERS.age.eq(31)));
            assertEquals(List.of("bob", "dee_50%"), names(conn, USERS.age.ne(31)));
            assertEquals(List.of("ann", "dee_50%"), names(conn, USERS.age.gt(17)));
            assertEquals(List.of("ann", "bob", "dee_50%"), names(conn, USERS.age.ge(17)));
            assertEquals(List.of("bob"), names(conn, USERS.age.lt(31)));
            assertEquals(List.of("ann", "bob"), names(conn, USERS.age.le(31)));
            assertEquals(List.of("cid"), names(conn, USERS.age.isNull()));
            assertEquals(List.of("ann", "bob", "dee_50%"), names(conn, USERS.age.isNotNull()));
            assertEquals(List.of("ann", "bob"), names(conn, USERS.age.in(List.of(17, 31))));
            assertEquals(List.of(), names(conn, USERS.age.in(List.of())));
            assertEquals(List.of("ann", "bob", "cid", "dee_50%"), names(conn, USERS.age.notIn(List.of())));
            assertEquals(List.of("dee_50%"), names(conn, USERS.age.notIn(List.of(17, 31))));
            assertEquals(List.of("ann"), names(conn, USERS.id.in(select(POSTS.userId).from(POSTS))));
            assertEquals(List.of("ann", "bob"), names(conn, USERS.age.between(17, 31)));
            assertEquals(List.of("dee_50%"), names(conn, USERS.age.notBetween(17, 31)));
            assertEquals(List.of("ann"), names(conn, USERS.name.like("a%")));
            assertEquals(List.of("bob", "cid", "dee_50%"), names(conn, USERS.name.notLike("a%")));
            assertEquals(List.of("dee_50%"), names(conn, USERS.name.contains("_50%")));
            assertEquals(List.of(), names(conn, USERS.name.contains("x%")));
            assertEquals(List.of("bob"), names(conn, USERS.name.startsWith("bo")));
            assertEquals(List.of("dee_50%"), names(conn, USERS.name.endsWith("50%")));
            assertEquals(List.of("ann"), names(conn, USERS.name.ilike("AN%")));
            assertEquals(List.of("ann", "bob"), names(conn, or(USERS.name.eq("ann"), USERS.name.eq("bob"))));
            assertEquals(List.of("ann"), names(conn, and(USERS.age.gt(18), USERS.email.endsWith(".com"))));
            assertEquals(List.of("bob", "cid", "dee_50%"), names(conn, not(USERS.name.eq("ann"))));
            assertEquals(List.of("ann"), names(conn, exists(select(POSTS.id).where(POSTS.userId.eq(USERS.id)))));
            assertEquals(List.of("ann"), names(conn, USERS.age.plus(1).eq(32)));
            assertEquals(List.of("ann"), names(conn, USERS.age.times(2).minus(2).div(2).eq(30)));
            assertEquals(List.of("ann"), names(conn, USERS.name.concat("!").eq("ann!")));
            assertEquals(List.of("ann"), names(conn, upper(USERS.name).eq("ANN")));
            assertEquals(List.of("ann"), names(conn, lower(upper(USERS.name)).eq("ann")));
            assertEquals(List.of("cid"), names(conn, coalesce(USERS.age, -1).eq(-1)));

            Row agg = conn.execute(select(count(), count(USERS.age), sum(USERS.age), min(USERS.age), max(USERS.age),
                    avg(USERS.age)).from(USERS)).one();
            assertEquals(4L, (long) agg.get(0));
            assertEquals(3L, (long) agg.get(1));
            assertEquals(113L, (long) agg.get(2));
            assertEquals(17, (int) agg.get(3));
            assertEquals(65, (int) agg.get(4));
            assertEquals(113.0 / 3, agg.<Double>get(5), 0.001);

            List<String> labels = conn.execute(select(caseWhen(USERS.age.lt(18), "minor")
                    .when(USERS.age.lt(65), "adult").otherwise("senior").as("kind")).from(USERS)
                    .where(USERS.age.isNotNull()).orderBy(USERS.id)).scalars();
            assertEquals(List.of("adult", "minor", "senior"), labels);

            Row perUser = conn.execute(select(USERS.name, count(POSTS.id).as("n"), sum(POSTS.likes).as("likes"))
                    .from(USERS).leftJoin(POSTS).groupBy(USERS.name).having(count(POSTS.id).gt(0L))).one();
            assertEquals("ann", perUser.get(USERS.name));
            assertEquals(2L, (long) perUser.get("n"));
            assertEquals(13L, (long) perUser.get("likes"));

            Long scalarSub = conn.execute(select(select(count()).from(POSTS).<Long>asScalar())).scalarOne();
            assertEquals(2L, scalarSub);

            TableAlias other = USERS.as("other");
            long pairs = conn.execute(select(count()).from(USERS)
                    .join(other, other.col(USERS.age).gt(USERS.age))).scalarOne();
            assertEquals(3L, pairs);

            List<String> ordered = conn.execute(select(USERS.name).from(USERS)
                    .orderBy(USERS.age.desc().nullsLast(), USERS.name.asc()).limit(3).offset(1)).scalars();
            assertEquals(List.of("ann", "bob", "cid"), ordered);
            List<String> nullsFirst = conn.execute(select(USERS.name).from(USERS)
                    .orderBy(USERS.age.asc().nullsFirst()).limit(1)).scalars();
            assertEquals(List.of("cid"), nullsFirst);
            List<Long> distinct = conn.execute(select(POSTS.userId.cast(org.tabula.type.SqlTypes.BIGINT))
                    .from(POSTS).distinct()).scalars();
            assertEquals(1, distinct.size());
            long union = conn.execute(select(USERS.name).from(USERS).where(USERS.age.lt(20))
                    .unionAll(select(USERS.name).from(USERS).where(USERS.age.gt(60)))).all().size();
            assertEquals(2, union);
        }
    }

    private static List<String> names(Connection conn, org.tabula.expr.Condition where) {
        return conn.execute(select(USERS.name).from(USERS).where(where).orderBy(USERS.name)).scalars();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void updateAndDelete(String db) {
        Engine engine = fresh(db);
        engine.begin(conn -> {
            long ann = seed(conn);
            assertEquals(1L, conn.execute(update(USERS).set(USERS.name, "anna").where(USERS.id.eq(ann))).rowCount());
            assertEquals(3L, conn.execute(update(USERS).set(USERS.active, false).where(USERS.age.isNotNull())).rowCount());
            assertEquals(4L, conn.execute(update(USERS).values(Map.of("active", true)).allRows()).rowCount());
            assertEquals(1L, conn.execute(delete(USERS).where(USERS.name.eq("bob"))).rowCount());
            assertEquals(1L, conn.execute(delete(USERS).where(USERS.id.eq(ann))).rowCount());
            assertEquals(0L, (long) conn.execute(select(count()).from(POSTS)).scalarOne(), "ON DELETE CASCADE");
            assertEquals(2L, conn.execute(delete(USERS).allRows()).rowCount());
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void textStatements(String db) {
        Engine engine = fresh(db);
        String users = engine.dialect().quote("it_users");
        try (Connection conn = engine.connect()) {
            seed(conn);
            Row row = conn.execute(text("SELECT id, name FROM " + users + " WHERE age > :age AND name LIKE :p")
                    .bind("age", 18).bind("p", "a%").columns(USERS.id, USERS.name)).one();
            assertEquals("ann", row.get(USERS.name));
            assertTrue(row.get(USERS.id) instanceof Long);
            Number n = conn.execute(text("SELECT count(*) FROM " + users + " WHERE age >= :a"), Map.of("a", 17)).scalar();
            assertEquals(3, n.intValue());
            assertEquals(1L, conn.execute(text("UPDATE " + users + " SET age = :age WHERE name = :name")
                    .bind("age", 40).bind("name", "bob")).rowCount());
            assertEquals(2L, conn.execute(text("UPDATE " + users + " SET age = :age WHERE name = :name"),
                    List.of(Map.of("age", 1, "name", "ann"), Map.of("age", 2, "name", "cid"))).rowCount());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void fetchHandsEachRowsValuesToAMapper(String db) {
        Engine engine = fresh(db);
        String users = engine.dialect().quote("it_users");
        try (Connection conn = engine.connect()) {
            seed(conn);
            record Person(long id, String name, Integer age) {
            }
            List<Person> people = conn.fetch(select(USERS.id, USERS.name, USERS.age).from(USERS)
                            .where(USERS.name.ne(org.tabula.Sql.bindParam("skip", org.tabula.type.SqlTypes.VARCHAR)))
                            .orderBy(USERS.name),
                    Map.of("skip", "bob"), v -> new Person((Long) v[0], (String) v[1], (Integer) v[2]));
            assertEquals(List.of("ann", "cid", "dee_50%"), people.stream().map(Person::name).toList());
            assertNull(people.get(1).age(), "NULL stays null");
            assertEquals(65, people.get(2).age(), "values converted by the column types, as for rows");

            List<Object[]> arrays = conn.fetch(text("SELECT name FROM " + users + " WHERE age >= :a ORDER BY name")
                    .columns(USERS.name), Map.of("a", 17), v -> v);
            assertEquals(List.of("ann", "bob", "dee_50%"), arrays.stream().map(v -> v[0]).toList());
            assertTrue(arrays.get(0) != arrays.get(1), "a new array per row: the mapper may keep it");

            assertEquals(List.of("eve"), conn.fetch(insert(USERS).set(USERS.name, "eve").returning(USERS.name),
                    Map.of(), v -> v[0]), "RETURNING, emulated where the database has none");

            IllegalArgumentException notAQuery = assertThrows(IllegalArgumentException.class,
                    () -> conn.fetch(update(USERS).set(USERS.age, 1).where(USERS.name.eq("nobody")), Map.of(), v -> v));
            assertTrue(notAQuery.getMessage().contains("it_users"), notAQuery.getMessage());
            org.tabula.error.DatabaseException missing = assertThrows(org.tabula.error.DatabaseException.class,
                    () -> conn.fetch(text("SELECT nope FROM " + users), Map.of(), v -> v));
            assertTrue(missing.getMessage().contains("nope"), missing.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void executeManyReturningKeysGivesEveryRowItsOwnKey(String db) {
        Engine engine = fresh(db);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {        // more than one JDBC batch of 1,000
            rows.add(Map.of("name", "user" + i, "age", i));     // "active" from its client-side default
        }
        try (Connection conn = engine.connect()) {
            List<Object> keys = conn.executeManyReturningKeys(insert(USERS), rows, USERS.id);
            assertEquals(2500, keys.size());
            for (Row row : conn.execute(select(USERS.id, USERS.age).from(USERS))) {
                int age = row.get(USERS.age);
                assertEquals(keys.get(age), row.get(USERS.id), "row " + age + " got the key of its own row");
            }
            assertTrue(keys.get(0) instanceof Long, "keys converted by the key column's type");
            conn.commit();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void transactions(String db) {
        Engine engine = fresh(db);
        engine.begin(conn -> conn.execute(insert(USERS).set(USERS.name, "kept")));
        assertThrows(IllegalStateException.class, () -> engine.begin(conn -> {
            conn.execute(insert(USERS).set(USERS.name, "lost"));
            throw new IllegalStateException("boom");
        }));
        try (Connection conn = engine.connect()) {
            conn.execute(insert(USERS).set(USERS.name, "also lost"));
            conn.rollback();
            conn.execute(insert(USERS).set(USERS.name, "committed"));
            Savepoint: {
                var sp = conn.savepoint();
                conn.execute(insert(USERS).set(USERS.name, "undone"));
                sp.rollback();
            }
            conn.nested(c -> c.execute(insert(USERS).set(USERS.name, "nested")));
            conn.commit();
        }
        try (Connection conn = engine.connect()) {
            conn.execute(insert(USERS).set(USERS.name, "never committed"));
        }
        try (Connection conn = engine.connect()) {
            assertEquals(List.of("committed", "kept", "nested"),
                    conn.execute(select(USERS.name).from(USERS).orderBy(USERS.name)).scalars());
        }
        assertEquals(0, engine.poolStatus().active());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void integrityErrors(String db) {
        Engine engine = fresh(db);
        engine.begin(conn -> conn.execute(insert(USERS).set(USERS.name, "a").set(USERS.email, "a@x")));
        UniqueViolationException dup = assertThrows(UniqueViolationException.class,
                () -> engine.begin(conn -> conn.execute(insert(USERS).set(USERS.name, "b").set(USERS.email, "a@x"))));
        assertTrue(dup.getMessage().contains("it_users"), dup.getMessage());
        assertNotNull(dup.getCause());
        assertThrows(ForeignKeyViolationException.class,
                () -> engine.begin(conn -> conn.execute(insert(POSTS).set(POSTS.userId, 999L).set(POSTS.title, "t"))));
        NotNullViolationException nn = assertThrows(NotNullViolationException.class,
                () -> engine.begin(conn -> conn.execute(insert(USERS).set(USERS.name, (String) null))));
        assertTrue(nn.getMessage().contains("it_users.name"), nn.getMessage());
        try (Connection conn = engine.connect()) {
            assertEquals(1L, (long) conn.execute(select(count()).from(USERS)).scalarOne());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void executemanyAndStreaming(String db) {
        Engine engine = fresh(db);
        List<Map<String, ?>> rows = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            rows.add(Map.of("name", "user" + i, "age", i % 100));
        }
        engine.begin(conn -> assertEquals(5000L, conn.execute(insert(USERS), rows).rowCount()));
        try (Connection conn = engine.connect()) {
            long seen = 0;
            long ageSum = 0;
            try (Result result = conn.stream(select(USERS.id, USERS.age).from(USERS).orderBy(USERS.id), 250)) {
                for (Row row : result) {
                    seen++;
                    ageSum += row.get(USERS.age);
                }
            }
            assertEquals(5000, seen);
            assertEquals(50 * 99 * 50L, ageSum);
            // abandoning a stream half-way is cleaned up by the connection
            Result abandoned = conn.stream(select(USERS.id).from(USERS), 10);
            assertNotNull(abandoned.iterator().next());
        }
        assertEquals(0, engine.poolStatus().active());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void resultApi(String db) {
        Engine engine = fresh(db);
        try (Connection conn = engine.connect()) {
            seed(conn);
            var q = select(USERS.name, USERS.age).from(USERS).orderBy(USERS.name);
            assertEquals(4, conn.execute(q).all().size());
            assertEquals("ann", conn.execute(q).first().get(USERS.name));
            assertThrows(org.tabula.error.MultipleResultsException.class, () -> conn.execute(q).one());
            assertThrows(org.tabula.error.NoResultException.class, () -> conn.execute(q.where(USERS.id.eq(-1L))).one());
            assertNull(conn.execute(q.where(USERS.id.eq(-1L))).oneOrNull());
            assertNull(conn.execute(q.where(USERS.id.eq(-1L))).scalarOneOrNull());
            assertEquals("ann", conn.execute(q).scalar());
            List<Map<String, Object>> maps = conn.execute(q.limit(1)).mappings();
            assertEquals(31, ((Number) maps.get(0).get("age")).intValue());
            assertEquals(List.of("ann", "bob", "cid", "dee_50%"), conn.execute(q).scalars());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void typesRoundTrip(String db) {
        Engine engine = fresh(db);
        LocalDateTime at = LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000);
        Instant instant = Instant.parse("2024-06-30T12:00:00.654321Z");
        byte[] blob = {0, 1, 2, (byte) 255, 127};
        UUID ref = UUID.randomUUID();
        String unicode = "héllo 🌍 \u00e9\u4e2d";
        try (Connection conn = engine.connect()) {
            UUID id = conn.execute(insert(VALUES).set(VALUES.flag, true).set(VALUES.small, Integer.MIN_VALUE)
                    .set(VALUES.big, Long.MAX_VALUE).set(VALUES.money, new BigDecimal("1234567890.12"))
                    .set(VALUES.ratio, 0.1).set(VALUES.label, unicode).set(VALUES.body, "x".repeat(100_000))
                    .set(VALUES.day, LocalDate.of(1999, 12, 31)).set(VALUES.at, at).set(VALUES.instant, instant)
                    .set(VALUES.blob, blob).set(VALUES.ref, ref)).insertedPrimaryKey().get(VALUES.id);
            UUID empty = conn.execute(insert(VALUES)).insertedPrimaryKey().get(VALUES.id);
            Row row = conn.execute(select(VALUES).where(VALUES.id.eq(id))).one();
            assertEquals(true, row.get(VALUES.flag));
            assertEquals(Integer.MIN_VALUE, (int) row.get(VALUES.small));
            assertEquals(Long.MAX_VALUE, (long) row.get(VALUES.big));
            assertEquals(new BigDecimal("1234567890.12"), row.get(VALUES.money));
            assertEquals(0.1, row.get(VALUES.ratio), 0.0);
            assertEquals(unicode, row.get(VALUES.label));
            assertEquals(100_000, row.get(VALUES.body).length());
            assertEquals(LocalDate.of(1999, 12, 31), row.get(VALUES.day));
            assertEquals(at, row.get(VALUES.at));
            assertEquals(instant, row.get(VALUES.instant));
            assertArrayEquals(blob, row.get(VALUES.blob));
            assertEquals(ref, row.get(VALUES.ref));
            Row nulls = conn.execute(select(VALUES).where(VALUES.id.eq(empty))).one();
            for (int i = 1; i < nulls.size(); i++) {
                assertNull(nulls.get(i), "column " + nulls.columns().label(i));
            }
            assertEquals(List.of(id), conn.execute(select(VALUES.id).where(VALUES.at.gt(at.minus(1, ChronoUnit.SECONDS)))
                    .where(VALUES.instant.lt(instant.plusSeconds(1)))).scalars());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void oddIdentifiersAreQuoted(String db) {
        Engine engine = fresh(db);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(WEIRD).set(WEIRD.id, 1L).set(WEIRD.name, "n").set(WEIRD.order, 2));
            Row row = conn.execute(select(WEIRD).where(WEIRD.order.eq(2)).orderBy(WEIRD.order)).one();
            assertEquals("n", row.get(WEIRD.name));
            assertEquals(1L, conn.execute(update(WEIRD).set(WEIRD.order, 3).where(WEIRD.id.eq(1L))).rowCount());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void insertFromSelectAndForUpdate(String db) {
        Engine engine = fresh(db);
        engine.begin(conn -> {
            seed(conn);
            long copied = conn.execute(insert(POSTS).fromSelect(List.of(POSTS.userId, POSTS.title),
                    select(USERS.id, USERS.name.concat(" copy")).from(USERS).where(USERS.age.gt(30)))).rowCount();
            assertEquals(2L, copied);
            List<String> titles = conn.execute(select(POSTS.title).from(POSTS).where(POSTS.title.endsWith(" copy"))
                    .orderBy(POSTS.title)).scalars();
            assertEquals(List.of("ann copy", "dee_50% copy"), titles);
            Row locked = conn.execute(select(USERS.id, USERS.age).from(USERS).where(USERS.name.eq("ann")).forUpdate()).one();
            conn.execute(update(USERS).set(USERS.age, locked.get(USERS.age) + 1).where(USERS.id.eq(locked.get(USERS.id))));
            assertEquals(32, (int) conn.execute(select(USERS.age).where(USERS.name.eq("ann"))).scalarOne());
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void echoAndListenersSeeEveryStatement(String db) {
        fresh(db);
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Engine engine = Databases.newEngine(db, org.tabula.engine.EngineOptions.defaults().poolSize(1).maxOverflow(0)
                .echo(true).listener((sql, params) -> seen.add(sql + " " + params)))) {
            try (Connection conn = engine.connect()) {
                conn.execute(select(count()).from(USERS).where(USERS.name.eq("zed")));
            }
        }
        assertEquals(1, seen.size());
        assertTrue(seen.get(0).endsWith("[zed]"), seen.get(0));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void upserts(String db) {
        Engine engine = fresh(db);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(USERS).set(USERS.name, "ann").set(USERS.email, "a@x").set(USERS.age, 1));
            conn.execute(insert(USERS).set(USERS.name, "ann2").set(USERS.email, "a@x").set(USERS.age, 5)
                    .onConflict(USERS.email).doUpdate(USERS.name));
            conn.execute(insert(USERS).set(USERS.name, "ignored").set(USERS.email, "a@x")
                    .onConflict(USERS.email).doNothing());
            conn.execute(insert(USERS).set(USERS.name, "ann3").set(USERS.email, "a@x").set(USERS.age, 10)
                    .onConflict(USERS.email).doUpdate(USERS.age, USERS.age.plus(org.tabula.Sql.excluded(USERS.age))));
            conn.execute(insert(USERS).set(USERS.name, "new").set(USERS.email, "n@x")
                    .onConflict(USERS.email).doNothing());
            Row row = conn.execute(select(USERS.name, USERS.age).where(USERS.email.eq("a@x"))).one();
            assertEquals("ann2", row.get(USERS.name));
            assertEquals(11, (int) row.get(USERS.age));
            assertEquals(2L, (long) conn.execute(select(count()).from(USERS)).scalarOne());
        }
    }
}
