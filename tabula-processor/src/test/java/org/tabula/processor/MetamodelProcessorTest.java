package org.tabula.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tabula.orm.ColumnAttribute;
import org.tabula.orm.EntityMapping;
import org.tabula.orm.Mapper;
import org.tabula.orm.Metamodel;
import org.tabula.orm.OrmException;
import org.tabula.orm.Relation;
import org.tabula.orm.RelationshipAttribute;
import org.tabula.schema.Column;

class MetamodelProcessorTest {

    private static Javac.Result shop;
    private static ClassLoader loader;

    @BeforeAll
    static void compileShop(@TempDir Path work) throws Exception {
        shop = Javac.compileShop(work);
        assertTrue(shop.success(), shop.errors());
        loader = shop.loader();
    }

    private static Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name, true, loader);
    }

    @Test
    void everyEntityGetsHandlesEqualToTheRuntimeMapping() throws Exception {
        for (String entity : List.of("shop.Member", "shop.Post", "shop.Profile", "shop.Role", "shop.MemberRole",
                "shop.Catalog$Item", "shop.Catalog$ItemView")) {
            Class<?> entityClass = load(entity);
            Class<?> metamodel = load(entity.replace('$', '_') + "_");
            assertAgrees(entityClass, metamodel);
        }
    }

    @Test
    void handlesFollowTheMappersRules() throws Exception {
        Class<?> member = load("shop.Member_");
        Set<String> fields = publicStatics(member).keySet();
        // inherited Model fields first-class, @Transient/transient/static skipped, relationships included
        assertEquals(new TreeSet<>(List.of("id", "createdAt", "updatedAt", "name", "age", "email", "visits", "score",
                "bio", "rank", "status", "mood", "attributes", "labels", "avatar", "profile", "posts", "roles")), new TreeSet<>(fields));
        assertEquals("mail_address", ((Column<?>) member.getField("email").get(null)).name());
        assertEquals("Column<java.lang.Integer>", typeName(member.getField("visits")));        // int boxed
        assertEquals("Column<java.lang.String>", typeName(member.getField("bio")));             // Lazy<String> deferred
        assertEquals("Column<shop.Member$Status>", typeName(member.getField("status")));
        assertEquals("Column<java.util.Map<java.lang.String, java.lang.Object>>", typeName(member.getField("attributes")));
        assertEquals("Column<java.util.List<java.lang.String>>", typeName(member.getField("labels")));
        assertEquals("Relation<shop.Member, shop.Post>", typeName(member.getField("posts")));
        assertEquals("Relation<shop.Member, shop.Profile>", typeName(member.getField("profile")));
        assertTrue(nullable(member.getField("age")));
        assertTrue(nullable(member.getField("avatar")));                                        // byte @Nullable []
        assertFalse(nullable(member.getField("name")));
        assertFalse(nullable(load("shop.Post_").getField("id")));       // @IntPk says nullable, but a primary key never is
        assertTrue(Modifier.isPublic(member.getModifiers()));
        assertFalse(Modifier.isPublic(load("shop.Profile_").getModifiers()));     // as visible as its entity
        String source = shop.generatedSource("shop/Member_.java");
        assertTrue(source.contains("public static final Column<java.lang.@Nullable Integer> age"), source);
    }

    @Test
    void privateAndAbstractEntitiesGetNoMetamodel() {
        assertThrows(ClassNotFoundException.class, () -> load("shop.Catalog_Hidden_"));
        assertThrows(ClassNotFoundException.class, () -> load("shop.Catalog_Base_"));
    }

    @Test
    void aMetamodelThatDisagreesWithTheMappingFailsNamingTheAttribute() throws Exception {
        Class<?> member = load("shop.Member");
        OrmException type = assertThrows(OrmException.class, () -> Metamodel.column(member, "age", String.class, true));
        assertTrue(type.getMessage().contains("Member_.age holds java.lang.String values but column members.age is mapped to java.lang.Integer"),
                type.getMessage());
        OrmException nulls = assertThrows(OrmException.class, () -> Metamodel.column(member, "name", String.class, true));
        assertTrue(nulls.getMessage().contains("Member_.name is nullable but column members.name is NOT NULL"), nulls.getMessage());
        OrmException kind = assertThrows(OrmException.class, () -> Metamodel.relation(member, "profile", load("shop.Profile"), true));
        assertTrue(kind.getMessage().contains("Member_.profile is to-many"), kind.getMessage());
        assertThrows(OrmException.class, () -> Metamodel.relation(member, "posts", load("shop.Role"), true));
    }

    @Test
    void typedHandlesCompileWhereTheTypesFit(@TempDir Path work) throws Exception {
        Javac.Result ok = Javac.compileShop(work, "use/Use.java", """
                package use;
                import java.util.List;
                import org.tabula.orm.*;
                import org.tabula.schema.Column;
                import shop.*;
                class Use {
                    List<Member> q(Session session) {
                        Column<String> name = Member_.name;
                        Column<Integer> age = Member_.age;
                        Relation<Member, Post> posts = Member_.posts;
                        return session.select(Member.class)
                                .where(Member_.name.startsWith("a"), Member_.status.eq(Member.Status.ACTIVE))
                                .filterBy(Member_.age, 31).filterBy(Member_.id, 5L)
                                .join(Member_.roles)
                                .options(LoadOption.selectIn(posts), LoadOption.joined(Member_.profile),
                                         LoadOption.selectIn(Member_.posts.then(Post_.author)))
                                .all();
                    }
                }
                """);
        assertTrue(ok.success(), ok.errors());
        assertTrue(ok.diagnostics().stream().noneMatch(d -> d.getKind() == javax.tools.Diagnostic.Kind.WARNING),
                () -> ok.diagnostics().toString());
    }

    @Test
    void aHandleOfTheWrongTypeDoesNotCompile(@TempDir Path work) throws Exception {
        Map<String, String> wrong = Map.of(
                "Column<Integer> x = Member_.name;", "incompatible types",
                "Relation<Member, Role> r = Member_.posts;", "incompatible types",
                "Object q = session.query(Member.class).filterBy(Member_.name, 5);", "filterBy",
                "Object q = session.query(Member.class).join(Post_.author);", "join");
        int i = 0;
        for (Map.Entry<String, String> e : wrong.entrySet()) {
            Path dir = Files.createDirectories(work.resolve("case" + i++));
            Javac.Result r = Javac.compileShop(dir, "use/Use.java", """
                    package use;
                    import org.tabula.orm.*;
                    import org.tabula.schema.Column;
                    import shop.*;
                    class Use {
                        void q(Session session) {
                            %s
                        }
                    }
                    """.formatted(e.getKey()));
            assertFalse(r.success(), e.getKey() + " compiled");
            assertTrue(r.errors().contains(e.getValue()), e.getKey() + ": " + r.errors());
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void assertAgrees(Class<?> entityClass, Class<?> metamodel) throws Exception {
        EntityMapping<?> mapping = Mapper.mapping(entityClass);
        Map<String, Field> handles = publicStatics(metamodel);
        Set<String> expected = mapping.columnAttributes().stream().map(ColumnAttribute::name).collect(Collectors.toCollection(TreeSet::new));
        mapping.relationships().forEach(r -> expected.add(r.name()));
        assertEquals(expected, new TreeSet<>(handles.keySet()), metamodel.getName());
        for (ColumnAttribute a : mapping.columnAttributes()) {
            Field f = handles.get(a.name());
            assertSame(a.column(), f.get(null), f.toString());
            Type[] args = ((ParameterizedType) f.getGenericType()).getActualTypeArguments();
            Class<?> declared = args[0] instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) args[0];
            assertEquals(boxed(a.column().type().javaType()), declared, f.toString());
            assertEquals(a.column().isNullable(), nullable(f), f.toString());
        }
        for (RelationshipAttribute r : mapping.relationships()) {
            Field f = handles.get(r.name());
            Relation<?, ?> relation = (Relation<?, ?>) f.get(null);
            assertSame(r, relation.attribute(), f.toString());
            Type[] args = ((ParameterizedType) f.getGenericType()).getActualTypeArguments();
            assertEquals(entityClass, args[0], f.toString());
            assertEquals(r.targetClass(), args[1], f.toString());
        }
    }

    private static Map<String, Field> publicStatics(Class<?> c) {
        return java.util.Arrays.stream(c.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers()))
                .peek(f -> f.setAccessible(true))
                .collect(Collectors.toMap(Field::getName, f -> f));
    }

    private static boolean nullable(Field f) {
        AnnotatedType arg = ((AnnotatedParameterizedType) f.getAnnotatedType()).getAnnotatedActualTypeArguments()[0];
        return arg.isAnnotationPresent(Nullable.class)
                || arg instanceof AnnotatedArrayType array && array.isAnnotationPresent(Nullable.class);
    }

    private static String typeName(Field f) {
        return f.getGenericType().getTypeName().replace("org.tabula.schema.", "").replace("org.tabula.orm.", "");
    }

    private static Class<?> boxed(Class<?> c) {
        return c == int.class ? Integer.class : c == long.class ? Long.class : c == double.class ? Double.class
                : c == boolean.class ? Boolean.class : c;
    }
}
