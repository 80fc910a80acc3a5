package org.tabula.it.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.engine.Isolation;
import org.tabula.engine.RetryPolicy;
import org.tabula.engine.TransactionOptions;
import org.tabula.it.Concurrently;
import org.tabula.it.Databases;
import org.tabula.orm.SessionFactory;

/**
 * {@code sessions.inTransaction} with a retry policy: each attempt gets a fresh session (nothing
 * of the aborted attempt's identity map survives), so concurrent read-modify-write of one entity
 * under SERIALIZABLE loses no update and applies none twice.
 */
class SessionRetryTest {

    private static final int ROUNDS = 3;

    static Stream<String> databases() {
        return Databases.names().stream();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRetriedSessionTransactionStartsFromAFreshSession(String db) throws Exception {
        SessionFactory sessions = OrmScenariosTest.fresh(db);
        long id = sessions.inTransaction(session -> {
            OrmUser ann = new OrmUser("ann");
            ann.age = 0;
            session.add(ann);
            session.flush();
            return ann.id;
        });
        TransactionOptions options = TransactionOptions.isolation(Isolation.SERIALIZABLE)
                .withRetry(RetryPolicy.attempts(30).backoff(Duration.ofMillis(1), Duration.ofMillis(50)));
        CyclicBarrier bothRead = new CyclicBarrier(2);
        CyclicBarrier bothDone = new CyclicBarrier(2);
        AtomicInteger runs = new AtomicInteger();
        Concurrently.runAll(2, thread -> {
            for (int round = 0; round < ROUNDS; round++) {
                int[] attempt = {0};
                sessions.begin(options, session -> {
                    runs.incrementAndGet();
                    OrmUser ann = session.getOne(OrmUser.class, id);
                    if (++attempt[0] == 1) {
                        bothRead.await(30, TimeUnit.SECONDS);
                    }
                    ann.age = ann.age + 1;                 // flushed when the block returns
                });
                bothDone.await(30, TimeUnit.SECONDS);
            }
        });
        assertEquals(2 * ROUNDS, (int) sessions.inTransaction(session -> session.getOne(OrmUser.class, id).age));
        assertTrue(runs.get() > 2 * ROUNDS, "no transaction was aborted and retried: " + runs.get() + " runs");
    }
}
