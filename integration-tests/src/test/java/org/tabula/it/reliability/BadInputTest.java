package org.tabula.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.delete;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Sql.text;
import static org.tabula.Sql.update;
import static org.tabula.it.reliability.RelSchema.ITEMS;
import static org.tabula.it.reliability.RelSchema.OTHER;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.dialect.Dialect;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.TransactionWork;
import org.tabula.error.DataException;
import org.tabula.error.DatabaseException;
import org.tabula.error.NotNullViolationException;
import org.tabula.error.UniqueViolationException;

/**
 * Bad input gets an exception whose message names the table and the column (or parameter) at
 * fault, and nothing is written: not the bad row, not the work before it in the transaction.
 */
@ExtendWith(NoBorrowedConnections.class)
class BadInputTest {

    static java.util.stream.Stream<String> databases() {
        return Rel.databases();
    }

    private static Engine prepared(String db) {
        Engine engine = Rel.fresh(db);
        engine.begin(conn -> {
            conn.execute(insert(ITEMS).set(ITEMS.id, 1L).set(ITEMS.name, "one").set(ITEMS.code, "taken"));
            conn.execute(insert(OTHER).set(OTHER.id, 1L).set(OTHER.label, "o"));
        });
        return engine;
    }

    /**
     * Runs {@code work} in a transaction after a good insert; expects {@code type} with a message
     * naming every one of {@code names}; checks that nothing was written.
     */
    private static <T extends Throwable> T refused(Engine engine, Class<T> type, TransactionWork work, String... names) {
        T e = assertThrows(type, () -> engine.begin(conn -> {
            conn.execute(insert(OTHER).set(OTHER.id, 2L).set(OTHER.label, "written first"));
            work.run(conn);
        }));
        for (String name : names) {
            assertTrue(e.getMessage().contains(name), "message lacks " + name + ": " + e.getMessage());
        }
        try (Connection conn = engine.connect()) {
            assertEquals(List.of(1L), conn.execute(select(ITEMS.id).orderBy(ITEMS.id)).scalars(), "rel_items changed");
            assertEquals(List.of("one"), conn.execute(select(ITEMS.name)).scalars());
            assertEquals(List.of(1L), conn.execute(select(OTHER.id)).scalars(), "rel_other changed");
        }
        return e;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void nullIntoNotNull(String db) {
        Engine engine = prepared(db);
        refused(engine, NotNullViolationException.class,
                conn -> conn.execute(insert(ITEMS).set(ITEMS.id, 2L).set(ITEMS.name, (String) null)), "rel_items.name");
        refused(engine, NotNullViolationException.class,
                conn -> conn.execute(insert(ITEMS).set(ITEMS.id, 2L)), "rel_items.name");
        refused(engine, NotNullViolationException.class,
                conn -> conn.execute(update(ITEMS).set(ITEMS.name, (String) null).where(ITEMS.id.eq(1L))), "rel_items.name");
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("id", 3L);
        nullName.put("name", null);
        refused(engine, NotNullViolationException.class,
                conn -> conn.execute(update(ITEMS).values(nullName).where(ITEMS.id.eq(1L))), "rel_items.name");
        refused(engine, NotNullViolationException.class, conn -> conn.execute(insert(ITEMS), manyRowsWith(500, nullName)),
                "rel_items.name");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void stringTooLongForItsVarchar(String db) {
        Engine engine = prepared(db);
        String tooLong = "x".repeat(201);
        refused(engine, DataException.class,
                conn -> conn.execute(insert(ITEMS).set(ITEMS.id, 2L).set(ITEMS.name, tooLong)), "rel_items.name", "200");
        refused(engine, DataException.class,
                conn -> conn.execute(update(ITEMS).set(ITEMS.code, "c".repeat(21)).where(ITEMS.id.eq(1L))), "rel_items.code");
        refused(engine, DataException.class,
                conn -> conn.execute(insert(ITEMS), manyRowsWith(700, Map.of("id", 9999L, "name", tooLong))), "rel_items.name");
        // 200 four-byte characters fit: the limit counts characters, not UTF-16 units or bytes
        String emoji = "\uD83C\uDF0D".repeat(200);
        engine.begin(conn -> conn.execute(insert(ITEMS).set(ITEMS.id, 2L).set(ITEMS.name, emoji)));
        assertEquals(emoji, engine.transaction(conn -> conn.execute(select(ITEMS.name).where(ITEMS.id.eq(2L))).scalarOne()));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void wrongTypeThroughTextParameters(String db) {
        Engine engine = prepared(db);
        String items = engine.dialect().quote(ITEMS.name());
        var statement = text("UPDATE " + items + " SET n = :n WHERE id = :id");
        if (engine.dialect() == Dialect.SQLITE) {
            // SQLite's flexible typing stores the text as given; there is no server-side type to break
            engine.begin(conn -> conn.execute(statement.bind("n", "not a number").bind("id", 1L)));
            return;
        }
        // the message names the column (driver) and the table (the SQL)
        refused(engine, DatabaseException.class,
                conn -> conn.execute(statement.bind("n", "not a number").bind("id", 1L)), "rel_items", "n");
        refused(engine, DatabaseException.class,
                conn -> conn.execute(statement, List.of(Map.of("n", 5, "id", 1L), Map.of("n", "five", "id", 1L))), "rel_items");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void unknownAndForeignColumns(String db) {
        Engine engine = prepared(db);
        refused(engine, IllegalArgumentException.class, conn -> conn.execute(insert(ITEMS).set(ITEMS.id, 2L)
                .set(ITEMS.name, "x").set(OTHER.label, "foreign")), "rel_other.label", "rel_items");
        refused(engine, IllegalArgumentException.class,
                conn -> conn.execute(update(ITEMS).set(OTHER.label, "foreign").where(ITEMS.id.eq(1L))), "rel_other.label", "rel_items");
        refused(engine, IllegalArgumentException.class,
                conn -> conn.execute(insert(ITEMS).values(Map.of("id", 2L, "name", "x", "nmae", "typo"))), "rel_items", "nmae");
        refused(engine, IllegalArgumentException.class,
                conn -> conn.execute(update(ITEMS).values(Map.of("nmae", "typo")).where(ITEMS.id.eq(1L))), "rel_items", "nmae");
        refused(engine, IllegalArgumentException.class,
                conn -> conn.execute(insert(ITEMS), Map.of("id", 2L, "name", "x", "nmae", "typo")), "rel_items", "nmae");
        // executemany: the first row decides the columns; a later row with a misspelt key must not be half-ignored
        refused(engine, IllegalArgumentException.class,
                conn -> conn.execute(insert(ITEMS), manyRowsWith(300, Map.of("id", 5000L, "name", "x", "nmae", "typo"))),
                "rel_items", "nmae");
        refused(engine, IllegalArgumentException.class,
                conn -> conn.execute(insert(ITEMS), manyRowsWith(300, Map.of("id", 5000L))), "rel_items", "name");
        // as many keys as the first row, one of them misspelt
        refused(engine, IllegalArgumentException.class,
                conn -> conn.execute(insert(ITEMS), manyRowsWith(300, Map.of("id", 5000L, "nmae", "typo"))),
                "rel_items", "nmae");
        refused(engine, IllegalArgumentException.class,
                conn -> conn.executeManyReturningKeys(insert(ITEMS), manyRowsWith(300, Map.of("id", 5000L, "nmae", "typo")),
                        ITEMS.id), "rel_items", "nmae");
        // a column of another table in a WHERE: the database refuses it, and says which
        refused(engine, DatabaseException.class,
                conn -> conn.execute(update(ITEMS).set(ITEMS.n, 1).where(OTHER.label.eq("o"))), "rel_items", "rel_other");
        refused(engine, DatabaseException.class,
                conn -> conn.execute(delete(ITEMS).where(OTHER.label.eq("o"))), "rel_items", "rel_other");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void updateAndDeleteWithoutWhereMustSayAllRows(String db) {
        Engine engine = prepared(db);
        refused(engine, IllegalStateException.class, conn -> conn.execute(update(ITEMS).set(ITEMS.n, 1)), "rel_items", "allRows");
        refused(engine, IllegalStateException.class, conn -> conn.execute(delete(ITEMS)), "rel_items", "allRows");
        engine.begin(conn -> assertEquals(1L, conn.execute(update(ITEMS).set(ITEMS.n, 7).allRows()).rowCount()));
        assertEquals(7, (int) engine.transaction(conn -> conn.execute(select(ITEMS.n)).scalarOne()));
    }

    /** An empty IN list is a valid condition that matches nothing (NOT IN matches everything), never an error or a full-table write. */
    @ParameterizedTest
    @MethodSource("databases")
    void emptyInListMatchesNothing(String db) {
        Engine engine = prepared(db);
        engine.begin(conn -> {
            assertEquals(0L, conn.execute(update(ITEMS).set(ITEMS.n, 1).where(ITEMS.id.in(List.of()))).rowCount());
            assertEquals(0L, conn.execute(delete(ITEMS).where(ITEMS.name.in(List.of()))).rowCount());
            assertEquals(List.of(1L), conn.execute(select(ITEMS.id).where(ITEMS.id.notIn(List.of()))).scalars());
        });
        assertEquals(1L, Rel.rows(engine, ITEMS));
    }

    /** The column is named in the message itself, not only in the SQL it quotes. */
    @ParameterizedTest
    @MethodSource("databases")
    void duplicateUniqueValue(String db) {
        Engine engine = prepared(db);
        List<Throwable> errors = new ArrayList<>();
        errors.add(refused(engine, UniqueViolationException.class,
                conn -> conn.execute(insert(ITEMS).set(ITEMS.id, 2L).set(ITEMS.name, "x").set(ITEMS.code, "taken")),
                "rel_items", "code"));
        errors.add(refused(engine, UniqueViolationException.class, conn -> {
            conn.execute(insert(ITEMS).set(ITEMS.id, 2L).set(ITEMS.name, "x").set(ITEMS.code, "free"));
            conn.execute(update(ITEMS).set(ITEMS.code, "taken").where(ITEMS.id.eq(2L)));
        }, "rel_items", "code"));
        errors.add(refused(engine, UniqueViolationException.class,
                conn -> conn.execute(insert(ITEMS), codedRowsWith(400, "taken")), "rel_items", "code"));
        for (Throwable e : errors) {
            assertTrue(withoutSql(e).contains("rel_items.code"), e.getMessage());
        }
        // Tabula never puts the batch's bound values in a message (PostgreSQL's batch error would quote them all)
        assertFalse(errors.get(2).getMessage().contains("r200"), errors.get(2).getMessage());
        Throwable pk = refused(engine, UniqueViolationException.class,
                conn -> conn.execute(insert(ITEMS).set(ITEMS.id, 1L).set(ITEMS.name, "same key")), "rel_items", "id");
        assertTrue(withoutSql(pk).contains("rel_items.id"), pk.getMessage());
    }

    private static String withoutSql(Throwable e) {
        String m = e.getMessage();
        int at = m.indexOf(" [SQL: ");
        return at < 0 ? m : m.substring(0, at);
    }

    /** {@code n} rows for rel_items with unique codes, except the one in the middle, whose code is {@code code}. */
    private static List<Map<String, ?>> codedRowsWith(int n, String code) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(Map.of("id", 100L + i, "name", "r" + i, "code", i == n / 2 ? code : "k" + i));
        }
        return rows;
    }

    /** {@code n} good rows for rel_items with {@code bad} in the middle. */
    private static List<Map<String, ?>> manyRowsWith(int n, Map<String, ?> bad) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(i == n / 2 ? bad : Map.of("id", 100L + i, "name", "r" + i));
        }
        return rows;
    }
}
