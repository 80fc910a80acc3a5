package org.tabula.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.it.reliability.RelSchema.ITEMS;
import static org.tabula.it.reliability.RelSchema.OTHER;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;
import org.tabula.engine.Isolation;
import org.tabula.engine.Propagation;
import org.tabula.engine.TransactionOptions;
import org.tabula.error.OperationalException;
import org.tabula.error.TransactionRolledBackException;
import org.tabula.error.TransactionStateException;
import org.tabula.it.Databases;

/** REQUIRED, REQUIRES_NEW, NESTED, MANDATORY and NEVER, as Spring users know them. */
@ExtendWith(NoBorrowedConnections.class)
class PropagationTest {

    static java.util.stream.Stream<String> databases() {
        return Rel.databases();
    }

    private static TransactionOptions with(Propagation p) {
        return TransactionOptions.propagation(p);
    }

    private static void item(Connection conn, long id) {
        conn.execute(insert(ITEMS).set(ITEMS.id, id).set(ITEMS.name, "item" + id));
    }

    private static List<Long> ids(Engine engine) {
        try (Connection conn = engine.connect()) {
            return conn.execute(select(ITEMS.id).orderBy(ITEMS.id)).scalars();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void requiredJoinsTheCurrentTransaction(String db) {
        Engine engine = Rel.fresh(db);
        assertTrue(engine.currentTransaction().isEmpty());
        assertThrows(IllegalStateException.class, () -> engine.begin(outer -> {
            item(outer, 1L);
            engine.begin(inner -> {
                assertSame(outer, inner, "the same connection and transaction");
                item(inner, 2L);
            });
            assertSame(outer, engine.currentTransaction().orElseThrow());
            throw new IllegalStateException("outer fails after the inner block returned");
        }));
        assertEquals(List.of(), ids(engine), "the joined block's work is undone with the outer transaction");
        assertTrue(engine.currentTransaction().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailedParticipantDoomsTheOuterTransactionEvenIfCaught(String db) {
        Engine engine = Rel.fresh(db);
        TransactionRolledBackException e = assertThrows(TransactionRolledBackException.class, () -> engine.begin(outer -> {
            item(outer, 1L);
            try {
                engine.begin(inner -> {
                    item(inner, 2L);
                    throw new IllegalArgumentException("inner business rule");
                });
            } catch (IllegalArgumentException caught) {
                // the outer block decides to go on
            }
            item(outer, 3L);
        }));
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertEquals(List.of(), ids(engine));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void requiresNewCommitsOnItsOwn(String db) {
        Engine engine = Rel.fresh(db);
        assertThrows(IllegalStateException.class, () -> engine.begin(outer -> {
            outer.execute(select(ITEMS.id));                 // the outer transaction has begun (and only read)
            engine.begin(with(Propagation.REQUIRES_NEW), inner -> {
                assertNotSame(outer, inner);
                assertSame(inner, engine.currentTransaction().orElseThrow());
                item(inner, 1L);
            });
            assertSame(outer, engine.currentTransaction().orElseThrow(), "the outer one is current again");
            if (!db.equals("sqlite")) {
                // SQLite has one writer at a time: a transaction that read before another one committed
                // cannot write afterwards (SQLITE_BUSY_SNAPSHOT), as the README says
                item(outer, 2L);
            }
            throw new IllegalStateException("outer fails");
        }));
        assertEquals(List.of(1L), ids(engine), "the inner transaction committed, the outer rolled back");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void nestedRollsBackItsSavepointOnly(String db) {
        Engine engine = Rel.fresh(db);
        engine.begin(outer -> {
            item(outer, 1L);
            assertThrows(IllegalStateException.class, () -> engine.begin(with(Propagation.NESTED), inner -> {
                item(inner, 2L);
                throw new IllegalStateException("inner fails");
            }));
            engine.begin(with(Propagation.NESTED), inner -> item(inner, 3L));
        });
        assertEquals(List.of(1L, 3L), ids(engine));
        // without a current transaction NESTED starts one
        engine.begin(with(Propagation.NESTED), conn -> item(conn, 4L));
        assertEquals(List.of(1L, 3L, 4L), ids(engine));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void mandatoryAndNever(String db) {
        Engine engine = Rel.fresh(db);
        TransactionStateException none = assertThrows(TransactionStateException.class,
                () -> engine.begin(with(Propagation.MANDATORY), conn -> item(conn, 1L)));
        assertTrue(none.getMessage().contains("MANDATORY"), none.getMessage());
        engine.begin(outer -> {
            engine.begin(with(Propagation.MANDATORY), inner -> item(inner, 2L));
            assertThrows(TransactionStateException.class, () -> engine.begin(with(Propagation.NEVER), inner -> item(inner, 3L)));
        });
        engine.begin(with(Propagation.NEVER), conn -> item(conn, 4L));
        assertEquals(List.of(2L, 4L), ids(engine));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void joiningWithOtherCharacteristicsIsAnError(String db) {
        Engine engine = Rel.fresh(db);
        engine.begin(TransactionOptions.isolation(Isolation.SERIALIZABLE), outer -> {
            engine.begin(TransactionOptions.isolation(Isolation.SERIALIZABLE), inner -> item(inner, 1L));
            assertThrows(TransactionStateException.class,
                    () -> engine.begin(TransactionOptions.isolation(Isolation.READ_COMMITTED), inner -> item(inner, 2L)));
            assertThrows(TransactionStateException.class,
                    () -> engine.begin(TransactionOptions.readOnlyTransaction(), inner -> item(inner, 3L)));
        });
        assertEquals(List.of(1L), ids(engine), "a refused join never ran, so the outer transaction commits");
    }

    /** REQUIRES_NEW on a pool with no free connection ends after the connection timeout: no deadlock. */
    @ParameterizedTest
    @MethodSource("databases")
    void requiresNewOnAnExhaustedPoolTimesOut(String db) {
        Rel.fresh(db);
        try (Engine engine = Databases.newEngine(db, EngineOptions.defaults().poolSize(1).maxOverflow(0)
                .connectionTimeout(Duration.ofMillis(300)))) {
            OperationalException e = assertThrows(OperationalException.class, () -> engine.begin(outer ->
                    engine.begin(with(Propagation.REQUIRES_NEW), inner -> item(inner, 1L))));
            assertTrue(e.getMessage().contains("connection"), e.getMessage());
            assertEquals(0, engine.poolStatus().active());
            engine.begin(conn -> item(conn, 2L));
            assertEquals(List.of(2L), ids(engine));
        }
    }
}
