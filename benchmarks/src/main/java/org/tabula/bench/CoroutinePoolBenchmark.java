package org.tabula.bench;

import static org.tabula.Sql.select;
import static org.tabula.bench.Items.ITEMS;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;
import kotlinx.coroutines.CoroutineDispatcher;
import kotlinx.coroutines.ExecutorCoroutineDispatcher;
import kotlinx.coroutines.ExecutorsKt;
import kotlinx.coroutines.sync.SemaphoreKt;
import org.tabula.kotlin.AsyncEngine;
import org.tabula.schema.MetaData;
import org.tabula.statement.Select;

/**
 * 1,000 point selects on a pool of 10 connections: 1,000 coroutines through {@link AsyncEngine}
 * against a fixed pool of 10 threads using the blocking {@link Engine}, each select on a pooled
 * connection of its own ({@code connect}, execute, close). One operation is all 1,000 selects.
 * Target: coroutines' throughput at least 0.9x the threads' (time per operation at most 1/0.9).
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CoroutinePoolBenchmark {

    static final int POOL = 10;
    static final int SELECTS = 1000;
    static final int ROWS = 1000;

    @Param({"sqlite", "mariadb"})
    public String database;

    private Engine engine;
    private AsyncEngine db;
    private Engine virtualEngine;
    private AsyncEngine virtualDb;
    private Engine withContextEngine;
    private AsyncEngine withContextDb;
    private ExecutorService threads;
    private CoroutineDispatcher threadsDispatcher;

    static Select pointSelect(long id) {
        return select(ITEMS.qty).from(ITEMS).where(ITEMS.id.eq(id));
    }

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        engine = BenchDatabase.open(database, EngineOptions.defaults().poolSize(POOL).maxOverflow(0));
        MetaData schema = new MetaData(ITEMS);
        schema.dropAll(engine);
        schema.createAll(engine);
        try (Connection c = engine.connect()) {
            InsertBenchmark.rawInsert(c.jdbc(), InsertBenchmark.rows(ROWS));
            c.commit();
        }
        db = new AsyncEngine(engine);
        threads = Executors.newFixedThreadPool(POOL);
        threadsDispatcher = ExecutorsKt.from(threads);
        // A second engine whose coroutine JDBC calls run on virtual threads (Java 21+; on 17 to 20
        // it falls back to the platform threads, so the two coroutine rows measure the same code).
        virtualEngine = secondEngine();
        virtualDb = asyncWith("tabula.async.virtualThreads", virtualEngine);
        // A third whose begin/connect hand off by withContext, as before the one-hop hand-off.
        withContextEngine = secondEngine();
        withContextDb = asyncWith("tabula.async.withContext", withContextEngine);
    }

    /** Another engine on the same table and rows (SQLite: its own file). */
    private Engine secondEngine() throws SQLException {
        Engine other = BenchDatabase.open(database, EngineOptions.defaults().poolSize(POOL).maxOverflow(0));
        if (database.equals("sqlite")) {
            new MetaData(ITEMS).createAll(other);
            try (Connection c = other.connect()) {
                InsertBenchmark.rawInsert(c.jdbc(), InsertBenchmark.rows(ROWS));
                c.commit();
            }
        }
        return other;
    }

    /** The AsyncEngine of {@code other} made while the system property {@code flag} is true (read once per engine). */
    private static AsyncEngine asyncWith(String flag, Engine other) {
        System.setProperty(flag, "true");
        try {
            return new AsyncEngine(other);
        } finally {
            System.clearProperty(flag);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        threads.shutdown();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        virtualEngine.close();
        withContextEngine.close();
        new MetaData(ITEMS).dropAll(engine);
        engine.close();
    }

    @Benchmark
    public long coroutines() {
        return CoroutineSelects.run(db, SELECTS, ROWS, CoroutinePoolBenchmark::pointSelect);
    }

    /**
     * {@link #coroutines} with the engine's JDBC calls on virtual threads
     * ({@code -Dtabula.async.virtualThreads=true}); the same as {@link #coroutines} before Java 21.
     */
    @Benchmark
    public long coroutinesVirtualThreads() {
        return CoroutineSelects.run(virtualDb, SELECTS, ROWS, CoroutinePoolBenchmark::pointSelect);
    }

    /**
     * {@link #coroutines} with {@code begin}/{@code connect} handing off by {@code withContext}
     * ({@code -Dtabula.async.withContext=true}), as before the one-hop hand-off: what it saves.
     */
    @Benchmark
    public long coroutinesWithContext() {
        return CoroutineSelects.run(withContextDb, SELECTS, ROWS, CoroutinePoolBenchmark::pointSelect);
    }

    /** The same coroutines started on {@code Dispatchers.Default} (a server's request handlers) instead of one event loop. */
    @Benchmark
    public long coroutinesOnDefault() {
        return CoroutineSelects.runOnDefault(db, SELECTS, ROWS, CoroutinePoolBenchmark::pointSelect);
    }

    /**
     * The same coroutines started on the engine's own JDBC threads ({@code db.dispatcher}), as a
     * service whose handlers run there would: each {@code connect} block runs on the thread its
     * coroutine is on, with no hand-off (the dispatch of each coroutine remains, as the thread
     * pool's task hand-off does).
     */
    @Benchmark
    public long coroutinesOnEngineThreads() {
        return CoroutineSelects.runOnEngineThreads(db, SELECTS, ROWS, CoroutinePoolBenchmark::pointSelect);
    }

    /**
     * Not a comparison: the same 1,000 coroutines hopping to the JDBC dispatcher and back
     * ({@code withContext}) with no connection and no SQL, what {@link #coroutines} pays for the
     * hop on top of the threads' work.
     */
    @Benchmark
    public long coroutineHandoffsOnly() {
        return CoroutineSelects.handoffsOnly(db, SELECTS);
    }

    /**
     * Not a comparison: the cheapest coroutine wrapper over the blocking engine (suspend, run the
     * select on {@link #threads}, resume), the ceiling for {@link #coroutines}.
     */
    @Benchmark
    public long bareSuspendCeiling() {
        return CoroutineSelects.bareSuspend(engine, threads, SELECTS, ROWS, CoroutinePoolBenchmark::pointSelect);
    }

    /**
     * Not a comparison: {@link #bareSuspendCeiling} with the product's one-hop hand-off (a
     * coroutine on the caller's context plus a dispatcher), then with each feature of
     * {@code connect} added in turn (permit, statement canceller, mutex and element): what each costs.
     */
    @Benchmark
    public long stagedHop() {
        return CoroutineSelects.staged(engine, threadsDispatcher, threads, SELECTS, ROWS, CoroutinePoolBenchmark::pointSelect,
                null, false, false);
    }

    /** {@link #stagedHop} plus a suspending permit per select. */
    @Benchmark
    public long stagedPermit() {
        return CoroutineSelects.staged(engine, threadsDispatcher, threads, SELECTS, ROWS, CoroutinePoolBenchmark::pointSelect,
                SemaphoreKt.Semaphore(POOL, 0), false, false);
    }

    /** {@link #stagedPermit} plus a statement canceller on the caller's job. */
    @Benchmark
    public long stagedCanceller() {
        return CoroutineSelects.staged(engine, threadsDispatcher, threads, SELECTS, ROWS, CoroutinePoolBenchmark::pointSelect,
                SemaphoreKt.Semaphore(POOL, 0), true, false);
    }

    /** {@link #stagedCanceller} plus a mutex, cancellation checks and a context element per select. */
    @Benchmark
    public long stagedMutex() {
        return CoroutineSelects.staged(engine, threadsDispatcher, threads, SELECTS, ROWS, CoroutinePoolBenchmark::pointSelect,
                SemaphoreKt.Semaphore(POOL, 0), true, true);
    }

    /** {@link #stagedMutex} on the engine's JDBC threads instead of {@link #threads}. */
    @Benchmark
    public long stagedMutexEngineThreads() {
        ExecutorCoroutineDispatcher jdbc = (ExecutorCoroutineDispatcher) db.getDispatcher();
        return CoroutineSelects.staged(engine, jdbc, jdbc.getExecutor(), SELECTS, ROWS, CoroutinePoolBenchmark::pointSelect,
                SemaphoreKt.Semaphore(POOL, 0), true, true);
    }

    @Benchmark
    public long threadPool() throws InterruptedException, ExecutionException {
        List<Future<Long>> futures = new ArrayList<>(SELECTS);
        for (int i = 0; i < SELECTS; i++) {
            long id = (i % ROWS) + 1;
            futures.add(threads.submit(() -> {
                try (Connection c = engine.connect()) {
                    return ((Number) c.execute(pointSelect(id)).one().get(0)).longValue();
                }
            }));
        }
        long sum = 0;
        for (Future<Long> f : futures) {
            sum += f.get();
        }
        return sum;
    }
}
