package org.tabula.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.count;
import static org.tabula.Sql.delete;
import static org.tabula.Sql.select;
import static org.tabula.Sql.update;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;

class SessionTest {

    static {
        Shop.init();
    }

    @TempDir
    Path dir;
    Engine engine;
    SessionFactory sessions;
    final List<String> sql = new CopyOnWriteArrayList<>();
    final Table customers = Mapper.table(Shop.Customer.class);
    final Column<String> name = Mapper.column(Shop.Customer.class, "name");
    final Column<Integer> age = Mapper.column(Shop.Customer.class, "age");

    @BeforeEach
    void setUp() {
        engine = Engine.create("jdbc:sqlite:" + dir.resolve("orm.db"),
                EngineOptions.defaults().listener((s, p) -> sql.add(s)));
        MetaData md = Mapper.metaData(Shop.Customer.class, Shop.Order.class, Shop.Tag.class, Shop.Note.class, Shop.Profile.class, Shop.Membership.class);
        md.add(Shop.Pets.PETS);
        md.createAll(engine);
        sessions = SessionFactory.of(engine);
        sql.clear();
    }

    @AfterEach
    void tearDown() {
        assertEquals(0, engine.poolStatus().active(), "sessions give their connection back");
        engine.close();
    }

    private long countRows(Table table) {
        try (Connection conn = engine.connect()) {
            return conn.execute(select(count()).from(table)).scalarOne();
        }
    }

    @Entity(table = "counters")
    public static class Counter {
        @MappedColumn(primaryKey = true)
        public Long id;
        @MappedColumn(nullable = true)
        public int hits;      // a primitive over a nullable column: a NULL row cannot become an object

        public Counter() {
        }
    }

    @Test
    void aRowThatCannotBecomeAnObjectLeavesNoTraceInTheIdentityMap() {
        Table counters = Mapper.table(Counter.class);
        Column<Long> id = Mapper.column(Counter.class, "id");
        Column<Integer> hits = Mapper.column(Counter.class, "hits");
        Mapper.metaData(Counter.class).createAll(engine);
        engine.begin(conn -> conn.execute(org.tabula.Sql.insert(counters).set(id, 1L).set(hits, (Integer) null)));
        try (Session session = sessions.openSession()) {
            OrmException e = assertThrows(OrmException.class, () -> session.select(Counter.class).all());
            assertTrue(e.getMessage().contains("hits"), e.getMessage());
            session.connection().execute(update(counters).set(hits, 5).where(id.eq(1L)));
            Counter loaded = session.get(Counter.class, 1L);
            assertNotNull(loaded, "the failed row was not left behind as an object-less identity");
            assertEquals(5, loaded.hits);
            assertSame(loaded, session.select(Counter.class).one());
        }
    }

    @Test
    void addFlushUseIdCommit() {
        try (Session session = sessions.openSession()) {
            Shop.Customer ann = new Shop.Customer("ann");
            session.add(ann);
            assertNull(ann.id);
            session.flush();
            assertNotNull(ann.id, "generated key set at flush");
            assertEquals("active", ann.status, "server default fetched back");
            assertNotNull(ann.createdAt, "server now() fetched back");
            assertNotNull(ann.updatedAt, "client default drawn and kept");
            session.add(new Shop.Order(ann.id, "book", 2));
            session.commit();
        }
        assertEquals(1, countRows(customers));
        assertEquals(1, countRows(Mapper.table(Shop.Order.class)));
    }

    @Test
    void identityMapAndQueries() {
        long id = sessions.inTransaction(s -> {
            Shop.Customer ann = new Shop.Customer("ann");
            s.addAll(List.of(ann, new Shop.Customer("bob")));
            s.flush();
            return ann.id;
        });
        try (Session session = sessions.openSession()) {
            Shop.Customer a = session.get(Shop.Customer.class, id);
            int before = sql.size();
            assertSame(a, session.get(Shop.Customer.class, id), "second get hits the identity map");
            assertEquals(before, sql.size(), "no SQL for an identity map hit");
            assertSame(a, session.select(Shop.Customer.class).where(name.eq("ann")).one());
            assertSame(a, session.query(Shop.Customer.class).filterBy("name", "ann").first());
            assertSame(a, session.query(Shop.Customer.class).filterBy(Map.of("name", "ann", "status", "active")).scalarOneOrNull());
            assertEquals(List.of("ann", "bob"), session.select(Shop.Customer.class).orderBy(name.asc()).all()
                    .stream().map(c -> c.name).toList());
            assertEquals(2, session.select(Shop.Customer.class).count());
            assertNull(session.get(Shop.Customer.class, 999L));
            List<Shop.CustomerName> names = session.select(Shop.CustomerName.class).orderBy(name.desc()).all();
            assertEquals("bob", names.get(0).name(), "records are read models");
        }
    }

