package org.tabula.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.select;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;
import org.tabula.error.UniqueViolationException;
import org.tabula.schema.Column;

/** A failed flush: the session refuses work until rollback(), and every rollback discards unflushed changes. */
class PendingRollbackTest {

    static {
        Shop.init();
    }

    @TempDir
    Path dir;
    Engine engine;
    SessionFactory sessions;
    final List<String> sql = new CopyOnWriteArrayList<>();
    final Column<Integer> age = Mapper.column(Shop.Customer.class, "age");
    final Column<String> name = Mapper.column(Shop.Customer.class, "name");

    @BeforeEach
    void setUp() {
        engine = Engine.create("jdbc:sqlite:" + dir.resolve("orm.db"), EngineOptions.defaults().listener((s, p) -> sql.add(s)));
        Mapper.metaData(Shop.Customer.class, Shop.Profile.class).createAll(engine);
        sessions = SessionFactory.of(engine);
        sessions.begin(s -> {
            Shop.Customer ann = new Shop.Customer("ann");
            ann.age = 30;
            s.add(ann);
        });
        sql.clear();
    }

    @AfterEach
    void tearDown() {
        assertEquals(0, engine.poolStatus().active(), "sessions give their connection back");
        engine.close();
    }

    private Integer storedAge(String customer) {
        try (Connection conn = engine.connect()) {
            return conn.execute(select(age).from(age.table()).where(name.eq(customer))).scalarOne();
        }
    }

    private List<String> updates() {
        return sql.stream().filter(s -> s.startsWith("UPDATE")).toList();
    }

    @Test
    void rollbackDiscardsUnflushedChanges() {
        try (Session session = sessions.openSession()) {
            Shop.Customer ann = session.select(Shop.Customer.class).one();
            ann.age = 31;
            session.rollback();
            assertEquals(30, ann.age, "the loaded value is back");
            assertFalse(session.isModified(ann));
            sql.clear();
            session.commit();
            assertEquals(List.of(), updates(), "the rolled back change is not written by the next commit");
        }
        assertEquals(30, storedAge("ann"));
    }

    @Test
    void rollbackDiscardsAChangedDeferredColumn() {
        long id = sessions.inTransaction(s -> {
            Shop.Profile p = new Shop.Profile();
            p.handle = "ann";
            p.bio = Lazy.of("stored");
            s.add(p);
            s.flush();
            return p.id;
        });
        try (Session session = sessions.openSession()) {
            Shop.Profile p = session.get(Shop.Profile.class, id);
            p.bio.set("changed");                                  // never loaded: set over the unloaded holder
            session.rollback();
            sql.clear();
            session.commit();
            assertEquals(List.of(), updates());
            assertEquals("stored", session.get(Shop.Profile.class, id).bio.get(), "loaded again from the database");
        }
    }

    @Test
    void aFailedFlushRefusesWorkUntilRollback() {
        try (Session session = sessions.openSession()) {
            Shop.Customer ann = session.select(Shop.Customer.class).one();
            ann.age = 31;
            Shop.Customer dup = new Shop.Customer("ann");
            session.add(dup);
            UniqueViolationException failure = assertThrows(UniqueViolationException.class, session::flush);
            assertNull(dup.id);
            assertNull(dup.updatedAt, "client defaults set by the failed flush are undone");

            PendingRollbackException refused = assertThrows(PendingRollbackException.class, () -> session.get(Shop.Customer.class, 1L));
            assertSame(failure, refused.getCause());
            assertEquals("This Session's transaction has been rolled back due to a previous exception during flush"
                    + " (UniqueViolationException: " + failure.getMessage() + "). Call rollback() to begin a new transaction.",
                    refused.getMessage());
            for (Runnable work : List.<Runnable>of(session::flush, session::commit, session::connection,
                    () -> session.select(Shop.Customer.class), () -> session.execute(select(age).from(age.table())),
                    () -> session.add(new Shop.Customer("bob")), () -> session.delete(ann), () -> session.merge(new Shop.Customer("cid")),
                    () -> session.refresh(ann))) {
                assertSame(failure, assertThrows(PendingRollbackException.class, work::run).getCause());
            }
            assertTrue(session.contains(ann), "bookkeeping questions are still answered");
            assertFalse(session.contains(dup));
            session.expunge(ann);

            session.rollback();
            sql.clear();
            session.commit();
            assertEquals(List.of(), updates());
            Shop.Customer reloaded = session.select(Shop.Customer.class).one();
            reloaded.age = 32;
            session.commit();
        }
        assertEquals(32, storedAge("ann"));
    }

    @Test
    void beginRollsBackAfterAFailedFlush() {
        try (Session session = sessions.openSession()) {
            assertThrows(UniqueViolationException.class, () -> session.begin(s -> {
                s.select(Shop.Customer.class).one().age = 31;
                s.add(new Shop.Customer("ann"));
            }));
            // Work that swallows the flush failure ends with the refusal of what it tried next (caused by that failure).
            PendingRollbackException refused = assertThrows(PendingRollbackException.class, () -> session.begin(s -> {
                s.add(new Shop.Customer("ann"));
                assertThrows(UniqueViolationException.class, s::flush);
                s.add(new Shop.Customer("bob"));
            }));
            assertTrue(refused.getCause() instanceof UniqueViolationException, String.valueOf(refused.getCause()));
            assertEquals(30, session.select(Shop.Customer.class).one().age, "rolled back by begin(): usable again");
        }
        assertEquals(30, storedAge("ann"));
    }
}
