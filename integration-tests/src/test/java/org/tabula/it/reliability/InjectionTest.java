package org.tabula.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.delete;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Sql.text;
import static org.tabula.Sql.update;
import static org.tabula.it.reliability.RelSchema.ITEMS;
import static org.tabula.it.reliability.RelSchema.ODD;
import static org.tabula.it.reliability.RelSchema.OTHER;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.Sql;
import org.tabula.dialect.Dialect;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.error.DataException;
import org.tabula.result.Row;
import org.tabula.statement.Statement;
import org.tabula.type.SqlTypes;

/**
 * Hostile strings through every door a value can come in by. Each must come back exactly as it
 * went in and must never change the statement: the SQL text equals the SQL built for a harmless
 * value, and the table holds exactly the rows the test wrote.
 *
 * <p>Raw SQL where a value is expected is impossible by type: {@code column.eq(T)},
 * {@code set(Column<T>, T)} and {@code values(...)} take values of the column's Java type and
 * bind them; the only ways to put SQL text into a statement are the explicit {@link Sql#raw}
 * and {@link Sql#text} (whose {@code :params} are still bound). Map-based entry points check each
 * value against its column's type at build time.
 */
@ExtendWith(NoBorrowedConnections.class)
class InjectionTest {

    /** Fixed so a failure reproduces; {@code -Dtabula.it.seed=...} and {@code -Dtabula.it.fuzz=...} explore further. */
    private static final long SEED = Long.getLong("tabula.it.seed", 20261125L);
    private static final int VALUES = Integer.getInteger("tabula.it.fuzz", 200);

    static java.util.stream.Stream<String> databases() {
        return Rel.databases();
    }

