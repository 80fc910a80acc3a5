package org.tabula.it.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.count;
import static org.tabula.Sql.delete;
import static org.tabula.Sql.select;
import static org.tabula.Sql.update;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;
import org.tabula.error.UniqueViolationException;
import org.tabula.it.Databases;
import org.tabula.orm.DetachedInstanceException;
import org.tabula.orm.Lazy;
import org.tabula.orm.Mapper;
import org.tabula.orm.Session;
import org.tabula.orm.SessionFactory;
import org.tabula.schema.Column;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;

/** The ORM's unit of work, identity map and expiry, for real on SQLite, MariaDB and PostgreSQL. */
class OrmScenariosTest {

    static final MetaData METADATA = Mapper.metaData(OrmUser.class, OrmAddress.class, OrmTag.class);
    static final Table USERS = Mapper.table(OrmUser.class);
    static final Table ADDRESSES = Mapper.table(OrmAddress.class);
    static final Column<String> NAME = Mapper.column(OrmUser.class, "name");
    static final Column<Integer> AGE = Mapper.column(OrmUser.class, "age");

    static Stream<String> databases() {
        return Databases.names().stream();
    }

    static SessionFactory fresh(String db) {
        Engine engine = Databases.engine(db);
        METADATA.dropAll(engine);
        METADATA.createAll(engine);
        return SessionFactory.of(engine);
    }

