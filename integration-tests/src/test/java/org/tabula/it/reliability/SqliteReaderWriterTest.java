package org.tabula.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.update;
import static org.tabula.it.reliability.RelSchema.COUNTER;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;
import org.tabula.it.Databases;
import org.tabula.orm.Mapper;
import org.tabula.orm.Session;
import org.tabula.orm.SessionFactory;

/**
 * A SQLite file database serves a reader and a writer at once: a session that has read a row
 * keeps its read transaction open, and writers on other connections (of the same engine or of
 * another) still commit. With SQLite's rollback journal the reader's shared lock made those
 * commits fail with {@code SQLITE_BUSY}; the engine opens file databases in WAL mode. SQLite
 * only: MariaDB and PostgreSQL never blocked here.
 */
@ExtendWith(NoBorrowedConnections.class)
class SqliteReaderWriterTest {

    /** A read model of {@code rel_counter}. */
    public static class CounterRow {
        public Long id;
        public Long value;
    }

    private static void setValue(Engine engine, long value) {
        engine.begin(conn -> conn.execute(update(COUNTER).set(COUNTER.value, value).where(COUNTER.id.eq(1L))));
    }

    @Test
    void aSessionThatHasReadDoesNotBlockWritersAndItsNextTransactionSeesTheirWrites() {
        Engine engine = Rel.fresh("sqlite");
        Mapper.map(CounterRow.class, COUNTER);
        engine.begin(conn -> conn.execute(insert(COUNTER).set(COUNTER.id, 1L).set(COUNTER.value, 1L)));
        try (Session session = SessionFactory.of(engine).openSession()) {
            CounterRow row = session.get(CounterRow.class, 1L);
            assertEquals(1L, row.value);

            setValue(engine, 2L);                                   // another connection of the same engine
            try (Engine other = Databases.newEngine("sqlite", EngineOptions.defaults().poolSize(1).maxOverflow(0))) {
                setValue(other, 3L);                                // a connection of another engine
            }

            session.commit();
            assertEquals(3L, session.get(CounterRow.class, 1L).value, "the session's next transaction sees the writes");
        }
    }
}
