package org.tabula.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.count;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Users.USERS;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tabula.error.OperationalException;
import org.tabula.error.PoolTimeoutException;
import org.tabula.schema.MetaData;

/** An in-memory SQLite engine has one connection: a second one is refused after the connection timeout, never waited for forever. */
class PoolTimeoutTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private static Engine oneConnection() {
        Engine engine = Engine.create("jdbc:sqlite::memory:",
                EngineOptions.defaults().connectionTimeout(TIMEOUT).poolName("only-one"));
        new MetaData(USERS).createAll(engine);
        return engine;
    }

    @Test
    void aSecondConnectWhileTheFirstIsOpenFailsAfterTheTimeout() {
        try (Engine engine = oneConnection()) {
            try (Connection first = engine.connect()) {
                long started = System.nanoTime();
                PoolTimeoutException e = assertThrows(PoolTimeoutException.class, engine::connect);
                assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(TIMEOUT) >= 0, "gave up early");
                assertTrue(e instanceof OperationalException);
                assertEquals("only-one", e.pool());
                assertEquals(TIMEOUT, e.waited());
                assertEquals(1, e.poolSize());
                assertEquals(1, e.active());
                assertEquals(0, e.idle());
                assertEquals("no connection from pool only-one within 300 ms (connectionTimeout) for Engine.connect():"
                        + " pool size 1, active 1, idle 0, waiting 0; a nested connect/begin inside a transaction on a"
                        + " pool this small needs a second connection: join the transaction, close the other connection"
                        + " first, or raise poolSize", e.getMessage());
                first.commit();
            }
            try (Connection again = engine.connect()) {
                assertEquals(0L, (long) again.execute(select(count()).from(USERS)).scalarOne());
            }
        }
    }

    @Test
    void aNestedRequiresNewFailsRollsTheOuterTransactionBackAndFreesTheConnection() {
        try (Engine engine = oneConnection()) {
            assertThrows(PoolTimeoutException.class, () -> engine.begin(outer -> {
                outer.execute(insert(USERS).set(USERS.name, "ann"));
                engine.begin(TransactionOptions.propagation(Propagation.REQUIRES_NEW),
                        inner -> inner.execute(insert(USERS).set(USERS.name, "bob")));
            }));
            assertEquals(0, engine.poolStatus().active());
            long users = engine.transaction(conn -> conn.execute(select(count()).from(USERS)).<Long>scalarOne());
            assertEquals(0L, users);
        }
    }

    /** A plain nested begin joins the outer transaction (REQUIRED), so even one connection is enough. */
    @Test
    void aNestedBeginJoinsOnASingleConnection() {
        try (Engine engine = oneConnection()) {
            engine.begin(outer -> {
                outer.execute(insert(USERS).set(USERS.name, "ann"));
                engine.begin(inner -> inner.execute(insert(USERS).set(USERS.name, "bob")));
            });
            long users = engine.transaction(conn -> conn.execute(select(count()).from(USERS)).<Long>scalarOne());
            assertEquals(2L, users);
        }
    }
}
