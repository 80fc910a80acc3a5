package org.tabula.it.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.orm.LoadOption.joined;
import static org.tabula.orm.LoadOption.raise;
import static org.tabula.orm.LoadOption.selectIn;
import static org.tabula.orm.LoadOption.undefer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;
import org.tabula.it.Databases;
import org.tabula.orm.EntityPartitions;
import org.tabula.orm.EntityQuery;
import org.tabula.orm.Mapper;
import org.tabula.orm.OrmException;
import org.tabula.orm.Session;
import org.tabula.orm.SessionFactory;
import org.tabula.schema.MetaData;

/** undefer() of deferred columns, and load options on streamed entities, on SQLite, MariaDB and PostgreSQL. */
class LoadOptionsTest {

    static final MetaData METADATA = Mapper.metaData(LoAuthor.class, LoBook.class);

    static Stream<String> databases() {
        return Databases.names().stream();
    }

    /** An engine that lists the SQL it runs in {@code statements}, with 25 authors of two books each. */
    static SessionFactory seeded(String db, List<String> statements) {
        return seededAt(Databases.url(db), statements);
    }

    /** {@link #seeded} on the database at {@code url}. */
    static SessionFactory seededAt(String url, List<String> statements) {
        Engine engine = Engine.create(url, EngineOptions.defaults().poolSize(2).listener((sql, params) -> statements.add(sql)));
        METADATA.dropAll(engine);
        METADATA.createAll(engine);
        SessionFactory sessions = SessionFactory.of(engine);
        sessions.begin(session -> {
            for (int i = 0; i < 25; i++) {
                LoAuthor a = new LoAuthor(String.format("author%02d", i), "bio of " + i);
                a.books.add(new LoBook("a" + i));
                a.books.add(new LoBook("b" + i));
                session.add(a);
            }
        });
        statements.clear();
        return sessions;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void undeferLoadsTheDeferredColumnWithTheRowInOneStatement(String db) {
        List<String> statements = new CopyOnWriteArrayList<>();
        SessionFactory sessions = seeded(db, statements);
        try (Session session = sessions.openSession()) {
            List<LoAuthor> authors = session.select(LoAuthor.class).options(undefer(LoAuthor_.bio)).orderBy(LoAuthor_.name).all();
            assertEquals(25, authors.size());
            assertTrue(authors.stream().allMatch(a -> a.bio.isLoaded()));
            assertEquals("bio of 3", authors.get(3).bio.get());
            assertEquals(1, statements.size(), "one SELECT, bio in it: " + statements);
            assertTrue(statements.get(0).contains("bio"), statements.get(0));
            // Not modified by being loaded: the flush writes nothing.
            statements.clear();
            session.flush();
            assertEquals(List.of(), statements);
        }
        // Without the option the column stays deferred; a later undefer query fills the held object's holder.
        try (Session session = sessions.openSession()) {
            LoAuthor first = session.select(LoAuthor.class).orderBy(LoAuthor_.name).first();
            assertFalse(first.bio.isLoaded());
            statements.clear();
            LoAuthor again = session.select(LoAuthor.class).where(LoAuthor_.id.eq(first.id)).options(undefer(LoAuthor_.bio)).one();
            assertSame(first, again);
            assertTrue(first.bio.isLoaded());
            assertEquals("bio of 0", first.bio.get());
            assertEquals(1, statements.size(), statements.toString());
            // A loaded holder keeps a local change; the flush writes it.
            first.bio.set("changed");
            session.select(LoAuthor.class).options(undefer(LoAuthor_.bio)).all();
            assertEquals("changed", first.bio.get());
            session.commit();
        }
        assertEquals("changed", sessions.inTransaction(s -> s.select(LoAuthor.class).where(LoAuthor_.name.eq("author00"))
                .options(undefer(LoAuthor_.bio)).one().bio.get()));
        // Together with eager relationships: joined columns come first, the deferred one last.
        try (Session session = sessions.openSession()) {
            statements.clear();
            List<LoAuthor> authors = session.select(LoAuthor.class).options(joined(LoAuthor_.books), undefer(LoAuthor_.bio))
                    .orderBy(LoAuthor_.name).all();
            assertEquals(25, authors.size());
            assertEquals("bio of 24", authors.get(24).bio.get());
            assertEquals(List.of("a24", "b24"), authors.get(24).books.stream().map(b -> b.title).toList());
        }
        try (Session session = sessions.openSession()) {
            statements.clear();
            List<LoAuthor> authors = session.select(LoAuthor.class).options(selectIn(LoAuthor_.books), undefer(LoAuthor_.bio)).all();
            assertTrue(authors.stream().allMatch(a -> a.bio.isLoaded() && a.books.isLoaded()));
            assertEquals(2, statements.size(), "the query and one IN query: " + statements);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void undeferThroughARelationshipSelectsTheColumnInItsInQuery(String db) {
        List<String> statements = new CopyOnWriteArrayList<>();
        SessionFactory sessions = seeded(db, statements);
        try (Session session = sessions.openSession()) {
            List<LoAuthor> authors = session.select(LoAuthor.class).orderBy(LoAuthor_.name)
                    .options(undefer(LoAuthor_.books, LoBook_.blurb)).all();
            assertEquals(2, statements.size(), "the query and one IN query with the blurb in it: " + statements);
            assertTrue(statements.get(1).contains("blurb"), statements.get(1));
            statements.clear();
            for (LoAuthor a : authors) {
                assertTrue(a.books.isLoaded());
                for (LoBook b : a.books) {
                    assertTrue(b.blurb.isLoaded(), b.title);
                    assertEquals("blurb of " + b.title, b.blurb.get());
                }
                assertFalse(a.bio.isLoaded(), "the authors' own deferred column stays deferred");
            }
            assertEquals(List.of(), statements, "reading them runs no SQL");
        }
        // From the other side, with the Relation form; and a path two steps long that ends at objects already held.
        try (Session session = sessions.openSession()) {
            statements.clear();
            List<LoBook> books = session.select(LoBook.class).options(LoBook_.author.undefer(LoAuthor_.bio)).all();
            assertEquals(50, books.size());
            assertEquals(2, statements.size(), statements.toString());
            assertTrue(books.stream().allMatch(b -> b.author.get().bio.isLoaded()));
            assertEquals("bio of 7", books.stream().filter(b -> b.title.equals("a7")).findFirst().orElseThrow().author.get().bio.get());
        }
        try (Session session = sessions.openSession()) {
            statements.clear();
            List<LoAuthor> authors = session.select(LoAuthor.class)
                    .options(undefer(LoAuthor_.books.then(LoBook_.author), LoAuthor_.bio)).all();
            assertEquals(3, statements.size(), "the query, the books, their authors with bio: " + statements);
            assertTrue(authors.stream().allMatch(a -> a.bio.isLoaded()), "held authors get the value their holders lacked");
        }
        try (Session session = sessions.openSession()) {
            // A step before the last may be joined: the books ride in the query, their authors' bio in the IN query.
            statements.clear();
            List<LoAuthor> authors = session.select(LoAuthor.class)
                    .options(joined(LoAuthor_.books), undefer(LoAuthor_.books.then(LoBook_.author), LoAuthor_.bio)).all();
            assertEquals(2, statements.size(), "the joined query and the authors' IN query: " + statements);
            assertTrue(authors.stream().allMatch(a -> a.books.isLoaded() && a.bio.isLoaded()));
        }
        try (Session session = sessions.openSession()) {
            OrmException notDeferred = assertThrows(OrmException.class,
                    () -> session.select(LoAuthor.class).options(undefer(LoAuthor_.books, LoBook_.title)));
            assertTrue(notDeferred.getMessage().contains("lo_books.title is not deferred")
                    || notDeferred.getMessage().contains("LoBook.title is not deferred"), notDeferred.getMessage());
            OrmException wrongEntity = assertThrows(OrmException.class,
                    () -> session.select(LoAuthor.class).options(undefer(LoAuthor_.books, LoAuthor_.bio)));
            assertTrue(wrongEntity.getMessage().contains("is not a column of LoBook"), wrongEntity.getMessage());
            OrmException joinedToo = assertThrows(OrmException.class, () -> session.select(LoAuthor.class)
                    .options(joined(LoAuthor_.books), undefer(LoAuthor_.books, LoBook_.blurb)).all());
            assertTrue(joinedToo.getMessage().contains("asks for a join"), joinedToo.getMessage());
        }
        // In a stream, per chunk (where the database runs statements while streaming).
        try (Session session = sessions.openSession()) {
            var query = session.select(LoAuthor.class).orderBy(LoAuthor_.name).options(undefer(LoAuthor_.books, LoBook_.blurb));
            if (db.equals("mysql")) {
                OrmException refused = assertThrows(OrmException.class, () -> query.partitions(10, true));
                assertTrue(refused.getMessage().contains("undefer(books, lo_books.blurb)"), refused.getMessage());
            } else {
                int seen = 0;
                try (EntityPartitions<LoAuthor> parts = query.partitions(10, true)) {
                    for (List<LoAuthor> chunk : parts) {
                        for (LoAuthor a : chunk) {
                            assertEquals("blurb of " + a.books.get(0).title, a.books.get(0).blurb.get());
                            seen++;
                        }
                    }
                }
                assertEquals(25, seen);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void undeferRefusesAColumnThatIsNotDeferredHere(String db) {
        SessionFactory sessions = seeded(db, new ArrayList<>());
        try (Session session = sessions.openSession()) {
            OrmException notDeferred = assertThrows(OrmException.class,
                    () -> session.select(LoAuthor.class).options(undefer(LoAuthor_.name)));
            assertTrue(notDeferred.getMessage().contains("LoAuthor.name is not deferred"), notDeferred.getMessage());
            OrmException otherTable = assertThrows(OrmException.class,
                    () -> session.select(LoBook.class).options(undefer(LoAuthor_.bio)));
            assertTrue(otherTable.getMessage().contains("lo_authors.bio is not a column of LoBook"), otherTable.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void streamedChunksLoadTheirRelationshipsAndDeferredColumns(String db) {
        List<String> statements = new CopyOnWriteArrayList<>();
        SessionFactory sessions = seeded(db, statements);
        try (Session session = sessions.openSession()) {
            var query = session.select(LoAuthor.class).orderBy(LoAuthor_.name).options(selectIn(LoAuthor_.books), undefer(LoAuthor_.bio));
            if (db.equals("mysql")) {
                OrmException refused = assertThrows(OrmException.class, () -> query.partitions(10, true));
                assertTrue(refused.getMessage().contains("[SELECT_IN(books)]") && refused.getMessage().contains("MySQL/MariaDB"),
                        refused.getMessage());
                // undefer and raise need no second statement: they stream there too.
                int seen = 0;
                try (EntityPartitions<LoAuthor> parts = session.select(LoAuthor.class)
                        .options(undefer(LoAuthor_.bio), raise(LoAuthor_.books)).partitions(10, true)) {
                    for (List<LoAuthor> chunk : parts) {
                        for (LoAuthor a : chunk) {
                            assertTrue(a.bio.isLoaded());
                            assertThrows(OrmException.class, () -> a.books.size());
                            seen++;
                        }
                    }
                }
                assertEquals(25, seen);
            } else {
                assertChunksLoadTheirOptions(session, query, statements);
            }
        }
        if (db.equals("mysql")) {
            // Through a server-side cursor, the connection runs the IN queries while the stream is open.
            List<String> cursorStatements = new CopyOnWriteArrayList<>();
            SessionFactory cursor = seededAt(Databases.url(db) + "&useCursorFetch=true", cursorStatements);
            try (Session session = cursor.openSession()) {
                assertChunksLoadTheirOptions(session, session.select(LoAuthor.class).orderBy(LoAuthor_.name)
                        .options(selectIn(LoAuthor_.books), undefer(LoAuthor_.bio)), cursorStatements);
            } finally {
                cursor.engine().close();
            }
        }
    }

    /** Streams 25 authors in chunks of 10 with {@code query}'s selectIn(books) and undefer(bio), then with joined(books). */
    private static void assertChunksLoadTheirOptions(Session session, EntityQuery<LoAuthor> query,
                                                     List<String> statements) {
        List<Integer> chunkSizes = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        List<LoAuthor> previous = List.of();
        try (EntityPartitions<LoAuthor> parts = query.partitions(10, true)) {
            for (List<LoAuthor> chunk : parts) {
                // Bounded: the previous chunk's authors and the books loaded with them have left the session.
                for (LoAuthor gone : previous) {
                    assertFalse(session.contains(gone) || session.contains(gone.books.get(0)), gone.name);
                }
                previous = chunk;
                chunkSizes.add(chunk.size());
                int before = statements.size();
                for (LoAuthor a : chunk) {
                    assertTrue(a.books.isLoaded(), "books loaded with the chunk");
                    assertEquals("bio of " + Integer.parseInt(a.name.substring(6)), a.bio.get());
                    a.books.forEach(b -> titles.add(b.title));
                    assertSame(a, a.books.get(0).author.get());
                }
                assertEquals(before, statements.size(), "reading a chunk's objects runs no SQL");
                assertTrue(session.contains(chunk.get(0).books.get(1)));
            }
        }
        assertEquals(List.of(10, 10, 5), chunkSizes);
        assertEquals(50, titles.size());
        // The stream's SELECT plus one IN query per chunk.
        assertEquals(1 + 3, statements.stream().filter(sql -> sql.startsWith("SELECT")).count(), statements.toString());
        // A joined option loads select-in per chunk in a stream.
        statements.clear();
        try (EntityPartitions<LoAuthor> parts = session.select(LoAuthor.class).options(joined(LoAuthor_.books)).partitions(20, false)) {
            for (List<LoAuthor> chunk : parts) {
                chunk.forEach(a -> assertEquals(2, a.books.size()));
            }
        }
        assertEquals(1 + 2, statements.stream().filter(sql -> sql.startsWith("SELECT")).count(), statements.toString());
    }
}
