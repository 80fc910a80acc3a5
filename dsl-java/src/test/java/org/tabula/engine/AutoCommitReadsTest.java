package org.tabula.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.count;
import static org.tabula.Sql.func;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Sql.text;
import static org.tabula.Sql.update;
import static org.tabula.Users.USERS;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tabula.dialect.Dialect;
import org.tabula.schema.MetaData;
import org.tabula.type.SqlTypes;

/** {@link EngineOptions#autoCommitReads}: reads in auto-commit, everything that may write in a transaction, on SQLite. */
class AutoCommitReadsTest {

    @TempDir
    Path dir;

    private Engine file(String name, EngineOptions options) {
        Engine engine = Engine.create("jdbc:sqlite:" + dir.resolve(name), options);
        new MetaData(USERS).createAll(engine);
        engine.begin(conn -> conn.execute(insert(USERS).set(USERS.name, "ann").set(USERS.age, 1)));
        return engine;
    }

    private static int age(Connection conn) {
        return conn.execute(select(USERS.age).where(USERS.name.eq("ann"))).<Integer>scalarOne();
    }

    private static long rows(Engine engine) {
        try (Connection conn = engine.connect()) {
            return conn.execute(select(count()).from(USERS)).scalarOne();
        }
    }

    @Test
    void onlyQueriesWithoutLocksRawSqlOrUnknownFunctionsArePureReads() {
        Dialect d = Dialect.SQLITE;
        assertTrue(d.render(select(USERS.name).where(USERS.age.gt(1))).pureRead());
        assertTrue(d.render(select(count()).from(USERS)).pureRead());
        assertFalse(d.render(select(USERS.name).where(USERS.age.gt(1)).forUpdate()).pureRead());
        assertFalse(d.render(select(func("my_audit", SqlTypes.INTEGER, USERS.id)).from(USERS)).pureRead());
        assertFalse(d.render(text("SELECT 1")).pureRead(), "text() of unknown kind");
        assertFalse(d.render(insert(USERS).set(USERS.name, "x")).pureRead());
        assertFalse(d.render(update(USERS).set(USERS.age, 2).allRows()).pureRead());
    }

    @Test
    void aReadRunsInAutoCommitAndListenersHearOfNoTransaction() {
        RecordingListener recorder = new RecordingListener();
        try (Engine engine = file("events.db", EngineOptions.defaults().autoCommitReads(true).listener(recorder))) {
            recorder.lines.clear();
            try (Connection conn = engine.connect()) {
                assertEquals(1, age(conn));
                assertFalse(conn.isInTransaction());
                assertTrue(conn.isAutoCommit());
            }
            try (Connection conn = engine.connect()) {
                age(conn);
                assertTrue(conn.isAutoCommit());
                conn.execute(update(USERS).set(USERS.age, 2).allRows());
                assertFalse(conn.isAutoCommit(), "a write leaves auto-commit");
                conn.commit();
                assertTrue(conn.isAutoCommit(), "the commit turns it back on");
            }
            assertEquals(List.of("acquired", "before select [ann]", "after select rows=1", "released",
                    "acquired", "before select [ann]", "after select rows=1", "begin", "before update [2]",
                    "after update rows=1", "commit", "released"), recorder.lines);
        }
    }

    @Test
    void uncommittedWritesRollBackAndTheConnectionIdlesInAutoCommit() {
        try (Engine engine = file("rb.db", EngineOptions.defaults().autoCommitReads(true))) {
            try (Connection conn = engine.connect()) {
                age(conn);
                conn.execute(insert(USERS).set(USERS.name, "bob"));
            }
            try (Connection conn = engine.connect()) {
                conn.execute(text("INSERT INTO users (name) VALUES ('cy')"));
            }
            try (Connection conn = engine.connect()) {                 // the typed executemany
                conn.execute(insert(USERS), List.of("dee", "eve"), (row, name) -> row.set(USERS.name, name));
                assertFalse(conn.isAutoCommit());
            }
            try (Connection conn = engine.connect()) {
                conn.execute(select(USERS.id).where(USERS.name.eq("ann")).forUpdate());
                assertTrue(conn.isInTransaction(), "FOR UPDATE takes the write lock in a transaction");
                conn.execute(update(USERS).set(USERS.age, 9).allRows());
            }
            try (Connection conn = engine.connect()) {
                assertEquals(1, age(conn));
                assertTrue(conn.isAutoCommit());
            }
            assertEquals(1, rows(engine));
        }
    }

