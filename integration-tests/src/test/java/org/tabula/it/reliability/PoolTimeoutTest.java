package org.tabula.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.insert;
import static org.tabula.it.reliability.RelSchema.ITEMS;

import java.time.Duration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.Propagation;
import org.tabula.engine.TransactionOptions;
import org.tabula.engine.EngineOptions;
import org.tabula.error.PoolTimeoutException;
import org.tabula.it.Databases;

/**
 * No wait for a connection is unbounded: with every connection in use, {@code connect()} and
 * {@code begin(...)} give up after the engine's connection timeout with a
 * {@link PoolTimeoutException} naming the pool and its counters, and the engine works on.
 */
@ExtendWith(NoBorrowedConnections.class)
class PoolTimeoutTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    static java.util.stream.Stream<String> databases() {
        return Rel.databases();
    }

    /** An engine with a single connection that waits {@link #TIMEOUT} for it. */
    private static Engine poolOfOne(String db) {
        Rel.fresh(db);
        return Databases.newEngine(db, EngineOptions.defaults().poolSize(1).maxOverflow(0)
                .connectionTimeout(TIMEOUT).poolName("it-one-" + db));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aConnectOnAFullPoolFailsAfterTheTimeoutNamingThePool(String db) {
        try (Engine engine = poolOfOne(db)) {
            try (Connection held = engine.connect()) {
                long started = System.nanoTime();
                PoolTimeoutException e = assertThrows(PoolTimeoutException.class, engine::connect);
                long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
                assertTrue(waited >= TIMEOUT.toMillis() && waited < 10_000, "waited " + waited + " ms");
                assertEquals("it-one-" + db, e.pool());
                assertEquals(1, e.poolSize());
                assertEquals(1, e.active());
                assertEquals(0, e.idle());
                assertTrue(e.getMessage().startsWith("no connection from pool it-one-" + db + " within 300 ms"),
                        e.getMessage());
                assertTrue(e.getMessage().contains("pool size 1, active 1, idle 0, waiting 0"), e.getMessage());
                held.commit();
            }
            assertEquals(0L, Rel.rows(engine, ITEMS), "the engine works once the connection is back");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aNestedRequiresNewFailsAfterTheTimeoutAndTheOuterTransactionRollsBack(String db) {
        try (Engine engine = poolOfOne(db)) {
            PoolTimeoutException e = assertThrows(PoolTimeoutException.class, () -> engine.begin(outer -> {
                outer.execute(insert(ITEMS).set(ITEMS.id, 1L).set(ITEMS.name, "outer"));
                engine.begin(TransactionOptions.propagation(Propagation.REQUIRES_NEW),
                        inner -> inner.execute(insert(ITEMS).set(ITEMS.id, 2L).set(ITEMS.name, "inner")));
            }));
            assertTrue(e.getMessage().contains("a nested connect/begin inside a transaction on a pool this small"
                    + " needs a second connection"), e.getMessage());
            assertEquals(0, engine.poolStatus().active());
            assertEquals(0L, Rel.rows(engine, ITEMS));
        }
    }
}