    @Test
    void dirtyTrackingSendsOnlyChangedColumns() {
        long id = sessions.inTransaction(s -> {
            Shop.Customer c = new Shop.Customer("ann");
            s.add(c);
            s.flush();
            return c.id;
        });
        try (Session session = sessions.openSession()) {
            Shop.Customer c = session.get(Shop.Customer.class, id);
            sql.clear();
            session.flush();
            assertTrue(sql.isEmpty(), "nothing changed, nothing sent: " + sql);
            c.age = 40;
            assertTrue(session.isModified(c));
            session.commit();
            List<String> updates = sql.stream().filter(s -> s.startsWith("UPDATE")).toList();
            assertEquals(1, updates.size(), sql.toString());
            String u = updates.get(0);
            assertTrue(u.contains("\"age\"") && u.contains("\"updated_at\""), u);
            assertFalse(u.contains("\"name\"") || u.contains("\"status\""), u);
        }
    }

    @Test
    void rollbackLeavesNothing() {
        try (Session session = sessions.openSession()) {
            Shop.Customer ann = new Shop.Customer("ann");
            session.add(ann);
            session.flush();
            session.rollback();
            assertFalse(session.contains(ann));
        }
        assertEquals(0, countRows(customers));
        assertThrows(IllegalStateException.class, () -> sessions.begin(s -> {
            s.add(new Shop.Customer("bob"));
            s.flush();
            throw new IllegalStateException("boom");
        }));
        assertEquals(0, countRows(customers));
    }

    @Test
    void flushFailureRollsBackEverything() {
        sessions.begin(s -> s.add(new Shop.Customer("ann")));
        try (Session session = sessions.openSession()) {
            Shop.Customer bob = new Shop.Customer("bob");
            session.add(bob);
            session.flush();
            Shop.Customer dup = new Shop.Customer("ann");
            session.add(dup);
            UniqueViolationException e = assertThrows(UniqueViolationException.class, session::commit);
            assertTrue(e.getMessage().contains("customers"), e.getMessage());
            assertNull(dup.id);
            assertFalse(session.contains(bob));
        }
        assertEquals(1, countRows(customers), "bob's earlier flush was rolled back too");
    }

    @Test
    void flushOrderFollowsForeignKeys() {
        try (Session session = sessions.openSession()) {
            Shop.Order order = new Shop.Order(1000L, "pen", 1);
            Shop.Customer c = new Shop.Customer("ann");
            c.id = 1000L;
            session.add(order);                   // child first on purpose
            session.add(c);
            session.commit();
            List<String> inserts = sql.stream().filter(s -> s.startsWith("INSERT")).toList();
            assertTrue(inserts.get(0).contains("\"customers\""), inserts.toString());
            sql.clear();
            session.delete(c);
            session.delete(order);
            session.commit();
            List<String> deletes = sql.stream().filter(s -> s.startsWith("DELETE")).toList();
            assertTrue(deletes.get(0).contains("\"orders\""), deletes.toString());
        }
        assertEquals(0, countRows(customers));
    }

    @Test
    void insertsWithoutGeneratedValuesAreBatched() {
        try (Session session = sessions.openSession()) {
            List<Shop.Tag> tags = List.of(new Shop.Tag("a"), new Shop.Tag("b"), new Shop.Tag("c"));
            session.addAll(tags);
            session.flush();
            assertTrue(tags.stream().allMatch(t -> t.id != null), "client-side default keys");
            assertEquals(1, sql.stream().filter(s -> s.startsWith("INSERT")).count(), sql.toString());
            session.commit();
        }
        assertEquals(3, countRows(Mapper.table(Shop.Tag.class)));
    }

    @Test
    void expireAndRefreshAfterOutsideUpdate() {
        long id = sessions.inTransaction(s -> {
            Shop.Customer c = new Shop.Customer("ann");
            s.add(c);
            s.flush();
            return c.id;
        });
        try (Session session = sessions.openSession()) {
            Shop.Customer c = session.get(Shop.Customer.class, id);
            session.commit();                                  // releases the connection, expires c
            assertTrue(session.isExpired(c));
            assertEquals("ann", c.name, "fields keep their last values");
            try (Connection conn = engine.connect()) {
                conn.execute(update(customers).set(name, "ANN").where(name.eq("ann")));
                conn.commit();
            }
            assertSame(c, session.get(Shop.Customer.class, id));
            assertEquals("ANN", c.name, "expired object reloaded by get");
            assertFalse(session.isExpired(c));
            session.commit();
            try (Connection conn = engine.connect()) {
                conn.execute(update(customers).set(age, 7).where(name.eq("ANN")));
                conn.commit();
            }
            session.refresh(c);
            assertEquals(7, c.age);
            session.expire(c);
            session.select(Shop.Customer.class).all();
            assertFalse(session.isExpired(c), "a query touching it reloads it");
        }
    }