    /** Same SQL for the hostile value as for a harmless one: the value cannot have changed the statement. */
    private static void sameSql(Dialect dialect, Function<String, Statement> build, String hostile) {
        assertEquals(build.apply("harmless").toSql(dialect).sql(), build.apply(hostile).toSql(dialect).sql(),
                "a value changed the SQL");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void hostileValuesRoundTripThroughEveryEntryPoint(String db) {
        Engine engine = Rel.fresh(db);
        Dialect dialect = engine.dialect();
        List<String> values = new HostileStrings(SEED).many(VALUES, 200);
        String items = dialect.quote(ITEMS.name());
        try (Connection conn = engine.connect()) {
            conn.execute(insert(OTHER).set(OTHER.id, 1L).set(OTHER.label, "keep me"));
            long id = 0;
            for (String v : values) {
                id++;
                final long key = id;
                // insert: set(...) and values(Map)
                sameSql(dialect, s -> insert(ITEMS).set(ITEMS.id, key).set(ITEMS.name, s).set(ITEMS.body, s), v);
                conn.execute(insert(ITEMS).set(ITEMS.id, key).set(ITEMS.name, v).set(ITEMS.body, v));
                assertEquals(key, Rel.rows(conn, ITEMS), "insert of " + describe(v));
                Row row = conn.execute(select(ITEMS.name, ITEMS.body).where(ITEMS.id.eq(key))).one();
                assertEquals(v, row.get(ITEMS.name), "name round trip of " + describe(v));
                assertEquals(v, row.get(ITEMS.body), "body round trip of " + describe(v));

                // where: eq, in, like-family
                assertEquals(List.of(key), ids(conn, ITEMS.name.eq(v).and(ITEMS.id.eq(key))), "eq " + describe(v));
                sameSql(dialect, s -> select(ITEMS.id).where(ITEMS.name.eq(s)), v);
                assertEquals(List.of(key), ids(conn, ITEMS.name.in(List.of(v, "zz", v + "'")).and(ITEMS.id.eq(key))),
                        "in " + describe(v));
                sameSql(dialect, s -> select(ITEMS.id).where(ITEMS.name.in(List.of(s, "b"))), v);
                assertEquals(List.of(key), ids(conn, ITEMS.name.contains(v).and(ITEMS.id.eq(key))), "contains " + describe(v));
                assertEquals(List.of(key), ids(conn, ITEMS.name.startsWith(v).and(ITEMS.id.eq(key))), "startsWith " + describe(v));
                assertEquals(List.of(key), ids(conn, ITEMS.name.endsWith(v).and(ITEMS.id.eq(key))), "endsWith " + describe(v));
                sameSql(dialect, s -> select(ITEMS.id).where(ITEMS.name.contains(s)), v);
                // a raw LIKE pattern is the caller's pattern, but still a value: it can widen the match, never the SQL
                var sp = conn.savepoint();
                try {
                    conn.execute(select(ITEMS.id).where(ITEMS.name.like(v)));
                    sp.release();
                } catch (DataException invalidPattern) {
                    // PostgreSQL refuses a pattern ending in its escape character: a clear error, not an injection
                    assertTrue(invalidPattern.getMessage().contains("LIKE pattern"), invalidPattern.getMessage());
                    sp.rollback();
                }
                sameSql(dialect, s -> select(ITEMS.id).where(ITEMS.name.like(s)), v);
                // (not a control character: MySQL's unicode collations ignore those when comparing)
                assertEquals(List.of(), ids(conn, ITEMS.name.eq(v + "~zq9")), "no accidental match");

                // text() parameters
                Row viaText = conn.execute(text("SELECT name FROM " + items + " WHERE id = :id AND name = :name -- :v")
                        .bind("id", key).bind("name", v).columns(ITEMS.name)).one();
                assertEquals(v, viaText.get(ITEMS.name), "text() round trip of " + describe(v));
                sameSql(dialect, s -> text("SELECT 1 FROM " + items + " WHERE name = :name").bind("name", s), v);

                // update: set(...) and values(Map), in SET and in WHERE
                String w = v + "|" + v;
                assertEquals(1L, conn.execute(update(ITEMS).set(ITEMS.body, w).where(ITEMS.name.eq(v), ITEMS.id.eq(key)))
                        .rowCount(), "update where " + describe(v));
                sameSql(dialect, s -> update(ITEMS).set(ITEMS.body, s).where(ITEMS.name.eq(s)), v);
                assertEquals(w, conn.execute(select(ITEMS.body).where(ITEMS.id.eq(key))).scalarOne());
                conn.execute(update(ITEMS).values(Map.of("body", v)).where(ITEMS.id.eq(key)));
                assertEquals(v, conn.execute(select(ITEMS.body).where(ITEMS.id.eq(key))).scalarOne());
                assertEquals(key, Rel.rows(conn, ITEMS));
            }
            assertEquals(1L, Rel.rows(conn, OTHER), "the other table is untouched");

            // delete with a hostile WHERE removes exactly the matching row
            String victim = values.get(6);
            sameSql(dialect, s -> delete(ITEMS).where(ITEMS.name.eq(s)), victim);
            assertEquals(1L, conn.execute(delete(ITEMS).where(ITEMS.name.eq(victim), ITEMS.id.eq(7L))).rowCount());
            assertEquals(values.size() - 1L, Rel.rows(conn, ITEMS));
            conn.commit();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void hostileValuesThroughExecutemanyAndMultiRowInsert(String db) {
        Engine engine = Rel.fresh(db);
        HostileStrings gen = new HostileStrings(SEED + 1);
        List<String> values = gen.many(2 * VALUES, 200);
        List<Map<String, ?>> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            rows.add(Map.of("id", (long) i + 1, "name", values.get(i), "body", values.get(i)));
        }
        engine.begin(conn -> assertEquals(values.size(), conn.execute(insert(ITEMS), rows).rowCount()));
        var multi = insert(OTHER).columns(OTHER.id, OTHER.label);
        List<String> shorts = gen.many(80, 20).stream().filter(v -> v.codePointCount(0, v.length()) <= 20).limit(50).toList();
        for (int i = 0; i < shorts.size(); i++) {
            multi = multi.values((long) i + 1, shorts.get(i));
        }
        var finalMulti = multi;
        engine.begin(conn -> conn.execute(finalMulti));
        List<Map<String, ?>> updates = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            updates.add(Map.of("id", (long) i + 1, "v", values.get(values.size() - 1 - i)));
        }
        String items = engine.dialect().quote(ITEMS.name());
        engine.begin(conn -> conn.execute(text("UPDATE " + items + " SET body = :v WHERE id = :id"), updates));
        try (Connection conn = engine.connect()) {
            assertEquals(values.size(), Rel.rows(conn, ITEMS));
            List<Row> read = conn.execute(select(ITEMS.id, ITEMS.name, ITEMS.body).orderBy(ITEMS.id)).all();
            for (int i = 0; i < values.size(); i++) {
                assertEquals(values.get(i), read.get(i).get(ITEMS.name), "executemany round trip of " + describe(values.get(i)));
                assertEquals(values.get(values.size() - 1 - i), read.get(i).get(ITEMS.body), "text() executemany");
            }
            assertEquals(shorts, conn.execute(select(OTHER.label).orderBy(OTHER.id)).scalars());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void veryLongValues(String db) {
        Engine engine = Rel.fresh(db);
        HostileStrings gen = new HostileStrings(SEED + 2);
        String longBody = gen.longValue(1_000_000);
        String fullName = gen.longValue(400).codePoints().limit(200)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        engine.begin(conn -> conn.execute(insert(ITEMS).set(ITEMS.id, 1L).set(ITEMS.name, fullName).set(ITEMS.body, longBody)));
        try (Connection conn = engine.connect()) {
            Row row = conn.execute(select(ITEMS.name, ITEMS.body).where(ITEMS.body.eq(longBody))).one();
            assertEquals(fullName, row.get(ITEMS.name));
            assertEquals(longBody, row.get(ITEMS.body));
            assertEquals(1L, Rel.rows(conn, ITEMS));
        }
    }

    /** NUL: SQLite and MariaDB store it; PostgreSQL refuses it in text, and the caller gets a clear DataException. */
    @ParameterizedTest
    @MethodSource("databases")
    void nulCharacter(String db) {
        Engine engine = Rel.fresh(db);
        String withNul = "a\u0000b'\u0000;--";
        if (engine.dialect() == Dialect.POSTGRES) {
            DataException e = assertThrows(DataException.class, () -> engine.begin(conn ->
                    conn.execute(insert(ITEMS).set(ITEMS.id, 1L).set(ITEMS.name, "n").set(ITEMS.body, withNul))));
            assertTrue(e.getMessage().contains("rel_items"), e.getMessage());
            assertTrue(e.getMessage().contains("0x00"), e.getMessage());
            assertEquals(0L, Rel.rows(engine, ITEMS));
            return;
        }
        engine.begin(conn -> conn.execute(insert(ITEMS).set(ITEMS.id, 1L).set(ITEMS.name, withNul).set(ITEMS.body, withNul)));
        try (Connection conn = engine.connect()) {
            Row row = conn.execute(select(ITEMS.name, ITEMS.body).where(ITEMS.name.eq(withNul))).one();
            assertEquals(withNul, row.get(ITEMS.name));
            assertEquals(withNul, row.get(ITEMS.body));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void oddIdentifiersAreQuotedInEveryStatement(String db) {
        Engine engine = Rel.fresh(db);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(ODD).set(ODD.id, 1L).set(ODD.name, "a").set(ODD.order, 1).set(ODD.comment, "c")
                    .set(ODD.from, "f"));
            conn.execute(insert(ODD).columns(ODD.id, ODD.name, ODD.order).values(2L, "b", 2).values(3L, "c", 3));
            conn.execute(insert(ODD), List.of(Map.of("select", 4L, "order", 4), Map.of("select", 5L, "order", 5)));
            assertEquals(5L, Rel.rows(conn, ODD));
            Row row = conn.execute(select(ODD).where(ODD.order.eq(1), ODD.comment.eq("c"), ODD.from.startsWith("f"))
                    .orderBy(ODD.order.desc())).one();
            assertEquals("a", row.get(ODD.name));
            assertEquals(1L, (long) row.get(ODD.id));
            assertEquals(2L, conn.execute(update(ODD).set(ODD.name, "z").set(ODD.from, "w")
                    .where(ODD.order.in(List.of(1, 2)))).rowCount());
            assertEquals(List.of("z", "z"), conn.execute(select(ODD.name).where(ODD.from.eq("w")).orderBy(ODD.id)).scalars());
            assertEquals(1L, conn.execute(delete(ODD).where(ODD.id.eq(3L))).rowCount());
            assertEquals(4L, Rel.rows(conn, ODD));
            var alias = ODD.as("o \"2\" `x`");
            assertEquals(4L, (long) conn.execute(select(Sql.count()).from(alias)).<Long>scalarOne());
            conn.commit();
        }
        RelSchema.METADATA.dropAll(engine);
        RelSchema.METADATA.createAll(engine);
        assertEquals(0L, Rel.rows(engine, ODD));
    }

    /** The only way to put SQL text in a statement is to say so; values never become SQL. */
    @Test
    void rawSqlNeedsTheExplicitEscapeHatch() {
        String attack = "1 OR 1=1";
        for (Dialect d : List.of(Dialect.SQLITE, Dialect.MYSQL, Dialect.MARIADB, Dialect.POSTGRES)) {
            var bound = select(ITEMS.id).where(ITEMS.name.eq(attack)).toSql(d);
            assertTrue(!bound.sql().contains(attack) && bound.sql().endsWith("= ?"), bound.sql());
            // values(Map) checks each value against the column's type: a string is not an integer
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> update(ITEMS).values(Map.of("n", attack)).where(ITEMS.id.eq(1L)));
            assertTrue(e.getMessage().contains("rel_items.n"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> insert(ITEMS).values(Map.of("id", 1L, "name", "x", "n", attack)));
            assertTrue(e.getMessage().contains("rel_items.n"), e.getMessage());
            // a value that looks like a parameter is just a value
            var text = text("SELECT 1 FROM t WHERE a = :a").bind("a", ":a OR :b").toSql(d);
            assertEquals("SELECT 1 FROM t WHERE a = ?", text.sql());
            // function names are checked, as they are identifiers the caller could build from input
            assertThrows(IllegalArgumentException.class,
                    () -> select(Sql.func("count(*) FROM rel_other; --", SqlTypes.BIGINT)).toSql(d));
            // the escape hatch is explicit
            String raw = select(ITEMS.id).where(ITEMS.n.eq(Sql.raw("1 + 1", SqlTypes.INTEGER))).toSql(d).sql();
            assertTrue(raw.endsWith("= 1 + 1"), raw);
        }
        Map<String, Object> values = new HashMap<>();
        values.put("name", "x");
        values.put("id", 1L);
        values.put("n", (Object) Sql.raw("(SELECT count(*) FROM rel_other)", SqlTypes.INTEGER));
        assertTrue(insert(ITEMS).values(values).toSql(Dialect.POSTGRES).sql().contains("SELECT count(*)"),
                "an Expression value in a map is SQL only because the caller built it with Sql.raw");
    }

    private static List<Long> ids(Connection conn, org.tabula.expr.Condition where) {
        return conn.execute(select(ITEMS.id).where(where).orderBy(ITEMS.id)).scalars();
    }

    private static String describe(String v) {
        StringBuilder sb = new StringBuilder("(seed " + SEED + ") [");
        v.codePoints().limit(60).forEach(cp -> {
            if (cp < 0x20 || cp > 0x7e) {
                sb.append(String.format("\\u{%x}", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.append(v.length() > 60 ? "...]" : "]").toString();
    }
}
