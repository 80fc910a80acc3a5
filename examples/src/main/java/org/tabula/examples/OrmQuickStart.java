package org.tabula.examples;

import static org.tabula.Sql.update;

import java.util.List;
import org.tabula.engine.Engine;
import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;
import org.tabula.orm.Mapper;
import org.tabula.orm.Model;
import org.tabula.orm.Session;
import org.tabula.orm.SessionFactory;
import org.tabula.schema.ReferentialAction;
import org.tabula.schema.Table;

/**
 * The ORM in one file, on an in-memory SQLite database: two entities, a session that adds,
 * flushes and commits, gets by key, queries, updates and deletes. Queries use the typed metamodel
 * that tabula-processor generates at compile time ({@code OrmQuickStart_User_.name} is a
 * {@code Column<String>}; for a top-level class {@code User} it is {@code User_}).
 *
 * <p>Run it with {@code mvn -B -q -pl examples -am compile exec:java -Dexample.main=org.tabula.examples.OrmQuickStart}.
 */
public final class OrmQuickStart {

    /** Table "users": id, created_at, updated_at come from {@link Model}. */
    @Entity
    public static class User extends Model {
        @MappedColumn(length = 30, unique = true)
        public String name;
        @MappedColumn(length = 100, nullable = true)
        public String fullname;

        public User() {
        }

        User(String name, String fullname) {
            this.name = name;
            this.fullname = fullname;
        }
    }

    /** Table "addresses"; user_id references users.id. */
    @Entity
    public static class Address {
        @MappedColumn(primaryKey = true, autoIncrement = true)
        public Long id;
        @MappedColumn(references = User.class, onDelete = ReferentialAction.CASCADE)
        public Long userId;
        @MappedColumn(length = 120)
        public String email;

        public Address() {
        }

        Address(Long userId, String email) {
            this.userId = userId;
            this.email = email;
        }
    }

    private OrmQuickStart() {
    }

    public static void main(String[] args) {
        try (Engine engine = Engine.create("jdbc:sqlite::memory:")) {
            Mapper.metaData(User.class, Address.class).createAll(engine);
            SessionFactory sessions = SessionFactory.of(engine);

            long spongebobId;
            try (Session session = sessions.openSession()) {
                User spongebob = new User("spongebob", "Spongebob Squarepants");
                User sandy = new User("sandy", "Sandy Cheeks");
                session.addAll(List.of(spongebob, sandy));
                session.flush();                                   // INSERTs; ids and created_at are now set
                System.out.println("flushed: " + spongebob + " created at " + spongebob.createdAt);

                session.add(new Address(spongebob.id, "spongebob@sqlalchemy.org"));
                session.add(new Address(sandy.id, "sandy@sqlalchemy.org"));
                session.add(new Address(sandy.id, "sandy@squirrelpower.org"));
                session.commit();                                  // one transaction for all of it
                spongebobId = spongebob.id;
            }

            try (Session session = sessions.openSession()) {
                User spongebob = session.get(User.class, spongebobId);
                System.out.println("get: " + spongebob.name + " (" + spongebob.fullname + ")");
                System.out.println("same object from the identity map: "
                        + (spongebob == session.query(User.class).filterBy(OrmQuickStart_User_.name, "spongebob").one()));

                List<Address> sandys = session.select(Address.class)
                        .where(OrmQuickStart_Address_.email.contains("sandy")).orderBy(OrmQuickStart_Address_.email.asc()).all();
                sandys.forEach(a -> System.out.println("query: " + a.email));

                spongebob.fullname = "Spongebob S.";               // dirty tracking: only fullname (and updated_at)
                session.commit();

                Table users = Mapper.table(User.class);            // Core statements through the session
                var name = OrmQuickStart_User_.name;               // Column<String>
                session.execute(update(users).set(name, "sandy.cheeks").where(name.eq("sandy")));

                session.delete(sandys.get(0));
                session.commit();
                System.out.println("users: " + session.select(User.class).orderBy(name.asc()).all().stream()
                        .map(u -> u.name + "/" + u.fullname).toList());
                System.out.println("addresses left: " + session.select(Address.class).count());
            }
        }
    }
}
