package org.tabula.docs.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tabula.orm.LoadOption.raise;
import static org.tabula.orm.LoadOption.selectIn;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tabula.engine.Engine;
import org.tabula.orm.Mapper;
import org.tabula.orm.Session;
import org.tabula.orm.SessionFactory;

/** docs/tutorial/orm.md: mapping, the session, relationships and loading. */
class OrmSamples {

    private Engine engine;
    private SessionFactory sessions;

    @BeforeEach
    void setUp() {
        engine = Engine.create("jdbc:sqlite::memory:");
        // tag::create-tables[]
        Mapper.metaData(User.class, Address.class).createAll(engine);
        SessionFactory sessions = SessionFactory.of(engine);
        // end::create-tables[]
        this.sessions = sessions;
        sessions.begin(session -> {
            User sandy = new User("sandy", "Sandy Cheeks");
            sandy.addresses.add(new Address("sandy@sqlalchemy.org"));
            sandy.addresses.add(new Address("sandy@squirrelpower.org"));
            session.add(sandy);
            session.add(new User("patrick", "Patrick Star"));
        });
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    @Test
    void addAndCommit() {
        // tag::add[]
        try (Session session = sessions.openSession()) {
            User squidward = new User("squidward", "Squidward Tentacles");
            session.add(squidward);
            session.flush();                                   // INSERT ... RETURNING: id set
            assertEquals(3L, squidward.id);
            session.commit();                                  // one transaction
        }
        // end::add[]
    }

    @Test
    void getAndQuery() {
        // tag::query[]
        try (Session session = sessions.openSession()) {
            User sandy = session.select(User.class)
                    .where(User_.name.eq("sandy"))            // User_ is generated at compile time
                    .one();
            assertSame(sandy, session.get(User.class, sandy.id));   // identity map
            List<User> all = session.select(User.class).orderBy(User_.name).all();
            assertEquals(2, all.size());
            User patrick = session.select(User.class).filterBy(User_.name, "patrick").first();
            assertEquals("Patrick Star", patrick.fullname);
        }
        // end::query[]
    }

    @Test
    void updateAndDelete() {
        // tag::update[]
        sessions.begin(session -> {                            // commit, or rollback on exception
            User patrick = session.select(User.class).filterBy(User_.name, "patrick").one();
            patrick.fullname = "Patrick the Star";             // UPDATE at flush
            User sandy = session.select(User.class).filterBy(User_.name, "sandy").one();
            session.delete(sandy);                             // and her addresses (cascade)
        });
        // end::update[]
        sessions.begin(session -> assertEquals(1, session.select(User.class).all().size()));
    }

    @Test
    void relationships() {
        // tag::relationships[]
        sessions.begin(session -> {
            User patrick = session.select(User.class).filterBy(User_.name, "patrick").one();
            Address home = new Address("patrick@rock.org");
            patrick.addresses.add(home);                       // loads the list, then adds
            assertSame(patrick, home.user.get());              // the back reference follows
            // at commit: INSERT INTO addresses (user_id, email) VALUES (patrick's id, ...)
        });
        // end::relationships[]
        sessions.begin(session -> assertEquals(1,
                session.select(User.class).filterBy(User_.name, "patrick").one().addresses.size()));
    }

    @Test
    void loading() {
        // tag::loading[]
        try (Session session = sessions.openSession()) {
            List<User> users = session.select(User.class)
                    .options(selectIn(User_.addresses))        // 2 statements for any number of users
                    .orderBy(User_.name)
                    .all();
            assertEquals(0, users.get(0).addresses.size());    // patrick
            assertEquals(2, users.get(1).addresses.size());    // sandy
            List<User> withSqlalchemy = session.select(User.class)
                    .where(User_.addresses.any(Address_.email.contains("sqlalchemy")))   // EXISTS (...)
                    .all();
            assertEquals(1, withSqlalchemy.size());
        }
        // end::loading[]
    }

    @Test
    void raiseLoad() {
        try (Session session = sessions.openSession()) {
            // tag::raise[]
            User sandy = session.select(User.class)
                    .options(raise(User_.addresses))           // no lazy load behind your back
                    .filterBy(User_.name, "sandy").one();
            assertThrows(RuntimeException.class, () -> sandy.addresses.size());
            // end::raise[]
        }
    }
}
