package org.tabula.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Sql.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tabula.schema.Column;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;

/** Statements kept open per pooled SQLite connection (EngineOptions.statementCacheSize). */
class StatementCacheTest {

    static final class Notes extends Table {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> body = varchar("body", 40);

        Notes() {
            super("sc_notes");
        }
    }

    static final Notes NOTES = new Notes();

    record Note(long id, String body) {
    }

    private static List<Note> from(Connection conn, long first) {
        return conn.fetch(select(NOTES.id, NOTES.body).from(NOTES).where(NOTES.id.ge(first)).orderBy(NOTES.id),
                Note.class);
    }

    private static int kept(Engine engine) throws SQLException {
        // in-memory SQLite: the pool's one connection, so the same driver connection every time
        try (java.sql.Connection pooled = engine.dataSource().getConnection()) {
            StatementCache cache = engine.statementCache(pooled);
            return cache == null ? -1 : cache.size();
        }
    }

    @Test
    void aQueryRunAgainUsesItsStatementWithNewValues() throws SQLException {
        try (Engine engine = Engine.create("jdbc:sqlite::memory:")) {
            new MetaData(NOTES).createAll(engine);
            engine.begin(conn -> conn.execute(insert(NOTES).columns(NOTES.id, NOTES.body)
                    .values(1L, "a").values(2L, "b").values(3L, "c")));
            for (long first = 1; first <= 3; first++) {
                try (Connection conn = engine.connect()) {
                    assertEquals(4 - first, from(conn, first).size());
                }
            }
            assertEquals(1, kept(engine), "one select, prepared once");
            try (Connection conn = engine.connect()) {
                // the same query run inside its own row mapper: the outer run's statement is out, so a second is made
                List<List<Note>> nested = conn.fetch(select(NOTES.id, NOTES.body).from(NOTES).where(NOTES.id.ge(2L))
                        .orderBy(NOTES.id), values -> from(conn, (Long) values[0]));
                assertEquals(List.of(List.of(new Note(2, "b"), new Note(3, "c")), List.of(new Note(3, "c"))), nested);
                // text is never kept
                conn.execute(text("SELECT 1"));
            }
            assertEquals(1, kept(engine), "the second statement of the same SQL closed");
        }
    }

    @Test
    void keepsAtMostItsSizeAndNoneWhenOff() throws SQLException {
        try (Engine engine = Engine.create("jdbc:sqlite::memory:", EngineOptions.defaults().statementCacheSize(2))) {
            new MetaData(NOTES).createAll(engine);
            try (Connection conn = engine.connect()) {
                for (int round = 0; round < 3; round++) {
                    assertEquals(0, conn.fetch(select(NOTES.id).from(NOTES), values -> values[0]).size());
                    assertEquals(0, conn.fetch(select(NOTES.body).from(NOTES), values -> values[0]).size());
                    assertEquals(0, from(conn, 1).size());
                }
            }
            assertEquals(2, kept(engine));
        }
        try (Engine engine = Engine.create("jdbc:sqlite::memory:", EngineOptions.defaults().statementCacheSize(0))) {
            new MetaData(NOTES).createAll(engine);
            try (Connection conn = engine.connect()) {
                assertEquals(0, from(conn, 1).size());
            }
            assertEquals(-1, kept(engine));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EngineOptions.defaults().statementCacheSize(-1));
        assertTrue(e.getMessage().contains("statementCacheSize"), e.getMessage());
    }

    @Test
    void aKeptStatementSeesOtherConnectionsWritesAndSchemaChanges(@TempDir Path dir) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("kept.db");
        try (Engine reader = Engine.create(url, EngineOptions.defaults().poolSize(1).maxOverflow(0));
             Engine writer = Engine.create(url)) {
            new MetaData(NOTES).createAll(writer);
            try (Connection conn = reader.connect()) {
                assertEquals(0, from(conn, 1).size());
            }
            writer.begin(conn -> conn.execute(insert(NOTES).set(NOTES.id, 1L).set(NOTES.body, "new")));
            try (Connection conn = reader.connect()) {
                assertEquals(List.of(new Note(1, "new")), from(conn, 1), "no snapshot left open by the kept statement");
            }
            // the reader's statement is still open: the writer can change the schema and the query still runs
            writer.begin(conn -> conn.execute(text("ALTER TABLE sc_notes ADD COLUMN extra INTEGER")));
            writer.begin(conn -> conn.execute(insert(NOTES).set(NOTES.id, 2L).set(NOTES.body, "two")));
            try (Connection conn = reader.connect()) {
                assertEquals(List.of(new Note(1, "new"), new Note(2, "two")), from(conn, 1));
            }
        }
        assertTrue(Files.exists(dir.resolve("kept.db")));
    }
}
