package org.tabula.it.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.count;
import static org.tabula.Sql.select;
import static org.tabula.orm.LoadOption.joined;
import static org.tabula.orm.LoadOption.selectIn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;
import org.tabula.it.Databases;
import org.tabula.orm.DetachedInstanceException;
import org.tabula.orm.LoadOption;
import org.tabula.orm.Mapper;
import org.tabula.orm.OrmException;
import org.tabula.orm.RelationshipAttribute;
import org.tabula.orm.Session;
import org.tabula.orm.SessionFactory;
import org.tabula.schema.Column;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;

/** Relationships, cascades and loading strategies of the ORM, on SQLite, MariaDB and PostgreSQL. */
class OrmRelationshipsTest {

    static final MetaData METADATA = Mapper.metaData(RelUser.class, RelProfile.class, RelPost.class, RelRole.class,
            RelPermission.class, RelUserRole.class, RelRolePermission.class, RelFolder.class, RelDocument.class, RelNote.class);
    static final Column<String> TITLE = Mapper.column(RelPost.class, "title");
    static final Column<String> USER_NAME = Mapper.column(RelUser.class, "name");
    static final Column<String> ROLE_NAME = Mapper.column(RelRole.class, "name");
    static final Column<String> PERMISSION_NAME = Mapper.column(RelPermission.class, "name");

    static Stream<String> databases() {
        return Databases.names().stream();
    }

    static SessionFactory fresh(Engine engine) {
        METADATA.dropAll(engine);
        METADATA.createAll(engine);
        return SessionFactory.of(engine);
    }

    static long rows(Engine engine, Class<?> entity) {
        try (Connection conn = engine.connect()) {
            return conn.execute(select(count()).from(Mapper.table(entity))).scalarOne();
        }
    }

