package org.tabula.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Sql.text;
import static org.tabula.Users.USERS;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tabula.orm.SessionFactory;
import org.tabula.schema.MetaData;

/**
 * The routing rules of {@link Engine#replicated} on SQLite files that stand in for servers: each
 * file holds one user named after it, so a read says where it ran. Replication itself is proven
 * on PostgreSQL and MariaDB in integration-tests ({@code org.tabula.it.cluster.ReplicatedEngineTest}).
 */
class ReplicaRoutingTest {

    @TempDir
    Path dir;

    private final List<Engine> opened = new ArrayList<>();

    /** A file database whose only user is called {@code name}. */
    private Engine server(String name) {
        Engine engine = Engine.create("jdbc:sqlite:" + dir.resolve(name + ".db"));
        new MetaData(USERS).createAll(engine);
        engine.begin(conn -> conn.execute(insert(USERS).set(USERS.name, name).set(USERS.age, 1)));
        return engine;
    }

    private static String whoAnswers(Connection conn) {
        return conn.execute(select(USERS.name).from(USERS).limit(1)).scalarOne();
    }

    private static String read(Engine engine) {
        try (Connection conn = engine.connect()) {
            return whoAnswers(conn);
        }
    }

    private Engine replicated(ReplicaOptions options, String... replicas) {
        Engine[] engines = new Engine[replicas.length];
        for (int i = 0; i < replicas.length; i++) {
            engines[i] = server(replicas[i]);
        }
        ReadYourWrites.current().forget();
        return Engine.replicated(options, server("primary"), engines);
    }

    @Test
    void readsGoToReplicasInTurnWritesToThePrimary() {
        try (Engine engine = replicated(ReplicaOptions.defaults(), "r1", "r2")) {
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                seen.add(read(engine));
            }
            assertEquals(2, seen.stream().filter("r1"::equals).count(), seen.toString());
            assertEquals(2, seen.stream().filter("r2"::equals).count(), seen.toString());

            try (Connection conn = ReadYourWrites.create().run(engine::connect)) {
                assertTrue(whoAnswers(conn).startsWith("r"));
                conn.execute(insert(USERS).set(USERS.name, "new").set(USERS.age, 2));
                assertEquals("primary", whoAnswers(conn), "the first write moves the connection to the primary");
                conn.commit();
            }
            assertEquals("primary", engine.transaction(ReplicaRoutingTest::whoAnswers));
            // text() may call a function that writes: only a hint sends it to a replica.
            try (Connection conn = engine.connect()) {
                assertEquals("primary", conn.execute(text("SELECT name FROM users LIMIT 1")).scalarOne());
            }
            // Rendered in advance, a statement no longer tells FOR SHARE apart: the primary.
            try (Connection conn = engine.connect()) {
                assertEquals("primary", conn.execute(conn.render(select(USERS.name).from(USERS).limit(1)),
                        java.util.Map.of()).scalarOne());
            }
            try (Connection conn = engine.replica().connect()) {
                assertTrue(conn.execute(text("SELECT name FROM users LIMIT 1")).<String>scalarOne().startsWith("r"));
            }
            assertEquals("primary", read(engine.primary()));
        }
    }

    @Test
    void leastBusyPrefersTheReplicaWithFewerConnectionsLentOut() {
        try (Engine engine = replicated(ReplicaOptions.defaults().balance(ReplicaBalance.LEAST_BUSY), "r1", "r2")) {
            try (Connection held = engine.connect()) {
                String first = whoAnswers(held);
                for (int i = 0; i < 3; i++) {
                    assertFalse(first.equals(read(engine)), "read " + i + " went to the busy " + first);
                }
            }
        }
    }

    @Test
    void readYourWritesFollowsTheThreadOrTheGivenContextForTheWindow() throws Exception {
        try (Engine engine = replicated(ReplicaOptions.defaults().readYourWritesWindow(Duration.ofMillis(300)), "r1")) {
            assertEquals("r1", read(engine));
            engine.begin(conn -> conn.execute(insert(USERS).set(USERS.name, "x").set(USERS.age, 3)));
            assertEquals("primary", read(engine));
            Thread other = new Thread(() -> assertEquals("r1", read(engine)));
            other.start();
            other.join();
            Thread.sleep(350);
            assertEquals("r1", read(engine));
        }
        try (Engine engine = replicated(ReplicaOptions.defaults().readYourWritesWindow(Duration.ZERO), "r1")) {
            engine.begin(conn -> conn.execute(insert(USERS).set(USERS.name, "x").set(USERS.age, 3)));
            assertEquals("r1", read(engine));
        }
    }

    @Test
    void aReplicaThatCannotBeReachedIsSkipped() {
        // A file in a directory that does not exist cannot be opened: the replica is "down".
        org.sqlite.SQLiteDataSource missing = new org.sqlite.SQLiteDataSource();
        missing.setUrl("jdbc:sqlite:" + dir.resolve("no-such-dir").resolve("down.db"));
        Engine down = Engine.create(missing, org.tabula.dialect.Dialect.SQLITE, EngineOptions.defaults());
        try (Engine engine = Engine.replicated(ReplicaOptions.defaults(), server("primary"), down, server("r2"))) {
            ReadYourWrites.current().forget();
            assertFalse(engine.replicaStatus().get(0).up());
            assertTrue(engine.replicaStatus().get(1).usable());
            for (int i = 0; i < 3; i++) {
                assertEquals("r2", read(engine));
            }
        }
        Engine down2 = Engine.create(missing, org.tabula.dialect.Dialect.SQLITE, EngineOptions.defaults());
        try (Engine engine = Engine.replicated(server("primary"), down2)) {
            ReadYourWrites.current().forget();
            assertEquals("primary", read(engine), "no usable replica: the primary reads");
            assertSame(engine.primary(), engine.replica());
        }
    }

    @Test
    void sessionsRunOnThePrimary() {
        try (Engine engine = replicated(ReplicaOptions.defaults(), "r1")) {
            try (org.tabula.orm.Session session = SessionFactory.of(engine).openSession()) {
                assertEquals("primary", whoAnswers(session.connection()));
            }
        }
    }

    @Test
    void aPlainEngineIsItsOwnPrimaryAndReplica() {
        try (Engine plain = server("plain")) {
            assertFalse(plain.isReplicated());
            assertSame(plain, plain.primary());
            assertSame(plain, plain.replica());
            assertTrue(plain.replicaStatus().isEmpty());
        }
    }

    @Test
    void replicasMustRunThePrimarysDatabase() {
        try (Engine primary = server("primary")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Engine.replicated(primary, primary));
            assertTrue(e.getMessage().contains("replica 0"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> ReplicaOptions.defaults().maxLag(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> ReplicaOptions.defaults().healthCheckInterval(Duration.ofMillis(1)));
    }
}