    static long rows(Engine engine, Table table) {
        try (Connection conn = engine.connect()) {
            return conn.execute(select(count()).from(table)).scalarOne();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void addFlushChildOneCommit(String db) {
        SessionFactory sessions = fresh(db);
        long userId;
        try (Session session = sessions.openSession()) {
            OrmUser ann = new OrmUser("ann");
            session.add(ann);
            session.flush();
            assertNotNull(ann.id, "id available after flush");
            assertEquals("active", ann.status, "server default visible after flush");
            assertNotNull(ann.createdAt, "server now() visible after flush");
            assertNotNull(ann.updatedAt, "client default visible after flush");
            session.add(new OrmAddress(ann.id, "ann@example.com"));
            session.commit();
            userId = ann.id;
        }
        sessions.begin(session -> {
            OrmUser ann = session.get(OrmUser.class, userId);
            assertSame(ann, session.get(OrmUser.class, userId), "identity map");
            assertSame(ann, session.query(OrmUser.class).filterBy("name", "ann").one());
            assertEquals(1, session.select(OrmAddress.class).filterBy("userId", userId).all().size());
            ann.name = "Ann";
        });
        sessions.begin(session -> {
            OrmUser ann = session.select(OrmUser.class).where(NAME.eq("Ann")).one();
            session.delete(ann);
        });
        assertEquals(0, rows(sessions.engine(), USERS));
        assertEquals(0, rows(sessions.engine(), ADDRESSES), "ON DELETE CASCADE");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void dirtyTrackingSendsOnlyChangedColumns(String db) {
        fresh(db);
        List<String> sql = new CopyOnWriteArrayList<>();
        try (Engine engine = Databases.newEngine(db, EngineOptions.defaults().poolSize(2).listener((s, p) -> sql.add(s)))) {
            SessionFactory sessions = SessionFactory.of(engine);
            long id = sessions.inTransaction(s -> {
                OrmUser u = new OrmUser("ann");
                s.add(u);
                s.flush();
                return u.id;
            });
            try (Session session = sessions.openSession()) {
                OrmUser u = session.get(OrmUser.class, id);
                sql.clear();
                u.age = 33;
                session.commit();
                List<String> updates = sql.stream().filter(s -> s.startsWith("UPDATE")).toList();
                assertEquals(1, updates.size(), sql.toString());
                String update = updates.get(0);
                assertTrue(update.contains("age") && update.contains("updated_at"), update);
                assertFalse(update.contains("name") || update.contains("status") || update.contains("created_at"), update);
                assertEquals(33, session.get(OrmUser.class, id).age);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void rollbackLeavesNothing(String db) {
        SessionFactory sessions = fresh(db);
        try (Session session = sessions.openSession()) {
            OrmUser u = new OrmUser("ann");
            session.add(u);
            session.flush();
            session.add(new OrmAddress(u.id, "a@example.com"));
            session.flush();
            session.rollback();
            assertFalse(session.contains(u));
        }
        assertEquals(0, rows(sessions.engine(), USERS));
        assertEquals(0, rows(sessions.engine(), ADDRESSES));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void flushFailureRollsBackTheTransaction(String db) {
        SessionFactory sessions = fresh(db);
        sessions.begin(s -> s.add(new OrmUser("ann")));
        try (Session session = sessions.openSession()) {
            session.add(new OrmUser("bob"));
            session.flush();
            session.add(new OrmUser("ann"));
            UniqueViolationException e = assertThrows(UniqueViolationException.class, session::commit);
            assertTrue(e.getMessage().contains("orm_users"), e.getMessage());
        }
        assertEquals(1, rows(sessions.engine(), USERS), "nothing half-written");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void expireRefreshAfterOutsideUpdate(String db) {
        SessionFactory sessions = fresh(db);
        try (Session session = sessions.openSession()) {
            OrmUser u = new OrmUser("ann");
            session.add(u);
            session.commit();
            assertTrue(session.isExpired(u), "expireOnCommit");
            try (Connection conn = sessions.engine().connect()) {
                conn.execute(update(USERS).set(AGE, 60).where(NAME.eq("ann")));
                conn.commit();
            }
            assertNull(u.age, "a plain field read never runs SQL");
            assertSame(u, session.get(OrmUser.class, u.id));
            assertEquals(60, u.age, "reloaded by get");
            session.commit();
            try (Connection conn = sessions.engine().connect()) {
                conn.execute(update(USERS).set(AGE, 61).where(NAME.eq("ann")));
                conn.commit();
            }
            session.refresh(u);
            assertEquals(61, u.age);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void detachedAfterClose(String db) {
        SessionFactory sessions = fresh(db);
        OrmUser u;
        try (Session session = sessions.openSession()) {
            u = new OrmUser("ann");
            session.add(u);
            session.commit();
        }
        assertEquals("ann", u.name);
        u.age = 5;
        sessions.begin(s -> s.merge(u));
        Integer age = sessions.inTransaction(s -> s.get(OrmUser.class, u.id).age);
        assertEquals(5, age);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void bulkUpdateAndDeleteKeepIdentityMapConsistent(String db) {
        SessionFactory sessions = fresh(db);
        try (Session session = sessions.openSession()) {
            OrmUser ann = new OrmUser("ann");
            ann.age = 10;
            OrmUser bob = new OrmUser("bob");
            bob.age = 40;
            session.addAll(List.of(ann, bob));
            session.execute(update(USERS).set(AGE, AGE.plus(1)).where(AGE.lt(18)));     // autoflush first
            assertEquals(11, ann.age);
            assertEquals(40, bob.age);
            session.execute(delete(USERS).where(NAME.eq("bob")));
            assertFalse(session.contains(bob));
            assertNull(session.get(OrmUser.class, bob.id));
            session.commit();
        }
        assertEquals(1, rows(sessions.engine(), USERS));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void flushOrderParentsBeforeChildren(String db) {
        SessionFactory sessions = fresh(db);
        try (Session session = sessions.openSession()) {
            OrmAddress address = new OrmAddress(1000L, "x@example.com");
            OrmUser user = new OrmUser("ann");
            user.id = 1000L;
            session.add(address);
            session.add(user);
            session.commit();
            session.delete(user);
            session.delete(address);
            session.commit();
        }
        assertEquals(0, rows(sessions.engine(), USERS));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void insertsOfOneTableAreBatchedWhenNothingComesBack(String db) {
        fresh(db);
        List<String> sql = new CopyOnWriteArrayList<>();
        try (Engine engine = Databases.newEngine(db, EngineOptions.defaults().poolSize(2).listener((s, p) -> sql.add(s)))) {
            SessionFactory sessions = SessionFactory.of(engine);
            List<OrmTag> tags = List.of(new OrmTag("a", null), new OrmTag("b", "bee"), new OrmTag("c", null));
            sessions.begin(s -> s.addAll(tags));
            assertEquals(1, sql.stream().filter(s -> s.startsWith("INSERT")).count(), sql.toString());
            assertTrue(tags.stream().allMatch(t -> t.id != null));
            try (Session session = sessions.openSession()) {
                OrmTag b = session.get(OrmTag.class, tags.get(1).id);
                assertEquals("bee", b.note);
                assertNull(session.get(OrmTag.class, tags.get(0).id).note);
                assertEquals(3, session.select(OrmTag.class).count());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void deferredColumnLoadsOnAccess(String db) {
        SessionFactory sessions = fresh(db);
        long id = sessions.inTransaction(s -> {
            OrmUser u = new OrmUser("ann");
            u.bio = Lazy.of("x".repeat(10_000));
            s.add(u);
            s.flush();
            return u.id;
        });
        OrmUser detached;
        try (Session session = sessions.openSession()) {
            OrmUser u = session.get(OrmUser.class, id);
            assertFalse(u.bio.isLoaded());
            assertEquals(10_000, u.bio.get().length());
            u.bio.set("short");
            session.commit();
            detached = session.get(OrmUser.class, id);
            assertEquals("ann", detached.name);
        }
        assertThrows(DetachedInstanceException.class, () -> detached.bio.get());
        assertEquals("short", sessions.inTransaction(s -> s.get(OrmUser.class, id).bio.get()));
    }
}