    @Test
    void bulkUpdateAndDeleteKeepIdentityMapConsistent() {
        try (Session session = sessions.openSession()) {
            Shop.Customer ann = new Shop.Customer("ann");
            ann.age = 10;
            Shop.Customer bob = new Shop.Customer("bob");
            bob.age = 30;
            session.addAll(List.of(ann, bob));
            session.flush();
            session.execute(update(customers).set(age, age.plus(1)).where(age.lt(18)));
            assertEquals(11, ann.age, "synchronized");
            assertEquals(30, bob.age);
            session.execute(delete(customers).where(name.eq("bob")));
            assertFalse(session.contains(bob));
            assertNull(session.get(Shop.Customer.class, bob.id));
            session.commit();
        }
        assertEquals(1, countRows(customers));
    }

    @Test
    void detachedObjectsAndMerge() {
        Shop.Customer detached;
        try (Session session = sessions.openSession()) {
            detached = new Shop.Customer("ann");
            session.add(detached);
            session.commit();
            Lazy<String> lazy = Lazy.loading("Customer.bio", session, s -> "loaded");
            session.close();
            assertEquals("ann", detached.name, "loaded fields stay readable");
            DetachedInstanceException e = assertThrows(DetachedInstanceException.class, lazy::get);
            assertTrue(e.getMessage().contains("Customer.bio"), e.getMessage());
            assertThrows(OrmException.class, () -> session.get(Shop.Customer.class, 1L));
        }
        detached.age = 50;
        try (Session session = sessions.openSession()) {
            Shop.Customer merged = session.merge(detached);
            assertNotSame(detached, merged);
            assertEquals(50, merged.age);
            session.commit();
            session.expireAll();
            assertEquals(50, session.get(Shop.Customer.class, detached.id).age);
        }
    }

    @Test
    void deleteAndCoreTableMapping() {
        sessions.begin(s -> {
            s.add(new Shop.Pet(null, "ann", "rex"));
            s.add(new Shop.Pet(null, "bob", null));
        });
        sessions.begin(s -> {
            Shop.Pet rex = s.query(Shop.Pet.class).filterBy("nick", "rex").one();
            assertEquals("ann", rex.ownerName);
            s.delete(rex);
        });
        assertEquals(1, countRows(Shop.Pets.PETS));
    }

    @Test
    void recordsCannotBeAdded() {
        try (Session session = sessions.openSession()) {
            OrmException e = assertThrows(OrmException.class, () -> session.add(new Shop.CustomerName(1L, "x")));
            assertTrue(e.getMessage().contains("read-only"), e.getMessage());
        }
    }

    @Test
    void autoflushBeforeQueriesOnlyWhenEnabled() {
        try (Session session = sessions.autoflush(false).openSession()) {
            session.add(new Shop.Customer("ann"));
            assertEquals(0, session.select(Shop.Customer.class).all().size(), "not flushed yet");
            session.flush();
            assertEquals(1, session.select(Shop.Customer.class).all().size());
            session.rollback();
        }
        try (Session session = sessions.openSession()) {
            Shop.Customer ann = new Shop.Customer("ann");
            session.add(ann);
            assertSame(ann, session.select(Shop.Customer.class).one(), "autoflush, then the same object");
        }
    }

    @Test
    void sessionBeginCommitsOrRollsBack() {
        try (Session session = sessions.openSession()) {
            session.begin(s -> s.add(new Shop.Customer("ann")));
            assertThrows(UniqueViolationException.class, () -> session.begin(s -> s.add(new Shop.Customer("ann"))));
            assertEquals(1, session.select(Shop.Customer.class).count());
        }
    }

    @Test
    void finalFieldsAndAllArgsConstructor() {
        long id;
        try (Session session = sessions.openSession()) {
            Shop.Note note = new Shop.Note(null, "hello");
            session.add(note);
            session.commit();
            assertNotNull(note.id(), "generated key written into a final field");
            id = note.id();
        }
        try (Session session = sessions.openSession()) {
            assertEquals("hello", session.get(Shop.Note.class, id).text());
        }
    }

    @Test
    void refreshDiscardsLocalChanges() {
        try (Session session = sessions.openSession()) {
            Shop.Customer ann = new Shop.Customer("ann");
            session.add(ann);
            session.commit();
            ann.name = "changed";
            session.refresh(ann);
            assertEquals("ann", ann.name);
            assertFalse(session.isModified(ann));
        }
    }

