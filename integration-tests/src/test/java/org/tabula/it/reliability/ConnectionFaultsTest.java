package org.tabula.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Sql.text;
import static org.tabula.it.reliability.RelSchema.ITEMS;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.dialect.Dialect;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;
import org.tabula.error.OperationalException;
import org.tabula.it.Databases;
import org.tabula.result.Result;
import org.tabula.result.Row;

/**
 * Connection hygiene and server-side faults: streams left unread, connections killed by the
 * server mid-transaction, and every pooled connection killed while the engine is idle.
 */
@ExtendWith(NoBorrowedConnections.class)
class ConnectionFaultsTest {

    static java.util.stream.Stream<String> databases() {
        return Rel.databases();
    }

    private static boolean isServer(Engine engine) {
        return engine.dialect() != Dialect.SQLITE;
    }

    private static boolean isMySql(Engine engine) {
        return engine.dialect() == Dialect.MYSQL || engine.dialect() == Dialect.MARIADB;
    }

    /** The server-side id of the connection {@code conn} runs on. */
    private static long backendId(Connection conn) {
        String sql = isMySql(conn.engine()) ? "SELECT CONNECTION_ID()" : "SELECT pg_backend_pid()";
        return ((Number) conn.execute(text(sql)).scalarOne()).longValue();
    }

    /** Kills one server connection from another engine's connection, as an administrator would. */
    private static void kill(Engine killer, long id) {
        try (Connection conn = killer.connect()) {
            if (isMySql(killer)) {
                conn.execute(text("KILL CONNECTION " + id));
            } else {
                conn.execute(text("SELECT pg_terminate_backend(:pid)").bind("pid", (int) id));
            }
        }
    }

    /** Kills every connection to this test database except the killer's own; returns how many. */
    private static int killAllOthers(Engine killer) {
        try (Connection conn = killer.connect()) {
            List<Long> ids = new ArrayList<>();
            String list = isMySql(killer)
                    ? "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID()"
                    : "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()";
            for (Row r : conn.execute(text(list)).all()) {
                ids.add(((Number) r.get(0)).longValue());
            }
            for (long id : ids) {
                try {
                    conn.execute(isMySql(killer) ? text("KILL CONNECTION " + id)
                            : text("SELECT pg_terminate_backend(:pid)").bind("pid", (int) id));
                } catch (RuntimeException gone) {
                    // the connection ended on its own in the meantime
                }
            }
            return ids.size();
        }
    }

