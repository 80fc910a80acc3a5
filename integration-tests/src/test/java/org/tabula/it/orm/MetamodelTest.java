package org.tabula.it.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.orm.LoadOption.joined;
import static org.tabula.orm.LoadOption.selectIn;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;
import org.tabula.it.Databases;
import org.tabula.orm.OrmException;
import org.tabula.orm.Session;
import org.tabula.orm.SessionFactory;

/**
 * The generated metamodel ({@code RelUser_}, {@code RelPost_}, ... written by tabula-processor at
 * test-compile time) in conditions, {@code filterBy}, joins and load options, on SQLite, MariaDB
 * and PostgreSQL.
 */
class MetamodelTest {

    static Stream<String> databases() {
        return Databases.names().stream();
    }

    private static List<String> names(List<RelUser> users) {
        return users.stream().map(u -> u.name).toList();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void typedHandlesInWhereFilterByAndJoins(String db) {
        SessionFactory sessions = OrmRelationshipsTest.fresh(Databases.engine(db));
        long annId = OrmRelationshipsTest.seed(sessions);
        sessions.begin(session -> session.add(new RelPost("loose")));     // no author: author_id IS NULL
        sessions.begin(session -> {
            assertEquals(List.of("ann"), names(session.select(RelUser.class).where(RelUser_.name.startsWith("a")).all()));
            assertEquals("bob", session.query(RelUser.class).filterBy(RelUser_.name, "bob").one().name);
            assertEquals("ann", session.query(RelUser.class).filterBy(RelUser_.id, annId).one().name);
            assertEquals(List.of("loose"), session.select(RelPost.class).filterBy(RelPost_.authorId, null).all()
                    .stream().map(p -> p.title).toList(), "a null value of a nullable column is IS NULL");
            assertEquals(List.of("ann"), names(session.select(RelUser.class).join(RelUser_.roles)
                    .where(RelRole_.name.eq("admin")).distinct().all()));
            assertEquals(List.of("ann"), names(session.select(RelUser.class)
                    .join(RelUser_.roles.then(RelRole_.permissions)).where(RelPermission_.name.eq("read")).distinct().all()));
            assertEquals(List.of("bob"), names(session.select(RelUser.class)
                    .where(RelUser_.posts.any(RelPost_.title.eq("bob's"))).all()));
            assertEquals(List.of("ann", "bob"), names(session.select(RelUser.class)
                    .where(RelUser_.profile.has().not().or(RelUser_.profile.has(RelProfile_.bio.contains("SQL"))))
                    .orderBy(RelUser_.name.asc()).all()));
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void typedLoadOptionsLoadInAFixedNumberOfStatements(String db) {
        List<String> statements = new CopyOnWriteArrayList<>();
        Engine engine = Databases.newEngine(db, EngineOptions.defaults().poolSize(2).listener((sql, params) -> statements.add(sql)));
        try {
            SessionFactory sessions = OrmRelationshipsTest.fresh(engine);
            OrmRelationshipsTest.seed(sessions);
            try (Session session = sessions.openSession()) {
                statements.clear();
                List<RelUser> users = session.select(RelUser.class)
                        .options(selectIn(RelUser_.posts), joined(RelUser_.profile), selectIn(RelUser_.roles.then(RelRole_.permissions)))
                        .orderBy(RelUser_.name.asc()).all();
                RelUser ann = users.get(0);
                assertEquals(List.of("first", "second"), ann.posts.stream().map(p -> p.title).toList());
                assertEquals("likes SQL", ann.profile.get().bio);
                assertEquals(List.of("read", "write"), ann.roles.get(0).permissions.stream().map(p -> p.name).toList());
                assertEquals(4, statements.size(), "users with profiles, posts, roles, permissions: " + statements);
            }
        } finally {
            engine.close();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void handlesOfAnotherEntityAreRefusedNamingThem(String db) {
        SessionFactory sessions = OrmRelationshipsTest.fresh(Databases.engine(db));
        try (Session session = sessions.openSession()) {
            OrmException column = assertThrows(OrmException.class,
                    () -> session.query(RelUser.class).filterBy(RelPost_.title, "first"));
            assertTrue(column.getMessage().contains("rel_orm_posts.title is not a column of its table rel_orm_users"), column.getMessage());
            OrmException option = assertThrows(OrmException.class,
                    () -> session.select(RelUser.class).options(selectIn(RelPost_.author)));
            assertTrue(option.getMessage().contains("starts from RelPost, not from RelUser"), option.getMessage());
        }
    }
}
