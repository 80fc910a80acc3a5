package org.tabula.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tabula.Sql.text;
import static org.tabula.docs.Users.USERS;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.result.Row;

/** docs/tutorial/text.md: textual SQL with bound parameters. */
class TextSamples {

    @Test
    void textWithParameters() {
        try (Engine engine = SampleData.engine(); Connection conn = engine.connect()) {
            // tag::text[]
            List<Row> rows = conn.execute(
                    text("SELECT name, fullname FROM user_account WHERE name > :name ORDER BY name")
                            .bind("name", "patrick")).all();
            for (Row row : rows) {
                System.out.println(row.get("name") + ": " + row.get("fullname"));
            }
            assertEquals("sandy", rows.get(0).get("name"));
            // end::text[]
        }
    }

    @Test
    void executeMany() {
        try (Engine engine = SampleData.engine()) {
            // tag::text-many[]
            engine.begin(conn -> conn.execute(
                    text("INSERT INTO user_account (name) VALUES (:name)"),
                    List.of(Map.of("name", "squidward"), Map.of("name", "gary"))));
            // end::text-many[]
            // tag::text-typed[]
            Number count = engine.transaction(conn -> conn.execute(
                    text("SELECT count(*) AS n FROM user_account")).scalarOne());
            assertEquals(5, count.intValue());                   // as the driver read it
            String name = engine.transaction(conn -> conn.execute(
                    text("SELECT name FROM user_account WHERE id = :id")
                            .bind("id", 1L)
                            .columns(USERS.name))                 // typed like the table's column
                    .one().get(USERS.name));
            assertEquals("spongebob", name);
            // end::text-typed[]
        }
    }
}
