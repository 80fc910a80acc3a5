package org.tabula.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Sql.text;
import static org.tabula.docs.Users.USERS;

import org.junit.jupiter.api.Test;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.error.DataException;
import org.tabula.error.NoResultException;
import org.tabula.error.TransactionRolledBackException;
import org.tabula.error.UniqueViolationException;

/** docs/errors.md: which exception, and what to do with it. */
class ErrorSamples {

    @Test
    void integrity() {
        try (Engine engine = SampleData.engine()) {
            engine.begin(conn -> conn.execute(text("CREATE UNIQUE INDEX ux_name ON user_account (name)")));
            // tag::unique[]
            try {
                engine.begin(conn -> conn.execute(insert(USERS).set(USERS.name, "sandy")));
            } catch (UniqueViolationException e) {          // the same class on every database
                System.out.println(e.sqlState() + " " + e.getMessage());   // names table and columns
            }
            // end::unique[]
            assertThrows(UniqueViolationException.class,
                    () -> engine.begin(conn -> conn.execute(insert(USERS).set(USERS.name, "sandy"))));
        }
    }

    @Test
    void refusedBeforeTheDatabase() {
        try (Engine engine = SampleData.engine(); Connection conn = engine.connect()) {
            // tag::refused[]
            DataException e = assertThrows(DataException.class,       // before the database sees it
                    () -> conn.execute(insert(USERS).set(USERS.name, "x".repeat(31))));
            assertTrue(e.getMessage().contains("user_account.name"));   // varchar(30)
            // end::refused[]
        }
    }

    @Test
    void noResult() {
        try (Engine engine = SampleData.engine(); Connection conn = engine.connect()) {
            // tag::no-result[]
            assertThrows(NoResultException.class,
                    () -> conn.execute(select(USERS).where(USERS.name.eq("nobody"))).one());
            // end::no-result[]
        }
    }

    @Test
    void savepoints() {
        try (Engine engine = SampleData.engine()) {
            engine.begin(conn -> conn.execute(text("CREATE UNIQUE INDEX ux_name ON user_account (name)")));
            // tag::rolled-back[]
            assertThrows(TransactionRolledBackException.class, () -> engine.begin(conn -> {
                try {
                    conn.execute(insert(USERS).set(USERS.name, "sandy"));
                } catch (UniqueViolationException swallowed) {
                    // the transaction is doomed all the same: the commit rolls back and throws
                }
            }));
            engine.begin(conn -> {
                try {
                    conn.nested(c -> c.execute(insert(USERS).set(USERS.name, "sandy")));   // savepoint
                } catch (UniqueViolationException expected) {
                    // only the savepoint is rolled back; the transaction goes on
                }
                conn.execute(insert(USERS).set(USERS.name, "gary"));
            });
            // end::rolled-back[]
            long users = engine.transaction(conn -> conn.execute(text("SELECT count(*) FROM user_account")).<Number>scalarOne().longValue());
            assertEquals(4L, users);
        }
    }
}
