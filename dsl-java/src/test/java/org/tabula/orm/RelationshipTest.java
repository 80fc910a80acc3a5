package org.tabula.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;

class RelationshipTest {

    @TempDir
    Path dir;
    Engine engine;
    SessionFactory sessions;
    final List<String> sql = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        engine = Engine.create("jdbc:sqlite:" + dir.resolve("rel.db"), EngineOptions.defaults().listener((s, p) -> sql.add(s)));
        Mapper.metaData(Tree.Category.class, Tree.Item.class).createAll(engine);
        sessions = SessionFactory.of(engine);
        sql.clear();
    }

    @AfterEach
    void tearDown() {
        assertEquals(0, engine.poolStatus().active());
        engine.close();
    }

    @Test
    void mappingResolvesKindsFromFieldTypesAndForeignKeys() {
        EntityMapping<Tree.Category> m = Mapper.mapping(Tree.Category.class);
        assertEquals(RelationshipAttribute.Kind.MANY_TO_ONE, m.relationship("parent").kind());
        assertEquals(RelationshipAttribute.Kind.ONE_TO_MANY, m.relationship("children").kind());
        assertSame(m.relationship("parent"), m.relationship("children").back());
        assertEquals(List.of("id", "name", "parent_id"), m.table().columns().stream().map(c -> c.name()).toList(),
                "relationship fields are not columns");
        OrmException e = assertThrows(OrmException.class, () -> m.relationship("kids"));
        assertTrue(e.getMessage().contains("kids") && e.getMessage().contains("children"), e.getMessage());
    }

    @Test
    void backReferencesWorkBeforeAnySessionOnceBound() {
        try (Session session = sessions.openSession()) {
            Tree.Category root = new Tree.Category("root");
            session.add(root);                               // binds the owner-less holders
            Tree.Category child = new Tree.Category("child");
            root.children.add(child);
            assertSame(root, child.parent.get(), "parent holder installed and set");
            assertTrue(session.contains(root));
            session.commit();
            assertEquals(root.id, child.parentId, "self-referential: parent inserted before child in one table");
        }
    }

    @Test
    void selfReferentialTreeLoadsSelectInByDefaultAndRaiseRefusesLazyLoads() {
        sessions.begin(session -> {
            Tree.Category root = new Tree.Category("root");
            session.add(root);
            for (String n : List.of("b", "a", "c")) {
                Tree.Category c = new Tree.Category(n);
                c.parent = new Ref<>();
                c.parent.set(root);
                session.add(c);
            }
            Tree.Item item = new Tree.Item("thing");
            item.category.set(root);
            session.add(item);
        });
        try (Session session = sessions.openSession()) {
            sql.clear();
            Tree.Category root = session.select(Tree.Category.class).filterBy("name", "root").one();
            assertTrue(root.children.isLoaded(), "lazy = SELECT_IN on the relationship");
            assertEquals("[a, b, c]", root.children.toString());
            assertEquals(3, sql.size(), "root, its children (IN), their children (IN): " + sql);
            Tree.Item item = session.select(Tree.Item.class).one();
            OrmException e = assertThrows(OrmException.class, item.category::get);
            assertTrue(e.getMessage().contains("Item.category"), e.getMessage());
            Tree.Item again = session.select(Tree.Item.class).options(LoadOption.selectIn("category")).one();
            assertSame(root, again.category.get());
        }
    }

    @Test
    void removingFromACollectionWithoutDeleteOrphanNullsTheForeignKey() {
        long rootId = sessions.inTransaction(session -> {
            Tree.Category root = new Tree.Category("root");
            root.children.add(new Tree.Category("x"));
            session.add(root);
            session.flush();
            return root.id;
        });
        sessions.begin(session -> {
            Tree.Category root = session.getOne(Tree.Category.class, rootId);
            Tree.Category x = root.children.remove(0);
            assertNull(x.parent.get());
            session.flush();
            assertNull(x.parentId);
            assertFalse(session.isModified(x));
        });
        sessions.begin(session -> assertEquals(0, session.getOne(Tree.Category.class, rootId).children.size()));
    }

    @Test
    void unknownLoadOptionAndJoinNamesFailEarly() {
        try (Session session = sessions.openSession()) {
            OrmException e = assertThrows(OrmException.class,
                    () -> session.select(Tree.Category.class).options(LoadOption.joined("nope")));
            assertTrue(e.getMessage().contains("Category") && e.getMessage().contains("nope"), e.getMessage());
            assertThrows(OrmException.class, () -> session.select(Tree.Item.class).join(Mapper.relationship(Tree.Category.class, "children")));
        }
    }

    @Test
    void selectInChunksLargeKeyListsAndJoinedDeduplicatesParents() {
        sessions.begin(session -> {
            for (int i = 0; i < 1200; i++) {
                Tree.Category c = new Tree.Category("c" + i);
                Tree.Item item = new Tree.Item("i" + i);
                item.category.set(c);
                session.add(item);                               // many-to-one cascade adds the category first
            }
        });
        try (Session session = sessions.openSession()) {
            sql.clear();
            List<Tree.Item> items = session.select(Tree.Item.class).options(LoadOption.selectIn("category")).all();
            assertEquals(1200, items.size());
            assertEquals("c1199", items.get(1199).category.get().name);
            // items, then categories in chunks of 500 keys; their (empty) children in chunks of 500 too
            assertEquals(1 + 3 + 3, sql.size(), sql.toString());
        }
        try (Session session = sessions.openSession()) {
            sql.clear();
            List<Tree.Item> items = session.select(Tree.Item.class).options(LoadOption.joined("category")).all();
            assertEquals(1200, items.size());
            assertEquals("c7", items.get(7).category.get().name);
            assertEquals(1 + 3, sql.size(), "one joined statement, then the categories' select-in children");
        }
    }

    @Test
    void rollbackDropsUnsavedRelationshipChanges() {
        long rootId = sessions.inTransaction(session -> {
            Tree.Category root = new Tree.Category("root");
            root.children.add(new Tree.Category("x"));
            session.add(root);
            session.flush();
            return root.id;
        });
        try (Session session = sessions.openSession()) {
            Tree.Category root = session.getOne(Tree.Category.class, rootId);
            root.children.add(new Tree.Category("y"));
            assertEquals(2, root.children.size());
            session.rollback();
            assertEquals(1, root.children.size(), "reloaded after rollback");
            session.commit();
        }
        sessions.begin(session -> assertEquals(1, session.getOne(Tree.Category.class, rootId).children.size()));
    }

    @Entity(table = "rel_unit_wrong")
    static class WrongCollection {
        @MappedColumn(primaryKey = true)
        public Long id;
        @Relationship
        public List<Tree.Category> categories;
    }

    @Entity(table = "rel_unit_wrong2")
    static class PlainListOfEntities {
        @MappedColumn(primaryKey = true)
        public Long id;
        public List<Tree.Category> categories;
    }

    @Test
    void relationshipFieldsOfTheWrongTypeAreExplained() {
        OrmException e = assertThrows(OrmException.class, () -> Mapper.mapping(WrongCollection.class));
        assertTrue(e.getMessage().contains("WrongCollection.categories") && e.getMessage().contains("RelatedList"), e.getMessage());
        OrmException e2 = assertThrows(OrmException.class, () -> Mapper.mapping(PlainListOfEntities.class));
        assertTrue(e2.getMessage().contains("RelatedList<Category>"), e2.getMessage());
    }

    @Test
    void aLazyLoadPolicyRefusesImplicitLoadsWithItsExceptionAndTheDefaultStillLoads() {
        long rootId = sessions.inTransaction(session -> {
            Tree.Category root = new Tree.Category("root");
            session.add(root);
            Tree.Category leaf = new Tree.Category("leaf");
            leaf.parent = new Ref<>();
            leaf.parent.set(root);
            session.add(leaf);
            session.flush();
            return root.id;
        });
        try (Session session = sessions.openSession()) {
            List<String> asked = new CopyOnWriteArrayList<>();
            session.lazyLoadPolicy((owner, attribute, name) -> {
                asked.add(name + " of " + owner + " (" + attribute.name() + ")");
                return new OrmException("refused " + name);
            });
            Tree.Category leaf = session.select(Tree.Category.class).filterBy("name", "leaf").one();
            sql.clear();
            OrmException e = assertThrows(OrmException.class, () -> leaf.parent.get());
            assertEquals("refused Category.parent", e.getMessage());
            assertEquals(List.of("Category.parent of leaf (parent)"), asked);
            assertTrue(sql.isEmpty(), "no SQL ran: " + sql);
            assertFalse(leaf.parent.isLoaded());
            Tree.Category root = session.get(Tree.Category.class, rootId);          // loaded by the session itself: no refusal
            assertTrue(root.children.isLoaded(), "eager select-in loads are not lazy loads");
            assertTrue(root.children.contains(leaf));
            Tree.Category other = new Tree.Category("other");
            session.add(other);
            leaf.parent.set(other);                          // the old parent is found in the identity map, no SQL
            assertFalse(root.children.contains(leaf), "back reference unlinked without loading");
            session.lazyLoadPolicy(null);
            session.rollback();
            Tree.Category again = session.select(Tree.Category.class).filterBy("name", "leaf").one();
            assertSame(root, again.parent.get(), "no policy: the lazy load runs");
        }
    }

    @Test
    void aLazyLoadPolicyRefusesDeferredColumnsNamingTheirOwner() {
        Mapper.metaData(Shop.Profile.class).createAll(engine);
        long id = sessions.inTransaction(s -> {
            Shop.Profile p = new Shop.Profile();
            p.handle = "ann";
            p.bio = Lazy.of("text");
            s.add(p);
            s.flush();
            return p.id;
        });
        try (Session session = sessions.openSession()) {
            Shop.Profile p = session.get(Shop.Profile.class, id);
            List<Object> owners = new CopyOnWriteArrayList<>();
            session.lazyLoadPolicy((owner, attribute, name) -> {
                owners.add(owner);
                return attribute instanceof ColumnAttribute c && c.isDeferred() ? new OrmException("refused " + name) : null;
            });
            assertEquals("refused Profile.bio", assertThrows(OrmException.class, () -> p.bio.get()).getMessage());
            assertSame(p, owners.get(0));
            assertFalse(p.bio.isLoaded());
            session.lazyLoadPolicy(null);
            assertEquals("text", p.bio.get());
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void partitionsApplyLoadOptionsPerChunkAndNotTheMappingDefaults() {
        sessions.begin(session -> {
            Tree.Category root = new Tree.Category("root");
            root.children.add(new Tree.Category("x"));
            root.children.add(new Tree.Category("y"));
            session.add(root);
        });
        try (Session session = sessions.openSession()) {
            List<Tree.Category> seen = new java.util.ArrayList<>();
            try (EntityPartitions<Tree.Category> parts = session.select(Tree.Category.class)
                    .options(LoadOption.selectIn("children")).partitions(2, false)) {
                parts.forEach(seen::addAll);
            }
            assertEquals(3, seen.size());
            assertTrue(seen.stream().allMatch(c -> c.children.isLoaded()), "children loaded per chunk");
        }
        try (Session session = sessions.openSession()) {
            // children is SELECT_IN by default, but a stream applies only the query's options.
            try (EntityPartitions<Tree.Category> parts = session.select(Tree.Category.class).partitions(10, false)) {
                parts.forEach(chunk -> chunk.forEach(c -> assertFalse(c.children.isLoaded(), c.name)));
            }
        }
    }
}