    private static Engine killerFor(String db) {
        return Databases.newEngine(db, EngineOptions.defaults().poolSize(1).maxOverflow(0));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void leakDetectionIsOnInTests(String db) {
        Engine engine = Databases.engine(db);
        HikariDataSource pool = (HikariDataSource) engine.dataSource();
        assertTrue(pool.getLeakDetectionThreshold() > 0, "leak detection threshold " + pool.getLeakDetectionThreshold());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void abandonedStreamsAreClosedWithTheirConnection(String db) {
        Engine engine = Rel.fresh(db);
        List<Map<String, ?>> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            rows.add(Map.of("id", (long) i, "name", "n" + i));
        }
        engine.begin(conn -> conn.execute(insert(ITEMS), rows));
        Iterator<Row> it;
        try (Connection conn = engine.connect()) {
            it = conn.stream(select(ITEMS.id, ITEMS.name).orderBy(ITEMS.id), 50).iterator();
            assertEquals(0L, (long) it.next().get(ITEMS.id));
            assertEquals(1, engine.poolStatus().active());
        }
        assertEquals(0, engine.poolStatus().active());
        assertFalse(it.hasNext(), "the abandoned stream was closed with its connection");
        // commit ends a stream too (MySQL refuses COMMIT while one is open)
        try (Connection conn = engine.connect()) {
            Iterator<Row> open = conn.stream(select(ITEMS.id).orderBy(ITEMS.id), 50).iterator();
            open.next();
            conn.commit();
            assertFalse(open.hasNext(), "the stream ended with its transaction");
            assertEquals(3000L, Rel.rows(conn, ITEMS), "the connection is usable after the commit");
        }
        // inside begin(): the stream dies with the transaction's connection
        engine.begin(conn -> assertNotNull(conn.stream(select(ITEMS.id).from(ITEMS), 10).iterator().next()));
        assertEquals(0, engine.poolStatus().active());
        // an exception while a stream is open returns the connection too
        assertThrows(IllegalStateException.class, () -> engine.begin(conn -> {
            conn.stream(select(ITEMS.id).from(ITEMS), 10).iterator().next();
            throw new IllegalStateException("boom");
        }));
        assertEquals(0, engine.poolStatus().active());
        // and the engine is fine afterwards
        assertEquals(3000L, Rel.rows(engine, ITEMS));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void connectionKilledMidTransaction(String db) {
        Engine shared = Rel.fresh(db);
        assumeTrue(isServer(shared), "SQLite has no server to kill the connection");
        try (Engine victim = Databases.newEngine(db, EngineOptions.defaults().poolSize(2).maxOverflow(0));
             Engine killer = killerFor(db)) {
            List<Long> killedIds = new ArrayList<>();
            OperationalException e = assertThrows(OperationalException.class, () -> victim.begin(conn -> {
                conn.execute(insert(ITEMS).set(ITEMS.id, 1L).set(ITEMS.name, "half"));
                killedIds.add(backendId(conn));
                kill(killer, killedIds.get(0));
                conn.execute(insert(ITEMS).set(ITEMS.id, 2L).set(ITEMS.name, "never"));
            }));
            assertNotNull(e.getCause(), "the driver's exception is kept as the cause");
            assertTrue(e.getMessage().contains("rel_items"), e.getMessage());
            assertEquals(0L, Rel.rows(killer, ITEMS), "nothing half-committed");
            assertEquals(0, victim.poolStatus().active());
            // the next transaction gets a fresh connection and succeeds
            victim.begin(conn -> {
                assertTrue(!killedIds.contains(backendId(conn)), "a killed connection was handed out again");
                conn.execute(insert(ITEMS).set(ITEMS.id, 3L).set(ITEMS.name, "next"));
            });
            assertEquals(List.of(3L), victim.transaction(conn -> conn.execute(select(ITEMS.id)).scalars()));
            assertEquals(0, victim.poolStatus().active());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void connectionKilledWhileReadingAStream(String db) {
        Engine shared = Rel.fresh(db);
        assumeTrue(isServer(shared), "SQLite has no server to kill the connection");
        List<Map<String, ?>> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add(Map.of("id", (long) i, "name", "n" + i, "body", "x".repeat(200)));
        }
        shared.begin(conn -> conn.execute(insert(ITEMS), rows));
        try (Engine victim = Databases.newEngine(db, EngineOptions.defaults().poolSize(1).maxOverflow(0));
             Engine killer = killerFor(db)) {
            assertThrows(OperationalException.class, () -> victim.begin(conn -> {
                long id = backendId(conn);
                try (Result r = conn.stream(select(ITEMS.id, ITEMS.body).orderBy(ITEMS.id), 100)) {
                    Iterator<Row> it = r.iterator();
                    it.next();
                    kill(killer, id);
                    while (it.hasNext()) {
                        it.next();
                    }
                }
            }));
            assertEquals(20_000L, Rel.rows(victim, ITEMS));
            assertEquals(0, victim.poolStatus().active());
        }
    }

    /**
     * "The server restarted under the engine". The shared servers must not be restarted (other
     * developers use them), so a restart is emulated by what a client sees from one: every
     * connection of the test database is killed on the server side while the engine is idle.
     * The engine must recover without being recreated: HikariCP validates a connection that has
     * been idle for more than its alive-bypass window (500 ms) before handing it out, and
     * replaces dead ones.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void engineRecoversWhenAllItsConnectionsAreKilled(String db) throws InterruptedException {
        Engine shared = Rel.fresh(db);
        assumeTrue(isServer(shared), "SQLite has no server to restart");
        try (Engine victim = Databases.newEngine(db, EngineOptions.defaults().poolSize(3).maxOverflow(2));
             Engine killer = killerFor(db)) {
            // warm the pool: several connections in use at once, then all idle
            List<Connection> open = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                open.add(victim.connect());
            }
            for (Connection c : open) {
                c.execute(select(ITEMS.id).from(ITEMS));
                c.close();
            }
            assertEquals(0, victim.poolStatus().active());
            int killed = killAllOthers(killer);
            assertTrue(killed >= 3, "killed " + killed);
            Thread.sleep(Duration.ofMillis(1200).toMillis()); // past HikariCP's alive-bypass window
            for (int i = 0; i < 5; i++) {
                long id = i;
                victim.begin(conn -> conn.execute(insert(ITEMS).set(ITEMS.id, id).set(ITEMS.name, "after restart")));
            }
            assertEquals(5L, Rel.rows(victim, ITEMS));
            // the shared engine, idle all along, recovers too
            assertEquals(5L, Rel.rows(shared, ITEMS));
            assertFalse(victim.poolStatus().total() == 0);
        }
    }
}
