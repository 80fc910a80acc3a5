package org.tabula.it.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.count;
import static org.tabula.Sql.select;
import static org.tabula.Sql.update;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.error.IntegrityException;
import org.tabula.error.UniqueViolationException;
import org.tabula.it.Databases;
import org.tabula.orm.Mapper;
import org.tabula.orm.PendingRollbackException;
import org.tabula.orm.Session;
import org.tabula.orm.SessionFactory;
import org.tabula.schema.Column;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;

/**
 * After a failed flush nothing of its unit of work reaches the database later: the transaction is
 * rolled back, the session refuses work until {@code rollback()}, and that rollback discards the
 * pending changes (dirty attributes, added objects, deletions, values the flush assigned).
 */
class FailedFlushTest {

    static final MetaData METADATA = Mapper.metaData(FfCountry.class, FfCity.class, FfStreet.class);
    static final Table COUNTRIES = Mapper.table(FfCountry.class);
    static final Table CITIES = Mapper.table(FfCity.class);
    static final Table STREETS = Mapper.table(FfStreet.class);
    static final Column<String> COUNTRY_NAME = Mapper.column(FfCountry.class, "name");
    static final Column<Integer> POPULATION = Mapper.column(FfCountry.class, "population");
    static final Column<Long> COUNTRY_ID = Mapper.column(FfCountry.class, "id");
    static final Column<String> CITY_NAME = Mapper.column(FfCity.class, "name");

    static Stream<String> databases() {
        return Databases.names().stream();
    }

    /** Fresh tables holding country "Existing" (population 1) with city "Taken". */
    static SessionFactory fresh(String db) {
        Engine engine = Databases.engine(db);
        METADATA.dropAll(engine);
        METADATA.createAll(engine);
        SessionFactory sessions = SessionFactory.of(engine);
        sessions.begin(s -> {
            FfCountry existing = new FfCountry("Existing", 1);
            existing.cities.add(new FfCity("Taken"));
            s.add(existing);
        });
        return sessions;
    }

    static long rows(Engine engine, Table table) {
        try (Connection conn = engine.connect()) {
            return conn.execute(select(count()).from(table)).scalarOne();
        }
    }

    static Integer population(Engine engine, String country) {
        try (Connection conn = engine.connect()) {
            return conn.execute(select(POPULATION).from(COUNTRIES).where(COUNTRY_NAME.eq(country))).scalarOne();
        }
    }

    static List<String> names(Engine engine, Column<String> column) {
        try (Connection conn = engine.connect()) {
            return conn.execute(select(column).from(column.table()).orderBy(column.asc())).scalars();
        }
    }

    /** What {@link #fresh} wrote is all there is: no change of a failed unit of work got through. */
    static void assertSeedOnly(Engine engine) {
        assertEquals(1, population(engine, "Existing"), "the failed unit of work's change never reaches the database");
        assertEquals(List.of("Existing"), names(engine, COUNTRY_NAME));
        assertEquals(List.of("Taken"), names(engine, CITY_NAME));
    }

    static FfCountry existing(Session session) {
        return session.select(FfCountry.class).filterBy("name", "Existing").one();
    }

