package org.tabula.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Sql.text;
import static org.tabula.Sql.update;
import static org.tabula.it.reliability.RelSchema.COUNTER;

import java.time.Duration;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.Isolation;
import org.tabula.engine.Propagation;
import org.tabula.engine.RetryPolicy;
import org.tabula.engine.TransactionOptions;
import org.tabula.error.OperationalException;
import org.tabula.error.RetriesExhaustedException;
import org.tabula.error.TransactionRolledBackException;
import org.tabula.error.UniqueViolationException;
import org.tabula.it.Concurrently;
import org.tabula.it.Databases;

/**
 * Retryable transactions on real conflicts: the database aborts a transaction (serialization
 * failure, deadlock, lock-wait timeout, SQLite's busy snapshot), the block runs again, and each
 * transaction's effect lands exactly once; other errors are never retried; a joined block leaves
 * the retry to the outer one.
 */
@ExtendWith(NoBorrowedConnections.class)
class TransactionRetryTest {

    private static final RetryPolicy PATIENT = RetryPolicy.attempts(30).backoff(Duration.ofMillis(1), Duration.ofMillis(50));
    private static final int ROUNDS = 3;

    /** {@code attempts} attempts with short waits, for conflicts that happen on every attempt. */
    private static RetryPolicy quick(int attempts) {
        return RetryPolicy.attempts(attempts).backoff(Duration.ofMillis(1), Duration.ofMillis(5));
    }

