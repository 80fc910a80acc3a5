package org.tabula.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tabula.Sql.delete;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Sql.text;
import static org.tabula.Sql.update;
import static org.tabula.docs.Addresses.ADDRESSES;
import static org.tabula.docs.Users.USERS;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tabula.engine.Engine;
import org.tabula.result.Row;

/** docs/migrating-from-jooq.md: the Tabula side of each comparison. */
class FromJooqSamples {

    record UserEmail(String name, String email) {}

    @Test
    void all() {
        try (Engine engine = SampleData.engine()) {
            // tag::select[]
            List<Row> rows = engine.transaction(conn -> conn.execute(
                    select(USERS.name, ADDRESSES.email)
                            .from(USERS).join(ADDRESSES)         // ON from the foreign key
                            .where(USERS.name.eq("sandy"))
                            .orderBy(ADDRESSES.email.asc())).all());
            String email = rows.get(0).get(ADDRESSES.email);
            // end::select[]
            assertEquals("sandy@sqlalchemy.org", email);

            // tag::into[]
            List<UserEmail> emails = engine.transaction(conn -> conn.fetch(
                    select(USERS.name, ADDRESSES.email.as("email")).from(USERS).join(ADDRESSES),
                    UserEmail.class));
            // end::into[]
            assertEquals(3, emails.size());

            // tag::insert[]
            engine.begin(conn -> conn.execute(insert(USERS).columns(USERS.name, USERS.fullname)
                    .values("gary", "Gary the Snail")));
            long garyId = engine.transaction(conn -> conn.execute(
                    insert(USERS).set(USERS.name, "larry")).insertedPrimaryKey().get(USERS.id));
            // end::insert[]
            assertEquals(5L, garyId);

            // tag::update-delete[]
            engine.begin(conn -> {
                conn.execute(update(USERS).set(USERS.fullname, "Larry the Lobster")
                        .where(USERS.name.eq("larry")));
                conn.execute(delete(USERS).where(USERS.name.eq("gary")));
            });
            // end::update-delete[]

            // tag::plain-sql[]
            List<Row> plain = engine.transaction(conn -> conn.execute(
                    text("SELECT name FROM user_account WHERE name = :name").bind("name", "sandy"))
                    .all());
            // end::plain-sql[]
            assertEquals(1, plain.size());
        }
    }
}