    @Test
    void rawJdbcWorkRunsInATransaction() throws java.sql.SQLException {
        try (Engine engine = file("raw.db", EngineOptions.defaults().autoCommitReads(true))) {
            try (Connection conn = engine.connect()) {
                age(conn);
                try (java.sql.Statement s = conn.jdbc().createStatement()) {
                    s.execute("INSERT INTO users (name) VALUES ('raw')");
                }
                assertFalse(conn.isAutoCommit(), "plain JDBC may write: no auto-commit");
            }
            assertEquals(1, rows(engine), "closed without commit: rolled back");
            try (Connection conn = engine.connect()) {
                try (java.sql.Statement s = conn.jdbc().createStatement()) {
                    s.execute("INSERT INTO users (name) VALUES ('raw')");
                }
                conn.jdbc().commit();
            }
            assertEquals(2, rows(engine));
        }
    }

    @Test
    void twoReadsOnOneConnectionAreTwoTransactionsAndBeginGivesOneSnapshot() {
        try (Engine engine = file("snap.db", EngineOptions.defaults().autoCommitReads(true));
                Engine writer = Engine.create("jdbc:sqlite:" + dir.resolve("snap.db"))) {
            try (Connection reader = engine.connect()) {
                assertEquals(1, age(reader));
                writer.begin(conn -> conn.execute(update(USERS).set(USERS.age, 2).allRows()));
                assertEquals(2, age(reader), "in auto-commit each read sees what was committed before it");
            }
            try (Connection reader = engine.begin()) {
                assertEquals(2, age(reader));
                writer.begin(conn -> conn.execute(update(USERS).set(USERS.age, 3).allRows()));
                assertEquals(2, age(reader), "an explicit transaction reads one snapshot");
                reader.commit();
            }
            long seen = engine.transaction(conn -> {
                int a = age(conn);
                writer.begin(c -> c.execute(update(USERS).set(USERS.age, 4).allRows()));
                assertEquals(a, age(conn));
                return (long) a;
            });
            assertEquals(3, seen);
        }
    }

    @Test
    void theDefaultIsTheDialectsAndAStricterIsolationKeepsTransactions() {
        assertFalse(Dialect.SQLITE.autoCommitReadsByDefault());
        assertTrue(Dialect.POSTGRES.autoCommitReadsByDefault());
        try (Engine engine = file("default.db", EngineOptions.defaults()); Connection conn = engine.connect()) {
            age(conn);
            assertTrue(conn.isInTransaction(), "commit as you go, as before");
        }
    }

    @Test
    void aReplicatedEnginesRoutedConnectionsKeepTheirTransactions() {
        EngineOptions on = EngineOptions.defaults().autoCommitReads(true);
        try (Engine engine = Engine.replicated(file("primary.db", on), file("replica.db", on))) {
            try (Connection conn = engine.connect()) {
                assertEquals(1, age(conn));                            // the replica
                conn.execute(insert(USERS).set(USERS.name, "bob"));    // the primary, not committed
            }
            try (Connection conn = engine.connect()) {
                conn.execute(insert(USERS).set(USERS.name, "cy"));
                conn.commit();
            }
            try (Connection conn = engine.primary().connect()) {
                assertEquals(2L, (long) conn.execute(select(count()).from(USERS)).<Long>scalarOne());
                assertTrue(conn.isAutoCommit(), "the primary's connection went back in auto-commit");
            }
        }
    }
}
