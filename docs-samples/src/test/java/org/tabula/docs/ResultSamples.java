package org.tabula.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.tabula.Sql.select;
import static org.tabula.docs.Addresses.ADDRESSES;
import static org.tabula.docs.Users.USERS;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.result.Result;
import org.tabula.result.Row;

/** docs/tutorial/results.md: reading what a statement returned. */
class ResultSamples {

    // tag::record[]
    record UserEmail(String name, String email) {}   // components in the order of the SELECT
    // end::record[]

    @Test
    void rows() {
        try (Engine engine = SampleData.engine(); Connection conn = engine.connect()) {
            // tag::rows[]
            Result result = conn.execute(select(USERS.id, USERS.name, USERS.fullname)
                    .orderBy(USERS.id));
            for (Row row : result) {                           // buffered: read once
                long id = row.get(USERS.id);                   // typed by the column
                String name = row.get("name");                 // by label
                Object fullname = row.get(2);                  // by position
                System.out.println(id + " " + name + " " + fullname);
            }
            // end::rows[]
        }
    }

    @Test
    void oneAndScalars() {
        try (Engine engine = SampleData.engine(); Connection conn = engine.connect()) {
            // tag::one[]
            Row sandy = conn.execute(select(USERS).where(USERS.name.eq("sandy"))).one();
            Row nobody = conn.execute(select(USERS).where(USERS.name.eq("x"))).oneOrNull();
            Row first = conn.execute(select(USERS).orderBy(USERS.name)).first();
            String fullname = conn.execute(select(USERS.fullname)
                    .where(USERS.name.eq("sandy"))).scalarOne();
            List<String> names = conn.execute(select(USERS.name).orderBy(USERS.id)).scalars();
            assertEquals("Sandy Cheeks", sandy.get(USERS.fullname));
            assertNull(nobody);
            assertEquals("patrick", first.get(USERS.name));
            assertEquals("Sandy Cheeks", fullname);
            assertEquals(List.of("spongebob", "sandy", "patrick"), names);
            // end::one[]
        }
    }

    @Test
    void mappingsAndRecords() {
        try (Engine engine = SampleData.engine(); Connection conn = engine.connect()) {
            // tag::records[]
            var query = select(USERS.name, ADDRESSES.email.as("email")).from(USERS).join(ADDRESSES)
                    .orderBy(ADDRESSES.id);
            List<Map<String, Object>> maps = conn.execute(query).mappings();
            List<UserEmail> emails = conn.fetch(query, UserEmail.class);   // straight from JDBC
            List<UserEmail> same = conn.execute(query).into(UserEmail.class);
            assertEquals("spongebob", maps.get(0).get("name"));
            assertEquals(new UserEmail("spongebob", "spongebob@sqlalchemy.org"), emails.get(0));
            assertEquals(emails, same);
            // end::records[]
        }
    }

    @Test
    void streaming() {
        try (Engine engine = SampleData.engine(); Connection conn = engine.connect()) {
            // tag::stream[]
            try (Result big = conn.stream(select(USERS.name).orderBy(USERS.id), 500)) {
                long n = big.stream().map(row -> row.get(USERS.name)).count();   // 500 rows at a time
                assertEquals(3L, n);
            }
            // end::stream[]
        }
    }
}
