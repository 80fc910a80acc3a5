package org.tabula.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.error.OperationalException;

/**
 * Failover over a Galera cluster through a Connector/J multi-host URL that names node 2 first:
 * when node 2's connections die under open transactions, those transactions fail with an
 * {@link OperationalException} (a lost connection, nothing committed) and the transactions
 * after them succeed, on the other nodes when node 2 is gone.
 */
class GaleraFailoverTest {

    private static final Topology GALERA = Topology.GALERA;
    private static final ClusterRows ROWS = new ClusterRows("cluster_failover");
    /** The node whose connections die. */
    private static final int VICTIM = 2;
    private static final int IN_FLIGHT = 3;
    private static final int AFTER = 6;

    @BeforeEach
    void clusterIsUp() {
        GALERA.assumeUp();
    }

    /** Node 2 first; {@code failOverReadOnly=false}: a connection that failed over may still write. */
    private static Engine failoverEngine() {
        return Engine.create(GALERA.multiHostUrl("", "failOverReadOnly=false", VICTIM, 1, 3), Topology.options());
    }

    @Test
    void killingANodesConnectionsFailsItsOpenTransactionsAndTheNextOnesSucceed() throws SQLException {
        try (Engine engine = failoverEngine(); Engine node3 = GALERA.engine(3)) {
            ROWS.create(engine);
            List<String> lost = new ArrayList<>();
            List<Connection> open = openTransactionsOnTheVictim(engine, lost);
            int killed = killApplicationConnections(VICTIM);
            assertTrue(killed >= IN_FLIGHT, "killed " + killed); // and any idle ones of the pool
            commitsFailAsLostConnections(open);
            List<String> written = new ArrayList<>();
            runTransactions(engine, written);
            Await.until("the later rows on node 3", () -> ROWS.tokens(node3, written).size() == AFTER);
            assertEquals(List.of(), ROWS.tokens(node3, lost));
        }
    }

    @Test
    void stoppingANodeFailsItsOpenTransactionsAndTheNextOnesRunOnTheOtherNodes() {
        try (Engine engine = failoverEngine(); Engine node3 = GALERA.engine(3)) {
            ROWS.create(engine);
            List<String> lost = new ArrayList<>();
            List<Connection> open = openTransactionsOnTheVictim(engine, lost);
            GALERA.runScript("stop", String.valueOf(VICTIM));
            commitsFailAsLostConnections(open);
            List<String> written = new ArrayList<>();
            Set<String> nodes = runTransactions(engine, written);
            assertFalse(nodes.contains("node" + VICTIM), "ran on " + nodes + " while node " + VICTIM + " was down");
            Await.until("the later rows on node 3", () -> ROWS.tokens(node3, written).size() == AFTER);
            assertEquals(List.of(), ROWS.tokens(node3, lost));
        } finally {
            GALERA.runScript(); // node 2 rejoins the others (bounded by the script)
        }
        assertTrue(GALERA.isUp(), "node " + VICTIM + " did not rejoin");
    }

    /** Opens {@link #IN_FLIGHT} transactions, each with an uncommitted row, all on the victim node. */
    private static List<Connection> openTransactionsOnTheVictim(Engine engine, List<String> tokens) {
        List<Connection> open = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT; i++) {
            Connection c = engine.begin();
            open.add(c);
            tokens.add(ROWS.insert(c, "in-flight"));
            assertEquals("node" + VICTIM, MultiHostUrlTest.nodeName(c));
        }
        return open;
    }

    private static void commitsFailAsLostConnections(List<Connection> open) {
        for (Connection c : open) {
            OperationalException e = assertThrows(OperationalException.class, c::commit);
            assertEquals("COMMIT", e.sql(), e.getMessage());
            c.close();
        }
    }

    /** Runs {@link #AFTER} committed transactions that each write a row; returns the nodes they ran on. */
    private static Set<String> runTransactions(Engine engine, List<String> written) {
        Set<String> nodes = new HashSet<>();
        for (int i = 0; i < AFTER; i++) {
            nodes.add(engine.transaction(c -> {
                written.add(ROWS.insert(c, "after"));
                return MultiHostUrlTest.nodeName(c);
            }));
        }
        return nodes;
    }

    /** KILLs every connection of the application user on {@code node}, as root there; returns how many. */
    private static int killApplicationConnections(int node) throws SQLException {
        int killed = 0;
        try (java.sql.Connection admin = DriverManager.getConnection(GALERA.adminUrl(node));
             ResultSet rs = admin.createStatement().executeQuery(
                     "SELECT ID FROM information_schema.PROCESSLIST WHERE USER = 'tabula'")) {
            List<Long> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            for (long id : ids) {
                admin.createStatement().execute("KILL CONNECTION " + id);
                killed++;
            }
        }
        return killed;
    }
}
