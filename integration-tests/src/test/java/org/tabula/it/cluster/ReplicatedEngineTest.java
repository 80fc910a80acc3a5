package org.tabula.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.select;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tabula.dialect.Dialect;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.ReadYourWrites;
import org.tabula.engine.ReplicaBalance;
import org.tabula.engine.ReplicaOptions;
import org.tabula.engine.ReplicaStatus;
import org.tabula.error.ReadOnlyTransactionException;
import org.tabula.orm.Mapper;
import org.tabula.orm.Session;
import org.tabula.orm.SessionFactory;
import org.tabula.schema.MetaData;

/**
 * {@code Engine.replicated} on real replication: PostgreSQL 5434 streaming to a hot standby on
 * 5433, MariaDB 3307 replicating to 3308. Which server answered is asked of the very connection
 * the statement ran on ({@code pg_is_in_recovery()}, {@code @@server_id} and {@code @@read_only}).
 * Skipped, naming {@code .ci/replication/up.sh}'s scripts, where a topology is not up.
 */
class ReplicatedEngineTest {

    private static final ClusterRows ROWS = new ClusterRows("replicated_rows");
    /** A health check this often makes the lag tests quick; the default is 500 ms. */
    private static final ReplicaOptions FAST = ReplicaOptions.defaults().healthCheckInterval(Duration.ofMillis(50));

    private enum Server { PRIMARY, REPLICA }

