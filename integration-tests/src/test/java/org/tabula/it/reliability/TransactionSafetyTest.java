package org.tabula.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.delete;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Sql.text;
import static org.tabula.Sql.update;
import static org.tabula.it.reliability.RelSchema.ITEMS;
import static org.tabula.it.reliability.RelSchema.OTHER;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.Savepoint;
import org.tabula.error.DatabaseException;
import org.tabula.error.TabulaException;
import org.tabula.error.TransactionAbortedException;
import org.tabula.error.UniqueViolationException;

/** Any exception inside a transaction undoes everything since it began; savepoints undo alone. */
@ExtendWith(NoBorrowedConnections.class)
class TransactionSafetyTest {

    static java.util.stream.Stream<String> databases() {
        return Rel.databases();
    }

    /** {@code n} rows whose {@code code} is unique, except row {@code clash}, which repeats row 10's code. */
    private static List<Map<String, ?>> rowsWithClashAt(int n, int clash) {
        List<Map<String, ?>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(Map.of("id", 1000L + i, "name", "row" + i, "code", i == clash ? "c10" : "c" + i));
        }
        return rows;
    }

    private static void seed(Engine engine) {
        engine.begin(conn -> {
            conn.execute(insert(ITEMS).set(ITEMS.id, 1L).set(ITEMS.name, "before").set(ITEMS.n, 1));
            conn.execute(insert(OTHER).set(OTHER.id, 1L).set(OTHER.label, "before"));
        });
    }

    private static void assertUntouched(Engine engine) {
        try (Connection conn = engine.connect()) {
            assertEquals(List.of("before"), conn.execute(select(ITEMS.name).orderBy(ITEMS.id)).scalars());
            assertEquals(1, (int) conn.execute(select(ITEMS.n)).scalarOne());
            assertEquals(List.of("before"), conn.execute(select(OTHER.label)).scalars());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void failureInTheMiddleOfAnExecutemanyRollsBackEverything(String db) {
        Engine engine = Rel.fresh(db);
        seed(engine);
        // row 500 of 1,000 (one JDBC batch), after other work in the same transaction
        UniqueViolationException e = assertThrows(UniqueViolationException.class, () -> engine.begin(conn -> {
            conn.execute(insert(OTHER).set(OTHER.id, 2L).set(OTHER.label, "lost"));
            conn.execute(update(ITEMS).set(ITEMS.n, 2).where(ITEMS.id.eq(1L)));
            conn.execute(insert(ITEMS), rowsWithClashAt(1000, 500));
        }));
        assertTrue(e.getMessage().contains("rel_items"), e.getMessage());
        assertUntouched(engine);
        // row 2,200 of 2,500: the first 1,000-row batches have already run when it fails
        assertThrows(UniqueViolationException.class, () -> engine.transaction(conn ->
                conn.execute(insert(ITEMS), rowsWithClashAt(2500, 2200))));
        assertUntouched(engine);
        // the same through Connection.inTransaction
        try (Connection conn = engine.connect()) {
            assertThrows(UniqueViolationException.class, () -> conn.inTransaction(c ->
                    c.execute(insert(ITEMS), rowsWithClashAt(1000, 999))));
            assertEquals(1L, Rel.rows(conn, ITEMS));
        }
        assertUntouched(engine);
        // and the engine still works
        engine.begin(conn -> assertEquals(1000L, conn.execute(insert(ITEMS), rowsWithClashAt(1000, -1)).rowCount()));
        assertEquals(1001L, Rel.rows(engine, ITEMS));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void failureInTheMiddleOfAMultiStatementBlockRollsBackEverything(String db) {
        Engine engine = Rel.fresh(db);
        seed(engine);
        String items = engine.dialect().quote(ITEMS.name());
        List<RuntimeException> failures = List.of(new IllegalStateException("application error"),
                new UnsupportedOperationException("another"));
        for (RuntimeException failure : failures) {
            RuntimeException thrown = assertThrows(RuntimeException.class, () -> engine.begin(conn -> {
                conn.execute(insert(ITEMS).set(ITEMS.id, 2L).set(ITEMS.name, "new"));
                conn.execute(update(ITEMS).set(ITEMS.n, 99).where(ITEMS.id.eq(1L)));
                conn.execute(text("UPDATE " + items + " SET name = :n WHERE id = :id").bind("n", "renamed").bind("id", 1L));
                conn.execute(delete(OTHER).where(OTHER.id.eq(1L)));
                conn.execute(insert(OTHER), List.of(Map.of("id", 5L, "label", "x"), Map.of("id", 6L, "label", "y")));
                throw failure;
            }));
            assertEquals(failure, thrown, "the caller sees the original exception");
            assertUntouched(engine);
        }
        // a checked exception rolls back too, wrapped
        TabulaException wrapped = assertThrows(TabulaException.class, () -> engine.begin(conn -> {
            conn.execute(insert(ITEMS).set(ITEMS.id, 2L).set(ITEMS.name, "new"));
            throw new IOException("disk full");
        }));
        assertInstanceOf(IOException.class, wrapped.getCause());
        assertUntouched(engine);
        // a database error in the middle
        assertThrows(DatabaseException.class, () -> engine.begin(conn -> {
            conn.execute(insert(ITEMS).set(ITEMS.id, 2L).set(ITEMS.name, "new"));
            conn.execute(delete(OTHER).where(OTHER.id.eq(1L)));
            conn.execute(insert(ITEMS).set(ITEMS.id, 1L).set(ITEMS.name, "duplicate key"));
            conn.execute(insert(ITEMS).set(ITEMS.id, 3L).set(ITEMS.name, "never reached"));
        }));
        assertUntouched(engine);
        // an Error (not an Exception) rolls back as well
        assertThrows(AssertionError.class, () -> engine.begin(conn -> {
            conn.execute(insert(ITEMS).set(ITEMS.id, 2L).set(ITEMS.name, "new"));
            throw new AssertionError("bug");
        }));
        assertUntouched(engine);
        // a block that returns normally commits
        engine.begin(conn -> conn.execute(insert(ITEMS).set(ITEMS.id, 2L).set(ITEMS.name, "kept")));
        assertEquals(2L, Rel.rows(engine, ITEMS));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void savepointRollbackLeavesTheOuterTransactionUsable(String db) {
        Engine engine = Rel.fresh(db);
        seed(engine);
        engine.begin(conn -> {
            conn.execute(insert(ITEMS).set(ITEMS.id, 2L).set(ITEMS.name, "outer").set(ITEMS.code, "u"));
            // a failed statement inside nested(): on PostgreSQL this aborts the transaction unless the savepoint is rolled back
            assertThrows(UniqueViolationException.class, () -> conn.nested(c -> {
                c.execute(insert(ITEMS).set(ITEMS.id, 3L).set(ITEMS.name, "inner"));
                return c.execute(insert(ITEMS).set(ITEMS.id, 4L).set(ITEMS.name, "clash").set(ITEMS.code, "u"));
            }));
            conn.execute(insert(ITEMS).set(ITEMS.id, 5L).set(ITEMS.name, "after nested"));
            // the same with a hand-held savepoint
            Savepoint sp = conn.savepoint();
            assertThrows(UniqueViolationException.class,
                    () -> conn.execute(insert(ITEMS).set(ITEMS.id, 2L).set(ITEMS.name, "duplicate key")));
            sp.rollback();
            conn.execute(insert(ITEMS).set(ITEMS.id, 6L).set(ITEMS.name, "after savepoint"));
            // savepoints nest
            conn.nested(c -> {
                c.execute(insert(ITEMS).set(ITEMS.id, 7L).set(ITEMS.name, "kept inner"));
                assertThrows(IllegalStateException.class, () -> c.nested(c2 -> {
                    c2.execute(insert(ITEMS).set(ITEMS.id, 8L).set(ITEMS.name, "dropped"));
                    throw new IllegalStateException("inner");
                }));
                return null;
            });
        });
        try (Connection conn = engine.connect()) {
            assertEquals(List.of(1L, 2L, 5L, 6L, 7L), conn.execute(select(ITEMS.id).orderBy(ITEMS.id)).scalars());
        }
        // outer failure after a released savepoint still undoes the savepoint's work
        assertThrows(IllegalStateException.class, () -> engine.begin(conn -> {
            conn.nested(c -> c.execute(insert(ITEMS).set(ITEMS.id, 9L).set(ITEMS.name, "released")));
            throw new IllegalStateException("outer");
        }));
        assertEquals(5L, Rel.rows(engine, ITEMS));
    }

    /**
     * A failed statement outside a savepoint dooms the transaction on every database (PostgreSQL
     * does so itself): the next statement is refused, and begin() rolls back cleanly.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void failedStatementWithoutSavepointStillRollsBackCleanly(String db) {
        Engine engine = Rel.fresh(db);
        seed(engine);
        TransactionAbortedException refused = assertThrows(TransactionAbortedException.class, () -> engine.begin(conn -> {
            conn.execute(insert(ITEMS).set(ITEMS.id, 2L).set(ITEMS.name, "new"));
            try {
                conn.execute(insert(ITEMS).set(ITEMS.id, 1L).set(ITEMS.name, "duplicate key"));
            } catch (UniqueViolationException swallowed) {
                // the caller ignores the error and goes on
            }
            conn.execute(insert(ITEMS).set(ITEMS.id, 3L).set(ITEMS.name, "refused on every database"));
        }));
        assertInstanceOf(UniqueViolationException.class, refused.getCause());
        assertUntouched(engine);
    }
}
