package org.tabula.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tabula.engine.Engine;
import org.tabula.error.DatabaseException;
import org.tabula.error.OperationalException;
import org.tabula.error.ReadOnlyTransactionException;

/**
 * The replication the scaling-out work stands on, proven on real servers: PostgreSQL streaming
 * to a hot standby, MariaDB binlog replication, a Galera cluster. Skipped (naming the script)
 * where a topology is not up.
 */
class ReplicationSmokeTest {

    private static final ClusterRows ROWS = new ClusterRows("cluster_smoke");

    @ParameterizedTest
    @EnumSource(value = Topology.class, names = {"POSTGRES_STANDBY", "MARIADB_REPLICA"})
    void aRowWrittenOnThePrimaryAppearsOnTheReplica(Topology topology) {
        topology.assumeUp();
        try (Engine primary = topology.engine(1); Engine replica = topology.engine(2)) {
            ROWS.create(primary);
            String token = ROWS.write(primary, "primary");
            Await.until("the primary's row on the " + topology + " replica", () -> ROWS.has(replica, token));
        }
    }

    /**
     * A write on a replica is a {@link ReadOnlyTransactionException}, as in a read-only
     * transaction: not an {@link OperationalException}, since no retry on that node can make it
     * pass. It keeps the server's SQLState / error code and names the statement.
     */
    @ParameterizedTest
    @EnumSource(value = Topology.class, names = {"POSTGRES_STANDBY", "MARIADB_REPLICA"})
    void theReplicaRefusesWritesWithADatabaseExceptionSayingItIsReadOnly(Topology topology) {
        topology.assumeUp();
        try (Engine primary = topology.engine(1); Engine replica = topology.engine(2)) {
            ROWS.create(primary);
            Await.until("the table on the " + topology + " replica", () -> ROWS.existsOn(replica));
            DatabaseException e = assertThrows(ReadOnlyTransactionException.class, () -> ROWS.write(replica, "replica"));
            assertFalse(e instanceof OperationalException);
            if (topology.isPostgres()) {
                assertEquals("25006", e.sqlState(), e.getMessage()); // read_only_sql_transaction
            } else {
                assertEquals(1290, e.vendorCode(), e.getMessage()); // ER_OPTION_PREVENTS_STATEMENT
            }
            assertTrue(e.getMessage().contains("read-only"), e.getMessage());
            assertTrue(e.sql().startsWith("INSERT INTO"), e.sql());
        }
    }

    @Test
    void aRowWrittenOnGaleraNodeOneIsReadOnNodeThree() {
        Topology.GALERA.assumeUp();
        try (Engine node1 = Topology.GALERA.engine(1); Engine node3 = Topology.GALERA.engine(3)) {
            ROWS.create(node1);
            String token = ROWS.write(node1, "node1");
            Await.until("node 1's row on Galera node 3", () -> ROWS.has(node3, token));
            assertEquals(List.of(token), ROWS.tokens(node3, List.of(token)));
        }
    }
}
