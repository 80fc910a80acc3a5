package org.tabula.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.text;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tabula.dialect.Dialect;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;

/**
 * Multi-host JDBC URLs go through {@code Engine.create} as they are: the dialect comes from the
 * scheme (and, for Connector/J, from the server), the driver picks the host.
 */
class MultiHostUrlTest {

    private static final ClusterRows ROWS = new ClusterRows("cluster_multihost");

    @Test
    void postgresTargetServerTypePrimaryFindsThePrimaryWhicheverHostComesFirst() {
        Topology pg = Topology.POSTGRES_STANDBY;
        pg.assumeUp();
        try (Engine engine = Engine.create(pg.multiHostUrl("", "targetServerType=primary", 2, 1), Topology.options())) {
            assertSame(Dialect.POSTGRES, engine.dialect());
            assertEquals(pg.port(1), engine.transaction(MultiHostUrlTest::serverPort));
            ROWS.create(engine);
            ROWS.write(engine, "primary");
        }
    }

    @Test
    void postgresPreferSecondaryReadsFromTheStandby() {
        Topology pg = Topology.POSTGRES_STANDBY;
        pg.assumeUp();
        try (Engine engine = Engine.create(pg.multiHostUrl("", "targetServerType=preferSecondary", 1, 2),
                Topology.options())) {
            assertEquals(pg.port(2), engine.transaction(MultiHostUrlTest::serverPort));
            assertEquals(Boolean.TRUE, engine.transaction(c -> c.execute(text("SELECT pg_is_in_recovery()")).scalar()));
        }
    }

    @Test
    void connectorJLoadBalanceOverGaleraSpreadsTransactionsOverTheNodes() {
        Topology galera = Topology.GALERA;
        galera.assumeUp();
        try (Engine engine = Engine.create(galera.multiHostUrl("loadbalance:", ""), Topology.options())) {
            assertSame(Dialect.MARIADB, engine.dialect()); // asked the server behind the jdbc:mysql: scheme
            ROWS.create(engine);
            Set<String> nodes = new HashSet<>();
            // Connector/J picks a node at random at each transaction boundary: 30 on one node is (1/3)^29.
            for (int i = 0; i < 30; i++) {
                nodes.add(engine.transaction(c -> {
                    ROWS.insert(c, "loadbalance");
                    return nodeName(c);
                }));
            }
            assertTrue(nodes.size() > 1, "all 30 transactions ran on " + nodes);
        }
    }

    @Test
    void connectorJReplicationUrlSendsReadWriteTransactionsToTheSource() {
        Topology mariadb = Topology.MARIADB_REPLICA;
        mariadb.assumeUp();
        try (Engine engine = Engine.create(mariadb.multiHostUrl("replication:", ""), Topology.options());
             Engine replica = mariadb.engine(2)) {
            assertSame(Dialect.MARIADB, engine.dialect());
            assertEquals(mariadb.port(1), engine.transaction(MultiHostUrlTest::serverPort));
            ROWS.create(engine);
            String token = ROWS.write(engine, "source");
            Await.until("the source's row on the replica", () -> ROWS.has(replica, token));
        }
    }

    private static int serverPort(Connection c) {
        String sql = c.dialect() == Dialect.POSTGRES ? "SELECT inet_server_port()" : "SELECT @@port";
        return ((Number) c.execute(text(sql)).scalar()).intValue();
    }

    static String nodeName(Connection c) {
        return c.execute(text("SELECT @@wsrep_node_name")).scalar();
    }
}
