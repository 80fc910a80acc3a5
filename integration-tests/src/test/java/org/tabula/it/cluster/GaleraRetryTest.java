package org.tabula.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.createTable;
import static org.tabula.Sql.delete;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Sql.update;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.RetryPolicy;
import org.tabula.engine.TransactionOptions;
import org.tabula.error.DatabaseException;
import org.tabula.error.OperationalException;
import org.tabula.it.Concurrently;
import org.tabula.schema.Column;
import org.tabula.schema.Table;

/**
 * Concurrent writes to the same row on two Galera nodes: the transaction that certifies second
 * is aborted (MariaDB reports it as deadlock 1213), and with
 * a retry policy it runs again until every increment is applied, each exactly once.
 */
class GaleraRetryTest {

    private static final Topology GALERA = Topology.GALERA;
    private static final Counter COUNTER = new Counter();
    private static final RetryPolicy PATIENT = RetryPolicy.attempts(30).backoff(Duration.ofMillis(1), Duration.ofMillis(50));
    private static final int ROUNDS = 3;

    /** One counter row. */
    static final class Counter extends Table {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> value = bigint("value");

        Counter() {
            super("cluster_retry_counter");
        }
    }

    @BeforeEach
    void clusterIsUp() {
        GALERA.assumeUp();
    }

    @Test
    void sameRowWrittenOnTwoNodesIsRetriedAndEachIncrementAppliedOnce() throws Exception {
        try (Engine node1 = GALERA.engine(1); Engine node2 = GALERA.engine(2); Engine node3 = GALERA.engine(3)) {
            reset(node1, node2);
            List<Engine> nodes = List.of(node1, node2);
            CyclicBarrier bothRead = new CyclicBarrier(2);
            CyclicBarrier bothDone = new CyclicBarrier(2);
            AtomicInteger runs = new AtomicInteger();
            List<Throwable> failures = Concurrently.run(2, node -> {
                for (int round = 0; round < ROUNDS; round++) {
                    int[] attempt = {0};
                    nodes.get(node).begin(TransactionOptions.retry(PATIENT), conn -> {
                        runs.incrementAndGet();
                        increment(conn, ++attempt[0] == 1 ? bothRead : null);
                    });
                    bothDone.await(60, TimeUnit.SECONDS);
                }
            });
            assertEquals(List.of(), failures);
            Await.until("all increments on node 3", () -> value(node3) == 2L * ROUNDS);
            assertEquals(2L * ROUNDS, value(node1));
            assertTrue(runs.get() > 2 * ROUNDS, "no transaction was aborted and retried: " + runs.get() + " runs");
        }
    }

    @Test
    void withoutARetryPolicyTheTransactionThatCertifiesSecondFailsAsARetryableConflict() throws Exception {
        try (Engine node1 = GALERA.engine(1); Engine node2 = GALERA.engine(2)) {
            reset(node1, node2);
            List<Engine> nodes = List.of(node1, node2);
            CyclicBarrier bothRead = new CyclicBarrier(2);
            List<Throwable> failures = Concurrently.run(2, node -> nodes.get(node).begin(conn -> increment(conn, bothRead)));
            assertEquals(1, failures.size(), "one of the two commits wins: " + failures);
            OperationalException conflict = assertInstanceOf(OperationalException.class, failures.get(0));
            assertEquals(1213, conflict.vendorCode(), conflict.getMessage());
            assertTrue(PATIENT.isRetryable(conflict, node1.dialect()));
            Await.until("the winner's increment on node 2", () -> value(node2) == 1L);
        }
    }

    /** Row 1 incremented after a locking read; both nodes read before either writes when a barrier is given. */
    private static void increment(Connection conn, CyclicBarrier bothRead) throws Exception {
        long seen = conn.execute(select(COUNTER.value).where(COUNTER.id.eq(1L)).forUpdate()).<Long>scalarOne();
        if (bothRead != null) {
            bothRead.await(60, TimeUnit.SECONDS);
        }
        conn.execute(update(COUNTER).set(COUNTER.value, seen + 1).where(COUNTER.id.eq(1L)));
    }

    /** The counter at zero, and seen so on node 2. */
    private static void reset(Engine node1, Engine node2) {
        node1.begin(conn -> {
            conn.execute(createTable(COUNTER));
            conn.execute(delete(COUNTER).allRows());
            conn.execute(insert(COUNTER).set(COUNTER.id, 1L).set(COUNTER.value, 0L));
        });
        Await.until("the reset counter on node 2", () -> value(node2) == 0L);
    }

    private static long value(Engine engine) {
        try {
            return engine.transaction(conn -> conn.execute(select(COUNTER.value).where(COUNTER.id.eq(1L)))
                    .<Long>scalars().stream().findFirst().orElse(-1L));
        } catch (DatabaseException notReplicatedYet) {
            return -1L;
        }
    }
}
