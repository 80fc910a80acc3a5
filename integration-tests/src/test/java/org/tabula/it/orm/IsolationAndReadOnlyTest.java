package org.tabula.it.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.update;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.dialect.Dialect;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;
import org.tabula.engine.Isolation;
import org.tabula.engine.TransactionOptions;
import org.tabula.error.ReadOnlyTransactionException;
import org.tabula.it.Databases;
import org.tabula.orm.SessionFactory;

/** Isolation levels and read-only transactions, per transaction and as engine defaults. */
class IsolationAndReadOnlyTest {

    private static final org.tabula.schema.Column<Long> ID = org.tabula.orm.Mapper.column(OrmUser.class, "id");

    static Stream<String> databases() {
        return Databases.names().stream();
    }

    private static long seedAnn(SessionFactory sessions) {
        return sessions.inTransaction(session -> {
            OrmUser ann = new OrmUser("ann");
            ann.age = 30;
            session.add(ann);
            session.flush();
            return ann.id;
        });
    }

    /** Commits {@code age} for {@code id} on a connection of its own, outside the caller's transaction. */
    private static void outsideWriter(Engine engine, long id, int age) {
        try (Connection other = engine.connect()) {
            other.execute(update(OrmScenariosTest.USERS).set(OrmScenariosTest.AGE, age)
                    .where(ID.eq(id)));
            other.commit();
        }
    }

    /** What {@code refresh()} sees of a change committed by another connection during the transaction. */
    private static int ageAfterRefresh(SessionFactory sessions, long id, Isolation isolation) {
        outsideWriter(sessions.engine(), id, 30);
        return sessions.inTransaction(TransactionOptions.isolation(isolation), session -> {
            OrmUser ann = session.getOne(OrmUser.class, id);      // the snapshot starts here
            assertEquals(30, ann.age);
            outsideWriter(sessions.engine(), id, 31);
            session.refresh(ann);
            return ann.age;
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void repeatableReadKeepsTheSnapshotReadCommittedSeesTheChange(String db) {
        SessionFactory sessions = OrmScenariosTest.fresh(db);
        long id = seedAnn(sessions);
        assertEquals(30, ageAfterRefresh(sessions, id, Isolation.REPEATABLE_READ), "REPEATABLE READ keeps its snapshot");
        if (!Databases.isMySql(db)) {
            // InnoDB's SERIALIZABLE reads take shared locks, so the outside writer would wait for this transaction
            assertEquals(30, ageAfterRefresh(sessions, id, Isolation.SERIALIZABLE), "SERIALIZABLE keeps its snapshot");
        }
        // SQLite runs every level as SERIALIZABLE (documented): its snapshot holds under READ COMMITTED too
        int expected = sessions.engine().dialect() == Dialect.SQLITE ? 30 : 31;
        assertEquals(expected, ageAfterRefresh(sessions, id, Isolation.READ_COMMITTED), "READ COMMITTED");
        // a later transaction sees the committed value on every database
        outsideWriter(sessions.engine(), id, 31);
        assertEquals(31, (int) sessions.inTransaction(session -> session.getOne(OrmUser.class, id).age));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aReadOnlyTransactionRefusesWritesAndLeavesThePoolWritable(String db) {
        SessionFactory sessions = OrmScenariosTest.fresh(db);
        long id = seedAnn(sessions);
        Engine engine = sessions.engine();
        assertThrows(ReadOnlyTransactionException.class, () -> engine.begin(TransactionOptions.readOnlyTransaction(),
                conn -> conn.execute(insert(OrmScenariosTest.USERS).set(OrmScenariosTest.NAME, "bob"))));
        assertThrows(ReadOnlyTransactionException.class, () -> sessions.begin(TransactionOptions.readOnlyTransaction(),
                session -> session.getOne(OrmUser.class, id).age = 40));
        assertEquals(30, (int) sessions.inTransaction(TransactionOptions.readOnlyTransaction(),
                session -> session.getOne(OrmUser.class, id).age), "reads work");
        // every pooled connection is writable again afterwards
        for (int i = 0; i < 3; i++) {
            engine.begin(conn -> conn.execute(update(OrmScenariosTest.USERS).set(OrmScenariosTest.AGE, 32).allRows()));
        }
        assertEquals(32, (int) sessions.inTransaction(session -> session.getOne(OrmUser.class, id).age));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void engineDefaults(String db) {
        OrmScenariosTest.fresh(db);
        EngineOptions base = EngineOptions.defaults().poolSize(1).maxOverflow(0).connectionTimeout(Duration.ofSeconds(5));
        try (Engine engine = Databases.newEngine(db, base.isolation(Isolation.SERIALIZABLE))) {
            engine.begin(conn -> {
                assertEquals(Isolation.SERIALIZABLE, conn.isolation());
                assertEquals(java.sql.Connection.TRANSACTION_SERIALIZABLE, conn.jdbc().getTransactionIsolation());
            });
        }
        try (Engine engine = Databases.newEngine(db, base.readOnly(true))) {
            assertThrows(ReadOnlyTransactionException.class, () -> engine.begin(
                    conn -> conn.execute(insert(OrmScenariosTest.USERS).set(OrmScenariosTest.NAME, "bob"))));
            // one transaction may still ask to write
            engine.begin(TransactionOptions.defaults().readOnly(false),
                    conn -> conn.execute(insert(OrmScenariosTest.USERS).set(OrmScenariosTest.NAME, "cid")));
            assertThrows(ReadOnlyTransactionException.class, () -> engine.begin(
                    conn -> conn.execute(insert(OrmScenariosTest.USERS).set(OrmScenariosTest.NAME, "dan"))));
        }
        assertEquals(1L, OrmScenariosTest.rows(Databases.engine(db), OrmScenariosTest.USERS));
    }
}