    static java.util.stream.Stream<String> databases() {
        return Rel.databases();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void concurrentReadModifyWriteIsRetriedAndEachIncrementAppliedOnce(String db) throws Exception {
        Engine engine = counters(db, 1);
        TransactionOptions options = TransactionOptions.isolation(Isolation.SERIALIZABLE).withRetry(PATIENT);
        CyclicBarrier bothRead = new CyclicBarrier(2);
        CyclicBarrier bothDone = new CyclicBarrier(2);
        AtomicInteger runs = new AtomicInteger();
        Concurrently.runAll(2, thread -> {
            for (int round = 0; round < ROUNDS; round++) {
                int[] attempt = {0};
                engine.begin(options, conn -> {
                    runs.incrementAndGet();
                    long seen = value(conn, 1);
                    if (++attempt[0] == 1) {
                        bothRead.await(30, TimeUnit.SECONDS);   // both have read before either writes
                    }
                    set(conn, 1, seen + 1);
                });
                // MariaDB's SERIALIZABLE reads take shared locks: a retry must not meet the next round's.
                bothDone.await(30, TimeUnit.SECONDS);
            }
        });
        assertEquals(2L * ROUNDS, value(engine, 1), "an increment was lost or applied twice");
        assertTrue(runs.get() > 2 * ROUNDS, "no transaction was aborted and retried: " + runs.get() + " runs");
    }

    /**
     * Write skew: two on-call doctors each see two on call and go off; SERIALIZABLE lets only one
     * of them (PostgreSQL: serialization failure; MariaDB: deadlock on the shared read locks;
     * SQLite: stale snapshot); the other's retry sees one on call and stays.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void serializableWriteSkewIsRetriedAndTheRuleHolds(String db) throws Exception {
        Engine engine = counters(db, 2, 1L);
        TransactionOptions options = TransactionOptions.isolation(Isolation.SERIALIZABLE).withRetry(PATIENT);
        CyclicBarrier bothRead = new CyclicBarrier(2);
        AtomicInteger runs = new AtomicInteger();
        Concurrently.runAll(2, thread -> {
            int[] attempt = {0};
            engine.begin(options, conn -> {
                runs.incrementAndGet();
                long onCall = onCall(conn);
                if (++attempt[0] == 1) {
                    bothRead.await(30, TimeUnit.SECONDS);
                }
                if (onCall >= 2) {
                    set(conn, thread + 1, 0L);
                }
            });
        });
        assertEquals(1L, onCall(engine), "both went off call, or neither did");
        // At least one transaction ran again. It may go round more than once: on SQLite a retry can
        // find the winner's write still open (SQLITE_BUSY), and PostgreSQL's serializable checks
        // may abort both first attempts (then both retry); the rule above is what must hold.
        assertTrue(runs.get() >= 3, "no transaction ran again: " + runs.get() + " runs");
    }

    /** PostgreSQL finds the write skew only when the block has returned: the COMMIT fails, and is retried. */
    @ParameterizedTest
    @MethodSource("databases")
    void aCommitTheDatabaseAbortsIsRetried(String db) {
        assumeTrue(db.equals("postgresql"), "PostgreSQL's serializable snapshot isolation can refuse a COMMIT alone");
        Engine engine = counters(db, 2, 1L);
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        try (Connection other = engine.connect()) {
            engine.begin(TransactionOptions.isolation(Isolation.SERIALIZABLE).withRetry(PATIENT), conn -> {
                if (onCall(conn) >= 2) {
                    set(conn, 2, 0L);
                }
                if (runs.incrementAndGet() == 1) {
                    other.begin(TransactionOptions.isolation(Isolation.SERIALIZABLE));
                    if (onCall(other) >= 2) {
                        set(other, 1, 0L);
                    }
                    other.commit();
                }
                finished.incrementAndGet();
            });
        }
        assertEquals(2, runs.get());
        assertEquals(2, finished.get(), "the first run returned: what failed was its COMMIT");
        assertEquals(1L, onCall(engine));
        assertEquals(0L, value(engine, 1));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void deadlockOnRowsLockedInOppositeOrderIsRetried(String db) throws Exception {
        assumeFalse(db.equals("sqlite"), "SQLite locks the whole database: a second writer waits, it cannot deadlock");
        Engine engine = counters(db, 2);
        TransactionOptions options = TransactionOptions.retry(PATIENT);
        CyclicBarrier bothLocked = new CyclicBarrier(2);
        AtomicInteger runs = new AtomicInteger();
        Concurrently.runAll(2, thread -> {
            long first = thread == 0 ? 1 : 2;
            long second = thread == 0 ? 2 : 1;
            int[] attempt = {0};
            engine.begin(options, conn -> {
                runs.incrementAndGet();
                long a = lockedValue(conn, first);
                if (++attempt[0] == 1) {
                    bothLocked.await(30, TimeUnit.SECONDS);
                }
                long b = lockedValue(conn, second);
                set(conn, first, a + 1);
                set(conn, second, b + 1);
            });
        });
        assertEquals(2L, value(engine, 1));
        assertEquals(2L, value(engine, 2));
        assertEquals(3, runs.get(), "one of the two deadlocked transactions runs again, once");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anErrorARetryCannotFixIsThrownAtOnceUnchanged(String db) {
        Engine engine = counters(db, 1);
        AtomicInteger runs = new AtomicInteger();
        assertThrows(UniqueViolationException.class, () -> engine.begin(TransactionOptions.retry(PATIENT), conn -> {
            runs.incrementAndGet();
            conn.execute(insert(COUNTER).set(COUNTER.id, 1L).set(COUNTER.value, 5L));
        }));
        assertEquals(1, runs.get());
        assertThrows(IllegalStateException.class, () -> engine.begin(TransactionOptions.retry(PATIENT), conn -> {
            runs.incrementAndGet();
            throw new IllegalStateException("the application's own failure");
        }));
        assertEquals(2, runs.get());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void whenEveryAttemptIsAbortedTheExceptionCountsThemAndNothingIsCommitted(String db) {
        Engine engine = counters(db, 1);
        RetryPolicy three = quick(3);
        AtomicInteger runs = new AtomicInteger();
        try (Connection blocker = engine.connect()) {
            RetriesExhaustedException e = assertThrows(RetriesExhaustedException.class, () ->
                    engine.begin(conflicting(db).withRetry(three), conn -> {
                        runs.incrementAndGet();
                        conflictingIncrement(db, blocker, conn);
                    }));
            assertEquals(3, e.attempts());
            assertEquals(3, runs.get());
            assertInstanceOf(OperationalException.class, e.getCause());
            assertTrue(e.getMessage().contains("3 attempts"), e.getMessage());
            blocker.rollback();
        }
        long interfering = db.equals("mysql") ? 0 : 3;   // the other connection's own commits
        assertEquals(interfering, value(engine, 1), "an aborted attempt left something behind");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aJoinedBlockNeverRetriesAloneTheOuterTransactionSeesTheFailureAndRetriesWhole(String db) {
        Engine engine = counters(db, 1);
        RetryPolicy two = quick(2);
        AtomicInteger outerRuns = new AtomicInteger();
        AtomicInteger innerRuns = new AtomicInteger();
        try (Connection blocker = engine.connect()) {
            // No policy outside: the inner policy is not used, the outer block gets the abort as is.
            OperationalException plain = assertThrows(OperationalException.class, () ->
                    engine.begin(conflicting(db), outer -> {
                        outerRuns.incrementAndGet();
                        engine.begin(TransactionOptions.retry(PATIENT), inner -> {
                            innerRuns.incrementAndGet();
                            conflictingIncrement(db, blocker, inner);
                        });
                    }));
            assertTrue(PATIENT.isRetryable(plain, engine.dialect()), plain.toString());
            assertEquals(1, outerRuns.get());
            assertEquals(1, innerRuns.get());

            // A policy outside: the whole outer block runs again, the inner one with it, even when
            // the outer block swallowed the inner failure (its commit rolls back with it as cause).
            for (boolean swallow : new boolean[] {false, true}) {
                outerRuns.set(0);
                innerRuns.set(0);
                RetriesExhaustedException e = assertThrows(RetriesExhaustedException.class, () ->
                        engine.begin(conflicting(db).withRetry(two), outer -> {
                            outerRuns.incrementAndGet();
                            try {
                                engine.begin(TransactionOptions.propagation(Propagation.REQUIRED).withRetry(PATIENT),
                                        inner -> {
                                            innerRuns.incrementAndGet();
                                            conflictingIncrement(db, blocker, inner);
                                        });
                            } catch (OperationalException abort) {
                                if (!swallow) {
                                    throw abort;
                                }
                            }
                        }));
                assertEquals(2, e.attempts());
                assertEquals(2, outerRuns.get());
                assertEquals(2, innerRuns.get(), "the joined block ran only with its outer one");
                if (swallow) {
                    assertInstanceOf(TransactionRolledBackException.class, e.getCause());
                }
            }
            blocker.rollback();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRequiresNewBlockInsideATransactionRetriesOnItsOwnConnection(String db) {
        Engine engine = counters(db, 1);
        AtomicInteger runs = new AtomicInteger();
        try (Connection other = engine.connect()) {
            engine.begin(outer -> {
                engine.begin(conflicting(db).withPropagation(Propagation.REQUIRES_NEW).withRetry(PATIENT), inner -> {
                    if (runs.incrementAndGet() == 1) {
                        conflictingIncrement(db, other, inner);
                    } else {
                        other.rollback();   // MariaDB: the lock goes; elsewhere the change was committed already
                        set(inner, 1, value(inner, 1) + 1);
                    }
                });
                assertFalse(outer.isRollbackOnly(), "the outer transaction is not touched by the inner one's retry");
            });
        }
        assertEquals(2, runs.get());
        assertEquals(db.equals("mysql") ? 1L : 2L, value(engine, 1));
    }

    // ---------------------------------------------------------------- conflicts on demand

    /**
     * The isolation that makes {@link #conflictingIncrement} abort: REPEATABLE READ on PostgreSQL
     * (a row changed since the snapshot cannot be updated); on MariaDB the abort is a lock-wait
     * timeout, on SQLite a stale snapshot, at any isolation.
     */
    private static TransactionOptions conflicting(String db) {
        return db.equals("postgresql") ? TransactionOptions.isolation(Isolation.REPEATABLE_READ) : TransactionOptions.defaults();
    }

    /**
     * An increment of row 1 that the database aborts, every time, on one thread: another
     * connection changes the row between this transaction's read and its write (PostgreSQL:
     * 40001; SQLite: SQLITE_BUSY_SNAPSHOT), or holds its lock past a one-second wait (MariaDB: 1205).
     */
    private static void conflictingIncrement(String db, Connection other, Connection conn) {
        long seen = value(conn, 1);
        if (Databases.isMySql(db)) {
            other.execute(update(COUNTER).set(COUNTER.value, -1L).where(COUNTER.id.eq(1L)));   // held, not committed
            conn.execute(text("SET STATEMENT innodb_lock_wait_timeout = 1 FOR UPDATE rel_counter SET value = "
                    + (seen + 1) + " WHERE id = 1"));
        } else {
            set(other, 1, value(other, 1) + 1);
            other.commit();
            set(conn, 1, seen + 1);
        }
    }


    // ---------------------------------------------------------------- helpers

    /** Fresh rel_ tables with counters 1..{@code rows} at zero. */
    private static Engine counters(String db, int rows) {
        return counters(db, rows, 0L);
    }

    private static Engine counters(String db, int rows, long start) {
        Engine engine = Rel.fresh(db);
        engine.begin(conn -> {
            for (long id = 1; id <= rows; id++) {
                conn.execute(insert(COUNTER).set(COUNTER.id, id).set(COUNTER.value, start));
            }
        });
        return engine;
    }

    /** The sum of all counters: in the write-skew tests, how many doctors are on call. */
    private static long onCall(Connection conn) {
        return conn.execute(select(COUNTER.value).from(COUNTER)).<Long>scalars().stream().mapToLong(Long::longValue).sum();
    }

    private static long onCall(Engine engine) {
        return engine.transaction(TransactionRetryTest::onCall);
    }

    private static long value(Connection conn, long id) {
        return conn.execute(select(COUNTER.value).where(COUNTER.id.eq(id))).<Long>scalarOne();
    }

    private static long lockedValue(Connection conn, long id) {
        return conn.execute(select(COUNTER.value).where(COUNTER.id.eq(id)).forUpdate()).<Long>scalarOne();
    }

    private static long value(Engine engine, long id) {
        return engine.transaction(conn -> value(conn, id));
    }

    private static void set(Connection conn, long id, long value) {
        conn.execute(update(COUNTER).set(COUNTER.value, value).where(COUNTER.id.eq(id)));
    }
}
