package org.tabula.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Sql.update;
import static org.tabula.it.reliability.RelSchema.COUNTER;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.engine.Engine;

/**
 * 16 threads read-modify-write the same rows, each step in its own transaction with
 * {@code select(...).forUpdate()}: no update is lost. On MariaDB and PostgreSQL the row lock
 * does it; SQLite has no row locks, so there the engine starts a transaction whose first
 * statement is a {@code FOR UPDATE} select as a write transaction ({@code BEGIN IMMEDIATE}),
 * and the busy timeout makes the other writers wait their turn instead of failing.
 */
@ExtendWith(NoBorrowedConnections.class)
class ConcurrencyTest {

    private static final int THREADS = 16;
    private static final int STEPS = 25;
    private static final long ROWS = 3;

    static java.util.stream.Stream<String> databases() {
        return Rel.databases();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void readModifyWriteWithForUpdateLosesNoUpdate(String db) throws Exception {
        Engine engine = Rel.fresh(db);
        engine.begin(conn -> {
            for (long id = 1; id <= ROWS; id++) {
                conn.execute(insert(COUNTER).set(COUNTER.id, id).set(COUNTER.value, 0L));
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int step = 0; step < STEPS; step++) {
                        long id = 1 + (thread + step) % ROWS;
                        long add = thread + 1;
                        engine.begin(conn -> {
                            long current = conn.execute(select(COUNTER.value).where(COUNTER.id.eq(id)).forUpdate())
                                    .<Long>scalarOne();
                            conn.execute(update(COUNTER).set(COUNTER.value, current + add).where(COUNTER.id.eq(id)));
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        long expected = 0;
        for (int t = 0; t < THREADS; t++) {
            expected += (long) (t + 1) * STEPS;
        }
        long total = engine.transaction(conn -> conn.execute(select(COUNTER.value).from(COUNTER)).<Long>scalars()
                .stream().mapToLong(Long::longValue).sum());
        assertEquals(expected, total, "lost updates");
    }
}
