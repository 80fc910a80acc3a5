package org.tabula.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.it.reliability.RelSchema.ITEMS;

import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.Savepoint;
import org.tabula.error.TransactionAbortedException;
import org.tabula.error.TransactionRolledBackException;
import org.tabula.error.UniqueViolationException;

/**
 * A statement that failed outside a savepoint dooms its transaction on every database, as
 * PostgreSQL does on its own: a block that swallows the exception gets a rollback and an exception
 * at its end, never a "successful" commit that lost or kept half of the work.
 */
@ExtendWith(NoBorrowedConnections.class)
class SwallowedFailureTest {

    static java.util.stream.Stream<String> databases() {
        return Rel.databases();
    }

    private static void insertItem(Connection conn, long id, String name, String code) {
        conn.execute(insert(ITEMS).set(ITEMS.id, id).set(ITEMS.name, name).set(ITEMS.code, code));
    }

    /** Inserts row 1, then swallows a unique violation. */
    private static void insertThenSwallowClash(Connection conn) {
        insertItem(conn, 1L, "first", "u");
        try {
            insertItem(conn, 2L, "clash", "u");
        } catch (UniqueViolationException swallowed) {
            // the program ignores it and returns normally
        }
    }

    private static List<Long> ids(Engine engine) {
        try (Connection conn = engine.connect()) {
            return conn.execute(select(ITEMS.id).orderBy(ITEMS.id)).scalars();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void beginThatSwallowedAFailureRollsBackAndSaysWhy(String db) {
        Engine engine = Rel.fresh(db);
        TransactionRolledBackException e = assertThrows(TransactionRolledBackException.class,
                () -> engine.begin(SwallowedFailureTest::insertThenSwallowClash));
        assertInstanceOf(UniqueViolationException.class, e.getCause());
        assertTrue(e.getMessage().contains("rolled back") && e.getMessage().contains("UniqueViolationException"),
                e.getMessage());
        assertEquals(List.of(), ids(engine));

        assertThrows(TransactionRolledBackException.class, () -> engine.transaction(conn -> {
            insertThenSwallowClash(conn);
            return 1;
        }));
        assertEquals(List.of(), ids(engine));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void commitAsYouGoRefusesToCommitAfterASwallowedFailure(String db) {
        Engine engine = Rel.fresh(db);
        try (Connection conn = engine.connect()) {
            insertThenSwallowClash(conn);
            assertTrue(conn.isRollbackOnly());
            assertThrows(TransactionRolledBackException.class, conn::commit);
            // the connection goes on with a new transaction
            insertItem(conn, 3L, "after", "v");
            conn.commit();
        }
        assertEquals(List.of(3L), ids(engine));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void statementsAfterAFailureAreRefusedUntilRollback(String db) {
        Engine engine = Rel.fresh(db);
        try (Connection conn = engine.connect()) {
            insertThenSwallowClash(conn);
            TransactionAbortedException refused = assertThrows(TransactionAbortedException.class,
                    () -> insertItem(conn, 3L, "refused", "w"));
            assertInstanceOf(UniqueViolationException.class, refused.getCause());
            assertThrows(TransactionAbortedException.class, () -> conn.execute(select(ITEMS.id)));
            conn.rollback();
            insertItem(conn, 4L, "after rollback", "w");
            conn.commit();
        }
        assertEquals(List.of(4L), ids(engine));
    }

    /** The way to go on after an expected failure: a savepoint, on every database. */
    @ParameterizedTest
    @MethodSource("databases")
    void aSavepointLetsTheTransactionGoOn(String db) {
        Engine engine = Rel.fresh(db);
        engine.begin(conn -> {
            insertItem(conn, 1L, "first", "u");
            assertThrows(UniqueViolationException.class, () -> conn.nested(c -> {
                insertItem(c, 2L, "clash", "u");
                return null;
            }));
            Savepoint sp = conn.savepoint();
            try {
                insertItem(conn, 3L, "clash again", "u");
            } catch (UniqueViolationException expected) {
                sp.rollback();
            }
            assertTrue(sp.isEnded());
            assertEquals(false, conn.isRollbackOnly());
            insertItem(conn, 4L, "goes on", "v");
        });
        assertEquals(List.of(1L, 4L), ids(engine));
    }

    /** A savepoint block that swallowed its own failure is rolled back, like a transaction; the outer one goes on. */
    @ParameterizedTest
    @MethodSource("databases")
    void aSavepointThatSwallowedAFailureIsRolledBackNotReleased(String db) {
        Engine engine = Rel.fresh(db);
        engine.begin(conn -> {
            insertItem(conn, 10L, "outer", "x");
            TransactionRolledBackException e = assertThrows(TransactionRolledBackException.class, () -> conn.nested(c -> {
                insertThenSwallowClash(c);
                return null;
            }));
            assertInstanceOf(UniqueViolationException.class, e.getCause());
            // statements inside a doomed savepoint are refused too, and its release rolls it back
            Savepoint sp = conn.savepoint();
            insertItem(conn, 11L, "in savepoint", "y");
            assertThrows(UniqueViolationException.class, () -> insertItem(conn, 12L, "clash", "y"));
            assertThrows(TransactionAbortedException.class, () -> insertItem(conn, 13L, "refused", "z"));
            assertThrows(TransactionRolledBackException.class, sp::release);
            insertItem(conn, 14L, "outer again", "z");
        });
        assertEquals(List.of(10L, 14L), ids(engine));
    }

    /** A failure while executemany's later rows are checked, after earlier batches ran, dooms the transaction. */
    @ParameterizedTest
    @MethodSource("databases")
    void executemanyRefusedHalfWayDoomsTheTransaction(String db) {
        Engine engine = Rel.fresh(db);
        List<java.util.Map<String, ?>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            rows.add(java.util.Map.of("id", (long) i, "name", i == 1200 ? "x".repeat(300) : "row" + i));
        }
        try (Connection conn = engine.connect()) {
            assertThrows(RuntimeException.class, () -> conn.execute(insert(ITEMS), rows));
            assertTrue(conn.isRollbackOnly(), "rows 0..999 were sent before row 1200 was refused");
            assertThrows(TransactionRolledBackException.class, conn::commit);
        }
        assertEquals(List.of(), ids(engine));
    }
}
