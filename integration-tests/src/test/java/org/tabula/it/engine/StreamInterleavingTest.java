package org.tabula.it.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.count;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;
import org.tabula.error.UnsupportedFeatureException;
import org.tabula.it.Databases;
import org.tabula.result.Result;
import org.tabula.result.Row;
import org.tabula.schema.Column;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;

/**
 * Other statements on a connection while a stream is open on it: SQLite and PostgreSQL always,
 * MySQL/MariaDB only through a server-side cursor ({@code useCursorFetch=true} in the URL).
 */
class StreamInterleavingTest {

    static final class Ticks extends Table {
        final Column<Long> id = bigint("id").primaryKey();

        Ticks() {
            super("stream_ticks");
        }
    }

    static final Ticks TICKS = new Ticks();

    static Stream<String> databases() {
        return Databases.names().stream();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aStreamLetsOtherStatementsRunWhereTheConnectionSaysSo(String db) {
        Engine shared = Databases.engine(db);
        MetaData schema = new MetaData(TICKS);
        schema.dropAll(shared);
        schema.createAll(shared);
        List<Map<String, ?>> rows = new ArrayList<>();
        for (long i = 1; i <= 30; i++) {
            rows.add(Map.of("id", i));
        }
        shared.begin(conn -> conn.execute(insert(TICKS), rows));
        boolean mysql = Databases.isMySql(db);
        try (Connection conn = shared.connect()) {
            assertEquals(!mysql, conn.runsStatementsWhileStreaming(), "row-by-row streaming on MySQL/MariaDB");
        }
        if (!mysql) {
            readWhileStreaming(shared);
            return;
        }
        // Row by row: another statement is refused before it is sent, saying what to do instead.
        try (Connection conn = shared.connect()) {
            try (Result stream = conn.stream(select(TICKS.id).orderBy(TICKS.id), 10)) {
                stream.iterator().next();
                UnsupportedFeatureException refused = assertThrows(UnsupportedFeatureException.class,
                        () -> conn.execute(select(count()).from(TICKS)));
                assertTrue(refused.getMessage().contains("a stream is still open on this connection")
                        && refused.getMessage().contains("useCursorFetch=true"), refused.getMessage());
            }
            assertEquals(30L, ((Number) conn.execute(select(count()).from(TICKS)).scalarOne()).longValue(),
                    "once the stream is closed, the connection goes on");
        }
        try (Engine cursor = Engine.create(Databases.url(db) + "&useCursorFetch=true", EngineOptions.defaults().poolSize(1))) {
            try (Connection conn = cursor.connect()) {
                assertTrue(conn.runsStatementsWhileStreaming());
            }
            readWhileStreaming(cursor);
        } finally {
            schema.dropAll(shared);
        }
    }

    /** Reads 30 rows 10 at a time, counting on the same connection after every tenth: each count sees the table. */
    private static void readWhileStreaming(Engine engine) {
        List<Long> counts = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        try (Connection conn = engine.connect(); Result stream = conn.stream(select(TICKS.id).orderBy(TICKS.id), 10)) {
            for (Row row : stream) {
                seen.add(row.get(TICKS.id));
                if (seen.size() % 10 == 0) {
                    Number inTable = (Number) conn.execute(select(count()).from(TICKS).where(TICKS.id.le((long) seen.size())))
                            .scalarOne();
                    counts.add(inTable.longValue());
                }
            }
            assertFalse(conn.isClosed());
        }
        assertEquals(30, seen.size());
        assertEquals(List.of(10L, 20L, 30L), counts);
    }
}