    @Test
    void deferredColumnsLoadOnFirstAccessAndFailWhenDetached() {
        long id = sessions.inTransaction(s -> {
            Shop.Profile p = new Shop.Profile();
            p.handle = "ann";
            p.bio = Lazy.of("a long text");
            s.add(p);
            s.flush();
            return p.id;
        });
        try (Session session = sessions.openSession()) {
            sql.clear();
            Shop.Profile p = session.get(Shop.Profile.class, id);
            assertFalse(sql.get(0).contains("\"bio\""), "deferred column left out: " + sql.get(0));
            assertFalse(p.bio.isLoaded());
            assertEquals("a long text", p.bio.get());
            assertEquals(2, sql.size(), sql.toString());
            assertFalse(session.isModified(p), "loading is not a change");
            p.bio.set("short");
            sql.clear();
            session.commit();
            String u = sql.stream().filter(x -> x.startsWith("UPDATE")).findFirst().orElseThrow();
            assertTrue(u.contains("\"bio\"") && !u.contains("\"handle\""), u);
        }
        Shop.Profile detached;
        try (Session session = sessions.openSession()) {
            detached = session.get(Shop.Profile.class, id);
            assertEquals("ann", detached.handle);
        }
        DetachedInstanceException e = assertThrows(DetachedInstanceException.class, () -> detached.bio.get());
        assertTrue(e.getMessage().contains("Profile.bio"), e.getMessage());
        try (Session session = sessions.openSession()) {
            assertEquals("short", session.get(Shop.Profile.class, id).bio.get());
        }
    }

    @Test
    void compositeKeys() {
        sessions.begin(s -> {
            for (String club : List.of("chess", "golf")) {
                Shop.Membership m = new Shop.Membership();
                m.customerId = 1L;
                m.club = club;
                s.add(m);
            }
        });
        try (Session session = sessions.openSession()) {
            Shop.Membership chess = session.get(Shop.Membership.class, List.of(1L, "chess"));
            assertSame(chess, session.get(Shop.Membership.class, new Object[] {1L, "chess"}));
            chess.points = 5;
            session.delete(session.get(Shop.Membership.class, List.of(1, "golf")));
            session.commit();
            assertEquals(5, session.get(Shop.Membership.class, List.of(1L, "chess")).points);
            assertNull(session.get(Shop.Membership.class, List.of(1L, "golf")));
            OrmException e = assertThrows(OrmException.class, () -> session.get(Shop.Membership.class, 1L));
            assertTrue(e.getMessage().contains("customerId") && e.getMessage().contains("club"), e.getMessage());
        }
    }

    @Test
    void joinsFilterByAnotherTable() {
        sessions.begin(s -> {
            Shop.Customer ann = new Shop.Customer("ann");
            s.addAll(List.of(ann, new Shop.Customer("bob")));
            s.flush();
            s.add(new Shop.Order(ann.id, "pen", 1));
            s.add(new Shop.Order(ann.id, "ink", 2));
        });
        try (Session session = sessions.openSession()) {
            Table orders = Mapper.table(Shop.Order.class);
            List<Shop.Customer> buyers = session.select(Shop.Customer.class).join(orders).distinct().all();
            assertEquals(List.of("ann"), buyers.stream().map(c -> c.name).toList());
        }
    }

    @Test
    void expungeAllDetachesEverything() {
        try (Session session = sessions.openSession()) {
            Shop.Customer ann = new Shop.Customer("ann");
            session.add(ann);
            session.commit();
            session.expungeAll();
            assertFalse(session.contains(ann));
            Shop.Customer again = session.get(Shop.Customer.class, ann.id);
            assertNotSame(ann, again);
            assertEquals("ann", again.name);
        }
    }

    @Test
    void partitionsStreamObjectsInChunksAndExpungeEachChunkUnlessChanged() {
        sessions.begin(s -> {
            for (int i = 0; i < 25; i++) {
                s.add(new Shop.Customer(String.format("c%02d", i)));
            }
        });
        try (Session session = sessions.openSession()) {
            Shop.Customer held = session.select(Shop.Customer.class).filterBy(name, "c00").one();
            List<Shop.Customer> seen = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            try (EntityPartitions<Shop.Customer> parts = session.select(Shop.Customer.class).orderBy(name).partitions(10, true)) {
                for (List<Shop.Customer> chunk : parts) {
                    sizes.add(chunk.size());
                    if (!seen.isEmpty()) {
                        assertFalse(session.contains(seen.get(seen.size() - 2)), "the previous chunk left the session");
                    }
                    seen.addAll(chunk);
                    chunk.get(chunk.size() - 1).age = 1;           // changed: stays until flushed
                }
            }
            assertEquals(List.of(10, 10, 5), sizes);
            assertSame(held, seen.get(0), "an object held before is the one streamed, and stays");
            assertEquals(4, seen.stream().filter(session::contains).count(), "held before + the three changed ones");
            session.commit();
            assertThrows(IllegalArgumentException.class, () -> session.select(Shop.Customer.class).partitions(0, false));
        }
        assertEquals(3L, (long) sessions.inTransaction(s -> s.select(Shop.Customer.class).filterBy(age, 1).count()));
    }
}
