package org.tabula.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Sql.text;
import static org.tabula.docs.Users.USERS;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;
import org.tabula.engine.Isolation;
import org.tabula.engine.TransactionOptions;
import org.tabula.schema.MetaData;

/** docs/tutorial/engine.md: the engine, connections and transactions. */
class EngineSamples {

    @Test
    void createEngine() {
        // tag::create[]
        try (Engine engine = Engine.create("jdbc:sqlite::memory:")) {
            System.out.println(engine.dialect().name());   // sqlite
        }
        // end::create[]
    }

    @Test
    void options() {
        // tag::options[]
        EngineOptions options = EngineOptions.defaults()
                .echo(true)                                 // log SQL through SLF4J
                .poolSize(4)                                // HikariCP pool (SQLite in memory: one)
                .queryTimeout(Duration.ofSeconds(30));
        try (Engine engine = Engine.create("jdbc:sqlite::memory:", options)) {
            assertEquals(4, engine.options().poolSize());
        }
        // end::options[]
    }

    @Test
    void autoCommitReads() {
        // tag::auto-commit-reads[]
        EngineOptions options = EngineOptions.defaults().autoCommitReads(true);   // PostgreSQL: the default
        try (Engine engine = Engine.create("jdbc:sqlite::memory:", options)) {
            new MetaData(USERS).createAll(engine);
            try (Connection conn = engine.connect()) {
                conn.execute(select(USERS.name).from(USERS));    // one statement, in auto-commit
                assertFalse(conn.isInTransaction());              // nothing to roll back on close
                conn.execute(insert(USERS).set(USERS.name, "ann"));   // a write: a transaction from here
                conn.commit();                                    // closing without commit rolls back
            }
            try (Connection conn = engine.begin()) {              // an explicit transaction: one snapshot
                conn.execute(select(USERS.name).from(USERS));
                conn.commit();
            }
        }
        // end::auto-commit-reads[]
    }

    @Test
    void statementCache() {
        // tag::statement-cache[]
        EngineOptions options = EngineOptions.defaults().statementCacheSize(256);   // SQLite's default: 64
        try (Engine engine = Engine.create("jdbc:sqlite::memory:", options)) {
            new MetaData(USERS).createAll(engine);
            for (int i = 0; i < 3; i++) {
                try (Connection conn = engine.connect()) {
                    conn.execute(select(USERS.name).from(USERS));    // prepared once, then kept on the connection
                }
            }
        }
        // end::statement-cache[]
    }

    @Test
    void commitAsYouGo() {
        try (Engine engine = Engine.create("jdbc:sqlite::memory:")) {
            // tag::commit-as-you-go[]
            try (Connection conn = engine.connect()) {
                conn.execute(text("CREATE TABLE some_table (x int, y int)"));
                conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)")
                        .bind("x", 1).bind("y", 1));
                conn.commit();                              // closing without commit rolls back
            }
            // end::commit-as-you-go[]
            // tag::begin-once[]
            engine.begin(conn -> {                          // commits at the end, rolls back on exception
                conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)")
                        .bind("x", 2).bind("y", 4));
            });
            Number rows = engine.transaction(conn ->         // the same, returning a value
                    conn.execute(text("SELECT count(*) FROM some_table")).scalarOne());
            assertEquals(2, rows.intValue());                // text() columns come as the driver reads them
            // end::begin-once[]
            // tag::transaction-options[]
            TransactionOptions readOnly = TransactionOptions
                    .isolation(Isolation.SERIALIZABLE).readOnly(true);
            engine.begin(readOnly, conn -> {
                assertFalse(conn.execute(text("SELECT x FROM some_table")).all().isEmpty());
            });
            // end::transaction-options[]
        }
    }
}
