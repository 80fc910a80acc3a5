package org.tabula.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Sql.text;
import static org.tabula.Sql.update;
import static org.tabula.Users.USERS;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tabula.error.DatabaseException;
import org.tabula.schema.MetaData;

/** File databases open in WAL mode, so a connection that has read does not make another connection's commit fail. */
class SqliteFileTest {

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

    private static void setAge(Engine engine, int age) {
        engine.begin(conn -> conn.execute(update(USERS).set(USERS.age, age).where(USERS.name.eq("ann"))));
    }

    private static String journalMode(Engine engine) {
        try (Connection conn = engine.connect()) {
            return conn.execute(text("PRAGMA journal_mode")).<String>scalarOne();
        }
    }

    @Test
    void aReaderAndAWriterProceedAtOnceAndTheReadersNextTransactionSeesTheWrite() {
        try (Engine engine = file("rw.db", EngineOptions.defaults())) {
            try (Connection reader = engine.connect()) {
                assertEquals(1, age(reader));
                setAge(engine, 2);                         // another connection commits while the reader's transaction is open
                assertEquals(1, age(reader), "one transaction reads one snapshot");
                reader.commit();
                assertEquals(2, age(reader));
            }
        }
    }

    @Test
    void fileDatabasesUseWalAndInMemoryOnesKeepTheirs() {
        try (Engine wal = file("wal.db", EngineOptions.defaults());
                Engine delete = file("delete.db", EngineOptions.defaults().sqliteJournalMode(SqliteJournalMode.DELETE));
                Engine memory = Engine.create("jdbc:sqlite::memory:")) {
            assertEquals("wal", journalMode(wal));
            assertEquals("delete", journalMode(delete));
            assertEquals("memory", journalMode(memory));
        }
    }

    @Test
    void withTheRollbackJournalAReaderMakesTheWritersCommitFail() {
        EngineOptions options = EngineOptions.defaults().sqliteJournalMode(SqliteJournalMode.DELETE).busyTimeout(Duration.ZERO);
        try (Engine engine = file("busy.db", options); Connection reader = engine.connect()) {
            assertEquals(1, age(reader));
            DatabaseException e = assertThrows(DatabaseException.class, () -> setAge(engine, 2));
            assertTrue(e.getMessage().contains("SQLITE_BUSY"), e.getMessage());
        }
    }

    @Test
    void busyTimeoutMustNotBeNegative() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EngineOptions.defaults().busyTimeout(Duration.ofMillis(-1)));
        assertEquals("busyTimeout must not be negative, got PT-0.001S", e.getMessage());
    }
}