    /** Makes {@code existing} dirty and adds a city whose name is taken: the next flush fails on its INSERT. */
    static FfCity dirtyAndDuplicate(Session session, FfCountry existing) {
        existing.population = 2;
        FfCity dup = new FfCity("Taken");
        dup.country.set(existing);
        session.add(dup);
        return dup;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailedInsertLeavesNothingForTheNextCommit(String db) {
        SessionFactory sessions = fresh(db);
        Engine engine = sessions.engine();
        try (Session session = sessions.openSession()) {
            FfCountry existing = existing(session);
            existing.population = 2;                                 // a dirty attribute of the failing unit of work
            FfCountry fresh = new FfCountry("Fresh", 7);
            FfCity a = new FfCity("A");
            FfCity dup = new FfCity("Taken");
            FfCity c = new FfCity("C");
            fresh.cities.addAll(List.of(a, dup, c));
            session.add(fresh);                                      // 4 INSERTs: the 3rd violates the unique name
            UniqueViolationException failure = assertThrows(UniqueViolationException.class, session::flush);

            assertNull(fresh.id, "the generated key of the rolled back INSERT is undone");
            for (FfCity city : List.of(a, dup, c)) {
                assertNull(city.id);
                assertNull(city.countryId, "the foreign key the flush took from the pending parent is undone");
            }
            PendingRollbackException refused = assertThrows(PendingRollbackException.class, session::commit);
            assertSame(failure, refused.getCause());
            assertTrue(refused.getMessage().contains("UniqueViolationException") && refused.getMessage().contains("rollback()"),
                    refused.getMessage());
            assertEquals(1, population(engine, "Existing"), "nothing written");

            session.rollback();
            assertEquals(1, existing.population, "the dirty attribute is discarded");
            assertTrue(session.isExpired(existing));
            assertFalse(session.contains(fresh) || session.contains(a) || session.contains(dup) || session.contains(c),
                    "objects only added leave the session");
            session.commit();                                        // the next, unrelated commit
            assertSeedOnly(engine);

            assertSame(existing, existing(session), "reloaded into the same object");
            existing.population = 3;
            session.commit();
            assertEquals(3, population(engine, "Existing"), "the session works again after rollback()");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailedUpdateUndoesTheUpdatesBeforeIt(String db) {
        SessionFactory sessions = fresh(db);
        Engine engine = sessions.engine();
        sessions.begin(s -> s.addAll(List.of(new FfCountry("A", 10), new FfCountry("B", 20), new FfCountry("C", 30))));
        try (Session session = sessions.openSession()) {
            List<FfCountry> abc = session.select(FfCountry.class).where(COUNTRY_NAME.in(List.of("A", "B", "C")))
                    .orderBy(COUNTRY_ID.asc()).all();
            abc.get(0).population = 11;
            abc.get(1).name = "Existing";                            // the 2nd of 3 UPDATEs violates the unique name
            abc.get(2).population = 31;
            UniqueViolationException failure = assertThrows(UniqueViolationException.class, session::commit);

            PendingRollbackException refused = assertThrows(PendingRollbackException.class, session::flush);
            assertSame(failure, refused.getCause());
            session.rollback();
            assertEquals(List.of(10, 20, 30), abc.stream().map(c -> c.population).toList());
            assertEquals("B", abc.get(1).name);
            session.commit();
        }
        assertEquals(List.of("A", "B", "C", "Existing"), names(engine, COUNTRY_NAME));
        assertEquals(List.of(10, 20, 30), List.of(population(engine, "A"), population(engine, "B"), population(engine, "C")));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailedDeleteBringsTheDeletedObjectsBack(String db) {
        SessionFactory sessions = fresh(db);
        Engine engine = sessions.engine();
        long[] ids = sessions.inTransaction(s -> {
            FfCountry land = new FfCountry("Land", 5);
            FfCountry empty = new FfCountry("Empty", 0);
            FfCity one = new FfCity("One");
            FfCity two = new FfCity("Two");
            land.cities.addAll(List.of(one, two));
            s.addAll(List.of(land, empty));
            s.flush();
            FfStreet main = new FfStreet(one.id, "Main");
            s.add(main);
            s.add(new FfStreet(two.id, "High"));                     // keeps city Two from being deleted (RESTRICT)
            s.flush();
            return new long[] {main.id, two.id, empty.id, one.id};
        });
        try (Session session = sessions.openSession()) {
            FfStreet main = session.get(FfStreet.class, ids[0]);
            FfCity two = session.get(FfCity.class, ids[1]);
            FfCountry empty = session.get(FfCountry.class, ids[2]);
            FfCity one = session.get(FfCity.class, ids[3]);
            one.name = "Uno";                                       // an UPDATE that runs before the DELETEs
            session.delete(main);                                   // DELETEs, children first: street (fine),
            session.delete(two);                                    // city (still has a street: fails),
            session.delete(empty);                                  // country (never sent)
            IntegrityException failure = assertThrows(IntegrityException.class, session::flush);

            assertSame(failure, assertThrows(PendingRollbackException.class, () -> session.get(FfStreet.class, ids[0])).getCause());
            session.rollback();
            assertTrue(session.contains(main) && session.contains(two) && session.contains(empty), "deletions are undone");
            assertFalse(session.isModified(main) || session.isModified(two) || session.isModified(one));
            assertEquals("One", one.name);
            assertSame(main, session.get(FfStreet.class, ids[0]));
            session.commit();
        }
        assertEquals(2, rows(engine, STREETS));
        assertEquals(List.of("One", "Taken", "Two"), names(engine, CITY_NAME));
        assertEquals(List.of("Empty", "Existing", "Land"), names(engine, COUNTRY_NAME));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailedAutoflushBeforeAQuery(String db) {
        SessionFactory sessions = fresh(db);
        Engine engine = sessions.engine();
        try (Session session = sessions.openSession()) {
            FfCountry existing = existing(session);
            FfCity dup = dirtyAndDuplicate(session, existing);
            UniqueViolationException failure = assertThrows(UniqueViolationException.class,
                    () -> session.select(FfCity.class).all());

            for (Runnable refused : List.<Runnable>of(
                    () -> session.get(FfCountry.class, existing.id),
                    () -> session.select(FfCountry.class).all(),
                    () -> session.execute(update(COUNTRIES).set(POPULATION, 9).where(COUNTRY_NAME.eq("Existing"))),
                    () -> session.add(new FfCountry("Other", 1)),
                    () -> session.delete(existing),
                    session::connection,
                    session::flush,
                    session::commit)) {
                assertSame(failure, assertThrows(PendingRollbackException.class, refused::run).getCause());
            }
            session.rollback();
            assertFalse(session.contains(dup));
            assertEquals(1, existing.population);
            assertEquals(List.of("Taken"), session.select(FfCity.class).all().stream().map(c -> c.name).toList());
            session.commit();
        }
        assertSeedOnly(engine);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void beginEndsWithTheFlushFailureAndLeavesTheSessionUsable(String db) {
        SessionFactory sessions = fresh(db);
        Engine engine = sessions.engine();
        assertThrows(UniqueViolationException.class, () -> sessions.begin(s -> {
            existing(s).population = 2;
            s.add(new FfCountry("Existing", 3));
        }));
        assertEquals(1, population(engine, "Existing"));
        try (Session session = sessions.openSession()) {
            FfCountry existing = existing(session);
            assertThrows(UniqueViolationException.class, () -> session.begin(s -> dirtyAndDuplicate(s, existing)));
            assertEquals(1, existing.population, "rolled back by begin(): the dirty attribute is gone");
            session.begin(s -> existing(s).name = "Renamed");
        }
        assertEquals(1, population(engine, "Renamed"));
        assertEquals(1, rows(engine, CITIES));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void closeAfterAFailedFlush(String db) {
        SessionFactory sessions = fresh(db);
        Engine engine = sessions.engine();
        Session session = sessions.openSession();
        try {
            dirtyAndDuplicate(session, existing(session));
            assertThrows(UniqueViolationException.class, session::flush);
        } finally {
            session.close();
        }
        assertTrue(session.isClosed());
        assertSeedOnly(engine);
    }
}