    /** The server {@code conn}'s last statement ran on, asked on that same physical connection. */
    private static Server server(Topology topology, Connection conn) {
        String sql = topology.isPostgres() ? "SELECT pg_is_in_recovery(), 0" : "SELECT @@read_only, @@server_id";
        try (java.sql.Statement st = conn.jdbc().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            boolean replica = rs.getBoolean(1);
            if (!topology.isPostgres()) {
                assertEquals(replica ? 8 : 7, rs.getInt(2), "server_id of the " + (replica ? "replica" : "primary"));
            }
            return replica ? Server.REPLICA : Server.PRIMARY;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Reads on a fresh {@code connect()} connection and says where the read ran. */
    private static Server whereReadsGo(Topology topology, Engine engine) {
        try (Connection conn = engine.connect()) {
            conn.execute(select(ROWS.token).from(ROWS).limit(1));
            return server(topology, conn);
        }
    }

    /** The replicated engine over nodes 1 and 2, with the table there on both. */
    private static Engine replicated(Topology topology, ReplicaOptions options) {
        Engine engine = Engine.replicated(options, topology.engine(1), topology.engine(2));
        ROWS.create(engine);
        Await.until("the table on the " + topology + " replica", () -> ROWS.existsOn(engine.replica()));
        ReadYourWrites.current().forget();
        return engine;
    }

    @ParameterizedTest
    @EnumSource(value = Topology.class, names = {"POSTGRES_STANDBY", "MARIADB_REPLICA"})
    void readsGoToTheReplicaWritesAndTransactionsToThePrimary(Topology topology) {
        topology.assumeUp();
        try (Engine engine = replicated(topology, FAST)) {
            assertTrue(engine.isReplicated());
            assertEquals(Server.REPLICA, whereReadsGo(topology, engine));

            // A transaction runs on the primary, its reads included.
            assertEquals(Server.PRIMARY, engine.transaction(conn -> {
                conn.execute(select(ROWS.token).from(ROWS).limit(1));
                return server(topology, conn);
            }));
            try (Connection conn = engine.begin()) {
                conn.execute(select(ROWS.token).from(ROWS).limit(1));
                assertEquals(Server.PRIMARY, server(topology, conn));
            }

            // Commit as you go: reads on the replica until the first write, then the primary.
            String token;
            try (Connection conn = ReadYourWrites.create().run(engine::connect)) {
                conn.execute(select(ROWS.token).from(ROWS).limit(1));
                assertEquals(Server.REPLICA, server(topology, conn));
                token = ROWS.insert(conn, "routed");
                assertEquals(Server.PRIMARY, server(topology, conn));
                conn.execute(select(ROWS.token).from(ROWS).limit(1));
                assertEquals(Server.PRIMARY, server(topology, conn), "after a write the connection stays on the primary");
                conn.commit();
            }
            assertTrue(ROWS.has(engine.primary(), token));

            // SELECT ... FOR UPDATE is a write's first step: the primary.
            ReadYourWrites.current().forget();
            try (Connection conn = engine.connect()) {
                conn.execute(select(ROWS.token).from(ROWS).limit(1).forUpdate());
                assertEquals(Server.PRIMARY, server(topology, conn));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Topology.class, names = {"POSTGRES_STANDBY", "MARIADB_REPLICA"})
    void explicitHintsPickTheServer(Topology topology) {
        topology.assumeUp();
        try (Engine engine = replicated(topology, FAST)) {
            try (Connection conn = engine.primary().connect()) {
                conn.execute(select(ROWS.token).from(ROWS).limit(1));
                assertEquals(Server.PRIMARY, server(topology, conn));
            }
            try (Connection conn = engine.replica().connect()) {
                conn.execute(select(ROWS.token).from(ROWS).limit(1));
                assertEquals(Server.REPLICA, server(topology, conn));
                // The hint is taken at its word: a write there is the replica's refusal.
                assertThrows(ReadOnlyTransactionException.class, () -> ROWS.insert(conn, "hinted"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Topology.class, names = {"POSTGRES_STANDBY", "MARIADB_REPLICA"})
    void afterAWriteTheSameContextReadsThePrimaryForTheWindow(Topology topology) throws Exception {
        topology.assumeUp();
        Duration window = Duration.ofSeconds(2);
        try (Engine engine = replicated(topology, FAST.readYourWritesWindow(window))) {
            assertEquals(Server.REPLICA, whereReadsGo(topology, engine));
            long wroteAt = System.nanoTime();
            String token = ROWS.write(engine, "ryw");

            // This thread wrote: its reads see the write, on the primary.
            try (Connection conn = engine.connect()) {
                assertEquals(List.of(token), conn.execute(select(ROWS.token).from(ROWS).where(ROWS.token.eq(token)))
                        .scalars());
                assertEquals(Server.PRIMARY, server(topology, conn));
            }
            // Another thread did not write: a replica.
            assertEquals(Server.REPLICA, CompletableFuture.supplyAsync(() -> whereReadsGo(topology, engine)).get());
            // A context carried to another thread carries the write along.
            ReadYourWrites request = ReadYourWrites.create();
            request.run(() -> ROWS.write(engine, "request"));
            assertEquals(Server.PRIMARY, CompletableFuture.supplyAsync(() -> request.run(() -> whereReadsGo(topology, engine)))
                    .get());

            long left = window.toNanos() - (System.nanoTime() - wroteAt);
            if (left > 0) {
                Thread.sleep(left / 1_000_000 + 100);
            }
            assertEquals(Server.REPLICA, whereReadsGo(topology, engine), "the window is over");
        }
        // No window: reads go to a replica right after the write.
        try (Engine engine = replicated(topology, FAST.readYourWritesWindow(Duration.ZERO))) {
            ROWS.write(engine, "no-window");
            assertEquals(Server.REPLICA, whereReadsGo(topology, engine));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Topology.class, names = {"POSTGRES_STANDBY", "MARIADB_REPLICA"})
    void aReplicaThatIsDownIsSkippedAndReadsFallBackToThePrimary(Topology topology) {
        topology.assumeUp();
        // Nothing listens on port 1: every connection attempt is refused at once.
        Engine down = Engine.create(unpooled(topology, 1), topology.isPostgres() ? Dialect.POSTGRES : Dialect.MARIADB,
                Topology.options());
        try (Engine engine = Engine.replicated(FAST, topology.engine(1), down)) {
            ROWS.create(engine);
            ReadYourWrites.current().forget();
            ReplicaStatus status = engine.replicaStatus().get(0);
            assertFalse(status.up(), status.toString());
            assertFalse(status.usable());
            assertNotNull(status.problem());
            assertEquals(Server.PRIMARY, whereReadsGo(topology, engine));
            assertTrue(engine.replica() == engine.primary(), "the replica hint falls back to the primary too");
        }
        // Among two replicas the one that is down is skipped, round-robin or least-busy.
        for (ReplicaBalance balance : ReplicaBalance.values()) {
            Engine down2 = Engine.create(unpooled(topology, 1), topology.isPostgres() ? Dialect.POSTGRES : Dialect.MARIADB,
                    Topology.options());
            try (Engine engine = Engine.replicated(FAST.balance(balance), topology.engine(1), down2, topology.engine(2))) {
                ROWS.create(engine);
                ReadYourWrites.current().forget();
                for (int i = 0; i < 4; i++) {
                    assertEquals(Server.REPLICA, whereReadsGo(topology, engine), balance + ", read " + i);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Topology.class, names = {"POSTGRES_STANDBY", "MARIADB_REPLICA"})
    void aReplicaThatLagsBeyondTheBoundIsSkippedUntilItCatchesUp(Topology topology) throws Exception {
        topology.assumeUp();
        ReplicaOptions options = FAST.maxLag(Duration.ofMillis(500)).readYourWritesWindow(Duration.ZERO);
        try (Engine engine = replicated(topology, options);
             java.sql.Connection admin = DriverManager.getConnection(topology.adminUrl(2))) {
            admin.setAutoCommit(true);
            Await.until("the replica usable", () -> engine.replicaStatus().get(0).usable());
            assertEquals(Server.REPLICA, whereReadsGo(topology, engine));
            try {
                // Replay paused (PostgreSQL) or the SQL thread stopped (MariaDB): the replica falls behind.
                admin.createStatement().execute(topology.isPostgres() ? "SELECT pg_wal_replay_pause()"
                        : "STOP SLAVE SQL_THREAD");
                String token = ROWS.write(engine, "while-paused");
                Await.until("the lag seen by the health check", () -> !engine.replicaStatus().get(0).usable());
                ReplicaStatus status = engine.replicaStatus().get(0);
                assertTrue(status.up(), status.toString());
                if (topology.isPostgres()) {
                    assertTrue(status.lag().compareTo(Duration.ofMillis(500)) > 0, status.toString());
                } else {
                    assertNull(status.lag(), "Seconds_Behind_Master is NULL while the SQL thread is stopped");
                }
                // Reads now go to the primary, which has the row the replica does not.
                try (Connection conn = engine.connect()) {
                    assertEquals(List.of(token), conn.execute(select(ROWS.token).from(ROWS).where(ROWS.token.eq(token)))
                            .scalars());
                    assertEquals(Server.PRIMARY, server(topology, conn));
                }
                assertFalse(ROWS.has(engine.replicaStatus().get(0).replica(), token),
                        "the paused replica must not have the row yet");
            } finally {
                admin.createStatement().execute(topology.isPostgres() ? "SELECT pg_wal_replay_resume()"
                        : "START SLAVE SQL_THREAD");
            }
            Await.until("the replica caught up and usable", () -> engine.replicaStatus().get(0).usable());
            assertEquals(Server.REPLICA, whereReadsGo(topology, engine));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Topology.class, names = {"POSTGRES_STANDBY", "MARIADB_REPLICA"})
    void ormSessionsRunOnThePrimaryAndAReadOnlySessionCanBeBoundToAReplica(Topology topology) {
        topology.assumeUp();
        MetaData metadata = Mapper.metaData(ReplicatedItem.class);
        try (Engine engine = replicated(topology, FAST.readYourWritesWindow(Duration.ZERO))) {
            metadata.createAll(engine);
            SessionFactory sessions = SessionFactory.of(engine);
            long id = sessions.inTransaction(session -> {
                assertEquals(Server.PRIMARY, serverOf(topology, session));
                ReplicatedItem item = new ReplicatedItem("book");
                session.add(item);
                session.flush();
                return item.id;
            });
            // A session of its own (commit as you go) is a unit of work too: the primary, reads included.
            try (Session session = sessions.openSession()) {
                assertEquals("book", session.getOne(ReplicatedItem.class, id).name);
                assertEquals(Server.PRIMARY, serverOf(topology, session));
            }
            // Bound explicitly to a replica: reads there, once replicated.
            Await.until("the item on the replica", () -> {
                try (Connection conn = engine.replica().connect(); Session session = sessions.openSession(conn)) {
                    return session.get(ReplicatedItem.class, id) != null;
                } catch (org.tabula.error.DatabaseException tableNotReplicatedYet) {
                    return false;
                }
            });
            try (Connection conn = engine.replica().connect(); Session session = sessions.openSession(conn)) {
                assertEquals("book", session.getOne(ReplicatedItem.class, id).name);
                assertEquals(Server.REPLICA, server(topology, conn));
            }
        }
    }

    private static Server serverOf(Topology topology, Session session) {
        return server(topology, session.connection());
    }

    /** A data source without a pool on node {@code node}'s URL with the port replaced by {@code port}. */
    private static DataSource unpooled(Topology topology, int port) {
        String url = topology.url(1).replace(":" + topology.port(1) + "/", ":" + port + "/");
        return new DriverManagerDataSource(url);
    }

    /** The smallest {@link DataSource}: {@link DriverManager} on one URL. */
    private record DriverManagerDataSource(String url) implements DataSource {
        @Override
        public java.sql.Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url);
        }

        @Override
        public java.sql.Connection getConnection(String user, String password) throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