    /** ann: profile, two posts, roles admin (read, write) and editor (write); bob: one post, role editor. */
    static long seed(SessionFactory sessions) {
        return sessions.inTransaction(session -> {
            RelPermission read = new RelPermission("read");
            RelPermission write = new RelPermission("write");
            RelRole admin = new RelRole("admin");
            admin.permissions.add(read);
            admin.permissions.add(write);
            RelRole editor = new RelRole("editor");
            editor.permissions.add(write);
            RelUser ann = new RelUser("ann");
            ann.profile.set(new RelProfile("likes SQL"));
            ann.posts.add(new RelPost("first"));
            RelPost second = new RelPost("second");
            second.author.set(ann);                              // back reference fills ann.posts
            ann.roles.add(admin);
            editor.users.add(ann);                               // the other side of the same link table
            RelUser bob = new RelUser("bob");
            bob.posts.add(new RelPost("bob's"));
            bob.roles.add(editor);
            session.add(ann);                                    // cascades to everything reachable
            session.add(bob);
            assertTrue(session.contains(second) && session.contains(read) && session.contains(ann.profile.get()));
            session.flush();
            assertEquals(ann.id, second.authorId, "foreign key filled from the parent's generated key");
            assertEquals(ann.id, ann.profile.get().userId);
            return ann.id;
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void seedModelsAndLoadLazily(String db) {
        Engine engine = Databases.engine(db);
        SessionFactory sessions = fresh(engine);
        long annId = seed(sessions);
        assertEquals(2, rows(engine, RelUser.class));
        assertEquals(3, rows(engine, RelPost.class));
        assertEquals(3, rows(engine, RelUserRole.class), "ann-admin, ann-editor, bob-editor: no duplicate from both sides");
        assertEquals(3, rows(engine, RelRolePermission.class));
        sessions.begin(session -> {
            RelUser ann = session.getOne(RelUser.class, annId);
            assertFalse(ann.posts.isLoaded());
            assertEquals(List.of("first", "second"), ann.posts.stream().map(p -> p.title).toList());
            assertSame(ann, ann.posts.get(0).author.get(), "many-to-one from the identity map");
            assertEquals("likes SQL", ann.profile.get().bio);
            assertSame(ann, ann.profile.get().user.get());
            assertEquals(List.of("admin", "editor"), ann.roles.stream().map(r -> r.name).toList());
            assertEquals(List.of("read", "write"), ann.roles.get(0).permissions.stream().map(p -> p.name).toList());
            assertEquals(2, ann.roles.get(1).users.size(), "editor: ann and bob");
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void backReferencesStayInSyncAndMoveBetweenParents(String db) {
        SessionFactory sessions = fresh(Databases.engine(db));
        long annId = seed(sessions);
        sessions.begin(session -> {
            RelUser ann = session.getOne(RelUser.class, annId);
            RelUser bob = session.select(RelUser.class).filterBy("name", "bob").one();
            RelPost first = ann.posts.get(0);
            first.author.set(bob);
            assertFalse(ann.posts.contains(first), "removed from the old parent's loaded collection");
            assertTrue(bob.posts.contains(first));
            RelPost fresh = new RelPost("third");
            bob.posts.add(fresh);
            assertSame(bob, fresh.author.get());
            session.flush();
            assertEquals(bob.id, first.authorId);
            assertEquals(bob.id, fresh.authorId);
            assertTrue(session.contains(fresh), "cascaded at flush");
        });
        sessions.begin(session -> {
            assertEquals(1, session.getOne(RelUser.class, annId).posts.size());
            assertEquals(3, session.select(RelUser.class).filterBy("name", "bob").one().posts.size());
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void loadingStrategiesIssueAFixedNumberOfStatements(String db) {
        List<String> statements = new CopyOnWriteArrayList<>();
        Engine engine = Databases.newEngine(db, EngineOptions.defaults().poolSize(2).listener((sql, params) -> statements.add(sql)));
        try {
            SessionFactory sessions = fresh(engine);
            sessions.begin(session -> {
                RelRole reader = new RelRole("reader");
                reader.permissions.add(new RelPermission("read"));
                for (int i = 0; i < 100; i++) {
                    RelUser u = new RelUser("user" + i);
                    u.posts.add(new RelPost("a" + i));
                    u.posts.add(new RelPost("b" + i));
                    u.profile.set(new RelProfile("bio" + i));
                    u.roles.add(reader);
                    session.add(u);
                }
            });
            assertEquals(1, statements.stream().filter(sql -> sql.startsWith("INSERT INTO") && sql.contains("rel_orm_user_roles")).count(),
                    "100 link rows in one batch: " + statements.stream().filter(sql -> sql.contains("rel_orm_user_roles")).toList());
            // lazy (the default): 1 + N
            try (Session session = sessions.openSession()) {
                statements.clear();
                List<RelUser> users = session.select(RelUser.class).orderBy(USER_NAME).all();
                int posts = 0;
                for (RelUser u : users) {
                    posts += u.posts.size();
                }
                assertEquals(200, posts);
                assertEquals(1 + 100, statements.size(), "lazy select: one query per user");
            }
            // select-in: one more query per relationship (and per path step)
            try (Session session = sessions.openSession()) {
                statements.clear();
                List<RelUser> users = session.select(RelUser.class)
                        .options(RelUser.POSTS.selectIn(), selectIn("profile"), RelUser.ROLES.then(RelRole.PERMISSIONS).selectIn()).all();
                assertEquals(100, users.size());
                int posts = 0;
                for (RelUser u : users) {
                    posts += u.posts.size();
                    assertNotNull(u.profile.get());
                    assertEquals("read", u.roles.get(0).permissions.get(0).name);
                }
                assertEquals(200, posts);
                assertEquals(5, statements.size(), "users, posts, profiles, roles, permissions: " + statements);
                assertTrue(statements.get(1).contains(" IN ("), statements.get(1));
            }
            // joined: one statement, parents de-duplicated
            try (Session session = sessions.openSession()) {
                statements.clear();
                List<RelUser> users = session.select(RelUser.class).options(joined("posts"), joined("profile")).all();
                assertEquals(100, users.size(), "one object per user despite two post rows each");
                int posts = 0;
                for (RelUser u : users) {
                    posts += u.posts.size();
                    assertEquals("bio" + u.name.substring(4), u.profile.get().bio);
                }
                assertEquals(200, posts);
                assertEquals(1, statements.size(), statements.toString());
                assertTrue(statements.get(0).contains("LEFT OUTER JOIN"), statements.get(0));
            }
            // typed handles, a many-to-many joined, and first() with a joined collection (falls back to select-in)
            try (Session session = sessions.openSession()) {
                statements.clear();
                RelationshipAttribute roles = Mapper.relationship(RelUser.class, "roles");
                List<RelUser> users = session.select(RelUser.class).options(roles.joinedLoad()).all();
                assertEquals(100, users.size());
                assertEquals("reader", users.get(0).roles.get(0).name);
                assertEquals(1, statements.size());
                statements.clear();
                RelUser first = session.select(RelUser.class).where(USER_NAME.eq("user7")).options(joined("posts")).first();
                assertEquals(2, first.posts.size());
                assertEquals(2, statements.size(), "a joined collection under LIMIT is loaded select-in: " + statements);
            }
            try (Session session = sessions.openSession()) {
                RelUser one = session.select(RelUser.class).where(USER_NAME.eq("user7")).options(joined("posts")).first();
                assertEquals(List.of("a7", "b7"), one.posts.stream().map(p -> p.title).toList(), "LIMIT does not cut the collection");
                RelUser raised = session.select(RelUser.class).where(USER_NAME.eq("user8")).options(LoadOption.raise("posts")).one();
                OrmException e = assertThrows(OrmException.class, raised.posts::size);
                assertTrue(e.getMessage().contains("RelUser.posts"), e.getMessage());
            }
        } finally {
            engine.close();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void detachedObjectsKeepLoadedRelationshipsAndRefuseLazyLoads(String db) {
        SessionFactory sessions = fresh(Databases.engine(db));
        long annId = seed(sessions);
        RelUser ann;
        try (Session session = sessions.openSession()) {
            ann = session.select(RelUser.class).where(USER_NAME.eq("ann")).options(selectIn("posts")).one();
        }
        assertEquals(2, ann.posts.size(), "loaded before close: still readable");
        DetachedInstanceException e = assertThrows(DetachedInstanceException.class, () -> ann.roles.size());
        assertTrue(e.getMessage().contains("RelUser.roles"), e.getMessage());
        DetachedInstanceException e2 = assertThrows(DetachedInstanceException.class, () -> ann.profile.get());
        assertTrue(e2.getMessage().contains("RelUser.profile"), e2.getMessage());
        assertEquals(annId, ann.id);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void deleteOrphanDeleteCascadeAndLinkRows(String db) {
        Engine engine = Databases.engine(db);
        SessionFactory sessions = fresh(engine);
        long annId = seed(sessions);
        sessions.begin(session -> {
            RelUser ann = session.getOne(RelUser.class, annId);
            RelPost first = ann.posts.remove(0);
            assertNull(first.author.get(), "back reference cleared");
            RelRole admin = ann.roles.get(0);
            ann.roles.remove(admin);
            assertFalse(admin.users.contains(ann));
            RelPermission read = admin.permissions.get(0);
            admin.permissions.remove(read);
            RelPost draft = new RelPost("draft");
            ann.posts.add(draft);
            session.flush();                                 // draft inserted (cascade)...
            RelPost scratch = new RelPost("scratch");
            ann.posts.add(scratch);
            session.add(ann);
            assertTrue(session.contains(scratch));
            ann.posts.remove(scratch);                       // ...scratch is a pending orphan: never inserted
            ann.posts.remove(draft);                         // draft is a persistent orphan: deleted
            session.flush();
            assertFalse(session.contains(first), "orphan deleted");
            assertFalse(session.contains(scratch));
            assertFalse(session.contains(draft));
        });
        assertEquals(2, rows(engine, RelPost.class));
        assertEquals(2, rows(engine, RelUserRole.class));
        assertEquals(2, rows(engine, RelRolePermission.class), "link row with its own key deleted");
        assertEquals(2, rows(engine, RelPermission.class), "the permission itself stays");
        sessions.begin(session -> {
            RelUser ann = session.getOne(RelUser.class, annId);
            RelProfile old = ann.profile.get();
            ann.profile.set(null);                          // one-to-one cleared: the old profile is an orphan
            session.flush();                                // (INSERTs run before DELETEs: free the unique user_id first)
            assertFalse(session.contains(old));
            ann.profile.set(new RelProfile("new bio"));
        });
        assertEquals(1, rows(engine, RelProfile.class));
        sessions.begin(session -> {
            RelUser ann = session.getOne(RelUser.class, annId);
            RelRole editor = session.select(RelRole.class).filterBy("name", "editor").one();
            assertEquals(2, editor.users.size());
            session.delete(ann);
            session.flush();
            assertEquals(List.of("bob"), names(editor.users), "loaded collections drop deleted objects");
        });
        assertEquals(1, rows(engine, RelUser.class));
        assertEquals(1, rows(engine, RelPost.class), "ann's posts deleted with her, bob's stays");
        assertEquals(0, rows(engine, RelProfile.class));
        assertEquals(1, rows(engine, RelUserRole.class), "ann's link rows deleted");
        assertEquals(2, rows(engine, RelRole.class));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void passiveDeletesLeaveItToTheDatabaseAndTheSessionFollows(String db) {
        Engine engine = Databases.engine(db);
        SessionFactory sessions = fresh(engine);
        long folderId = sessions.inTransaction(session -> {
            RelFolder folder = new RelFolder("inbox");
            folder.documents.add(new RelDocument("a"));
            folder.documents.add(new RelDocument("b"));
            session.add(folder);
            session.flush();
            session.add(new RelNote(folder.id, "n1"));
            return folder.id;
        });
        sessions.begin(session -> {
            List<RelDocument> docs = session.select(RelDocument.class).all();
            RelNote note = session.select(RelNote.class).one();
            RelFolder folder = session.getOne(RelFolder.class, folderId);
            assertFalse(folder.documents.isLoaded());
            assertSame(folder, docs.get(0).folder.get());
            session.delete(folder);
            session.flush();
            assertFalse(folder.documents.isLoaded(), "passive: the collection was not loaded to delete it");
            for (RelDocument d : docs) {
                assertFalse(session.contains(d), "ON DELETE CASCADE reflected: the document left the session");
            }
            assertNull(note.folderId, "ON DELETE SET NULL reflected in the object");
            assertFalse(session.isModified(note));
        });
        assertEquals(0, rows(engine, RelDocument.class));
        assertEquals(1, rows(engine, RelNote.class));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void filtersAndJoinsAlongRelationships(String db) {
        SessionFactory sessions = fresh(Databases.engine(db));
        seed(sessions);
        RelationshipAttribute posts = Mapper.relationship(RelUser.class, "posts");
        RelationshipAttribute roles = Mapper.relationship(RelUser.class, "roles");
        RelationshipAttribute author = Mapper.relationship(RelPost.class, "author");
        sessions.begin(session -> {
            assertEquals(List.of("bob"), names(session.select(RelUser.class).where(posts.any(TITLE.contains("bob"))).all()));
            assertEquals(List.of("ann", "bob"), names(session.select(RelUser.class).where(posts.any()).orderBy(USER_NAME).all()));
            assertEquals(List.of("ann"), names(session.select(RelUser.class).where(roles.any(ROLE_NAME.eq("admin"))).all()));
            assertEquals(2, session.select(RelPost.class).where(author.has(USER_NAME.eq("ann"))).all().size());
            assertEquals(List.of("ann"), names(session.select(RelUser.class).join("posts").where(TITLE.eq("second")).all()));
            assertEquals(List.of("ann", "bob"), names(session.select(RelUser.class).join(roles).where(ROLE_NAME.eq("editor"))
                    .orderBy(USER_NAME).all()));
            assertEquals(2, session.select(RelUser.class).join("posts").count(), "count of distinct users along a join");
            assertEquals(1, session.select(RelUser.class).join("posts").where(TITLE.startsWith("s")).count());
            assertEquals(List.of("ann"), names(session.select(RelUser.class)
                    .where(roles.any(Mapper.relationship(RelRole.class, "permissions").any(PERMISSION_NAME.eq("read")))).all()));
            // typed handles: a path as nested EXISTS, and a join along a path
            assertEquals(List.of("ann"), names(session.select(RelUser.class)
                    .where(RelUser.ROLES.then(RelRole.PERMISSIONS).any(PERMISSION_NAME.eq("read"))).all()));
            assertEquals(List.of("ann", "bob"), names(session.select(RelUser.class).join(RelUser.ROLES.then(RelRole.PERMISSIONS))
                    .where(PERMISSION_NAME.eq("write")).distinct().orderBy(USER_NAME).all()));
            assertEquals(List.of("ann"), names(session.select(RelUser.class).where(RelUser.PROFILE.has()).all()));
        });
    }

    private static List<String> names(List<RelUser> users) {
        return users.stream().map(u -> u.name).toList();
    }
}
