package org.tabula.engine;

import org.jspecify.annotations.Nullable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.tabula.dialect.ConnectionSettings;
import org.tabula.dialect.Dialect;
import org.tabula.schema.MetaData;
import org.tabula.schema.SchemaTarget;
import org.tabula.error.OperationalException;
import org.tabula.error.TransactionStateException;
import org.tabula.error.PoolTimeoutException;
import org.tabula.type.DatabaseFamily;

/**
 * The entry point to a database: a connection pool, a dialect, and the options that govern
 * execution. Create one per database and share it; it is thread-safe.
 *
 * <pre>{@code
 * try (Engine engine = Engine.create("jdbc:sqlite::memory:")) {
 *     metadata.createAll(engine);
 *     engine.begin(conn -> {                                  // commits, or rolls back on exception
 *         conn.execute(insert(USERS).set(USERS.name, "ann"));
 *     });
 *     try (Connection conn = engine.connect()) {              // commit as you go
 *         conn.execute(update(USERS).set(USERS.name, "bob").where(USERS.id.eq(1L)));
 *         conn.commit();
 *     }
 * }
 * }</pre>
 *
 * <p>An in-memory SQLite database lives as long as its one connection, so such an engine keeps
 * exactly one connection and never recycles it.
 */
public final class Engine implements AutoCloseable, SchemaTarget {

    private static final AtomicInteger POOL_COUNTER = new AtomicInteger();
    /** Connector/J's setting for server-side cursors, in a driver URL's parameters. */
    private static final java.util.regex.Pattern CURSOR_FETCH =
            java.util.regex.Pattern.compile("(?i)[?&;]useCursorFetch=true(?:[&;]|$)");

    private final DataSource dataSource;
    // Null unless this engine made the pool. Engine must load without HikariCP (WithoutHikariTest):
    // touch this field's type only where ownedPool != null.
    private final HikariDataSource ownedPool;
    private final int statementCacheSize;
    // By the driver's connection: one borrower uses each at a time (StatementCache).
    private final java.util.concurrent.ConcurrentHashMap<java.sql.Connection, StatementCache> statementCaches =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final Dialect dialect;
    private final EngineOptions options;
    private final Events events;
    /** Run once by the first {@link #close()}; see {@link #onClose}. */
    private final List<Runnable> closeActions = new ArrayList<>();
    /** The innermost {@code begin}/{@code transaction} block's connection on each thread. */
    private final ThreadLocal<Connection> currentTransaction = new ThreadLocal<>();
    /** Cancels statements whose driver ignores the query timeout; see {@link #cancelAfter}. */
    private java.util.concurrent.ScheduledExecutorService timeoutTimer;
    private boolean closed;
    /** Null unless {@link #replicated}: then connections are routed between a primary and replicas. */
    private final ReplicaRouter router;
    /** The manager whose transactions this engine's connections join (Spring's), or null. */
    private final ExternalTransactions external;
    /** Whether reads outside an explicit transaction run in auto-commit ({@link EngineOptions#autoCommitReads}). */
    private final boolean autoCommitReads;
    /** Whether streams use the server's cursor (see {@link #streamsByCursor}): 0 not known yet, 1 no, 2 yes. */
    private volatile int cursorStreams;

    private Engine(DataSource dataSource, HikariDataSource ownedPool, Dialect dialect, EngineOptions options) {
        this(dataSource, ownedPool, dialect, options, null, null);
    }

    private Engine(DataSource dataSource, HikariDataSource ownedPool, Dialect dialect, EngineOptions options,
                   ReplicaRouter router, ExternalTransactions external) {
        this.dataSource = dataSource;
        this.external = external;
        this.ownedPool = ownedPool;
        this.dialect = dialect;
        this.options = options;
        this.events = new Events(options);
        this.router = router;
        this.autoCommitReads = autoCommitReads(options, dialect);
        int cacheSize = options.statementCacheSize() >= 0 ? options.statementCacheSize()
                : dialect.family() == DatabaseFamily.SQLITE ? 64 : 0;
        // Only behind a pool of ours: another pool (or an outside transaction manager's proxy, which
        // only engines over a given data source have) may close the driver's statements on return.
        this.statementCacheSize = ownedPool != null && router == null ? cacheSize : 0;
    }

    /**
     * Whether streams on MySQL/MariaDB read through a server-side cursor, which lets other
     * statements run on the connection while a stream is open: Connector/J does so when its URL
     * says {@code useCursorFetch=true} (else it streams row by row and refuses any other statement).
     * Read once per engine from the driver's own URL; always false on other databases, which need no such setting.
     */
    boolean streamsByCursor(java.sql.Connection jdbc) {
        int known = cursorStreams;
        if (known == 0) {
            known = dialect.family() == DatabaseFamily.MYSQL && asksForCursorFetch(jdbc) ? 2 : 1;
            cursorStreams = known;
        }
        return known == 2;
    }

    /**
     * Whether {@code jdbc} runs other statements while a stream is open on it: the dialect's
     * answer, or a server-side cursor ({@link #streamsByCursor}) where the dialect's is no.
     */
    boolean runsStatementsWhileStreaming(java.sql.Connection jdbc) {
        return dialect.runsStatementsWhileStreaming() || streamsByCursor(jdbc);
    }

    private static boolean asksForCursorFetch(java.sql.Connection jdbc) {
        try {
            String url = jdbc.getMetaData().getURL();
            return url != null && CURSOR_FETCH.matcher(url).find();
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * The statements kept open on the driver's connection behind {@code pooled}, or null when the
     * engine keeps none ({@link EngineOptions#statementCacheSize(int)}).
     */
    @Nullable StatementCache statementCache(java.sql.Connection pooled) {
        if (statementCacheSize == 0) {
            return null;
        }
        try {
            java.sql.Connection physical = pooled.unwrap(java.sql.Connection.class);
            StatementCache cache = statementCaches.get(physical);
            if (cache == null) {
                // A new driver connection: the pool may have closed others, and their statements with them.
                statementCaches.values().removeIf(StatementCache::connectionClosed);
                cache = new StatementCache(physical, statementCacheSize);
                statementCaches.put(physical, cache);
            }
            return cache;
        } catch (SQLException e) {
            return null;
        }
    }

    /**
     * An engine for a JDBC URL with default options.
     *
     * <pre>{@code
     * Engine engine = Engine.create("jdbc:sqlite:app.db");
     * }</pre>
     *
     * @param url the JDBC URL: {@code Engine.create("jdbc:sqlite::memory:")}
     * @return the engine; close it at shutdown
     */
    public static Engine create(String url) {
        return create(url, EngineOptions.defaults());
    }

    /**
     * An engine for a JDBC URL; the dialect follows from the URL (and, for MySQL URLs, from the server).
     *
     * <pre>{@code
     * Engine engine = Engine.create("jdbc:postgresql://localhost/app", EngineOptions.defaults().user("app").poolSize(10));
     * }</pre>
     *
     * @param url the JDBC URL: {@code Engine.create(url, EngineOptions.defaults().poolSize(10))}
     * @param options pool, timeouts, logging
     * @return the engine; close it at shutdown
     */
    public static Engine create(String url, EngineOptions options) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(options, "options");
        Dialect dialect = Dialect.forUrl(url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(options.user());
        config.setPassword(options.password());
        // Pooled connections idle in the mode reads outside transactions run in (autoCommitReads).
        config.setAutoCommit(autoCommitReads(options, dialect));
        config.setPoolName(options.poolName() != null ? options.poolName() : "tabula-" + POOL_COUNTER.incrementAndGet());
        config.setConnectionTimeout(Math.max(250, options.connectionTimeout().toMillis()));
        if (options.leakDetectionThreshold() != null) {
            config.setLeakDetectionThreshold(Math.max(2000, options.leakDetectionThreshold().toMillis()));
        }
        if (dialect.connectionInitSql() != null) {
            config.setConnectionInitSql(dialect.connectionInitSql());
        }
        dialect.driverProperties(url, new ConnectionSettings(options.busyTimeout(), options.sqliteJournalMode().name()))
                .forEach(config::addDataSourceProperty);
        // Without it HikariCP leaves the init SQL's transaction open (autocommit is off): a new
        // connection would start in it, and PostgreSQL refuses to set its isolation level.
        config.setIsolateInternalQueries(true);
        // Engine-wide transaction defaults are set once per pooled connection; HikariCP puts them
        // back when a transaction's own options changed them.
        if (options.isolation() != null) {
            config.setTransactionIsolation("TRANSACTION_" + options.isolation().name());
        }
        if (options.readOnly()) {
            if (dialect.readOnlyInitSql() != null) {
                config.setConnectionInitSql(dialect.readOnlyInitSql());
            } else {
                config.setReadOnly(true);
            }
        }
        for (Map.Entry<String, String> e : options.driverProperties().entrySet()) {
            config.addDataSourceProperty(e.getKey(), e.getValue());
        }
        if (dialect.databaseLivesInConnection(url)) {
            config.setMaximumPoolSize(1);
            config.setMinimumIdle(1);
            config.setMaxLifetime(0);
            config.setIdleTimeout(0);
        } else {
            config.setMaximumPoolSize(options.poolSize() + options.maxOverflow());
            config.setMinimumIdle(options.poolSize());
            config.setIdleTimeout(Math.max(10_000, options.idleTimeout().toMillis()));
            config.setMaxLifetime(Math.max(30_000, options.maxLifetime().toMillis()));
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new OperationalException("cannot connect to " + redact(url) + ": " + rootMessage(e),
                    e.getCause() instanceof SQLException s ? s : null, null);
        }
        try {
            return new Engine(pool, pool, detect(pool, dialect), options);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * An engine over a data source the caller owns (and closes): any pool, or none. It needs no
     * HikariCP on the class path (HikariCP is only the default pool of the URL overloads), so a
     * build that brings its own pool may exclude it ({@code WithoutHikariTest}).
     *
     * <pre>{@code
     * SQLiteDataSource ds = new SQLiteDataSource();
     * ds.setUrl("jdbc:sqlite:app.db");
     * Engine engine = Engine.create(ds, Dialect.SQLITE, EngineOptions.defaults());
     * }</pre>
     *
     * @param dataSource your pool: {@code Engine.create(myPool, Dialect.POSTGRES, EngineOptions.defaults())}
     * @param dialect the database behind it
     * @param options timeouts and logging (the pool's own settings are yours)
     * @return the engine; closing it does not close {@code dataSource}
     */
    public static Engine create(DataSource dataSource, Dialect dialect, EngineOptions options) {
        return new Engine(dataSource, null, dialect, options);
    }

    /**
     * An engine over a data source whose transactions an outside manager may own (what
     * {@code tabula-spring} builds): while {@code transactions} runs one on the calling thread,
     * {@link #connect()} and {@link #begin(TransactionWork)} work on its connection and never
     * commit, roll back or close it (see {@link ExternalTransactions}); otherwise the engine
     * behaves as {@link #create(DataSource, Dialect, EngineOptions)}'s.
     *
     * <pre>{@code
     * // not compiled: SpringTransactions is in tabula-spring
     * Engine engine = Engine.create(dataSource, Dialect.POSTGRES, EngineOptions.defaults(), new SpringTransactions());
     * }</pre>
     *
     * @param dataSource where connections come from
     * @param dialect the database's dialect
     * @param options pool, echo and listener options
     * @param transactions tells the engine the outside transaction of the calling thread, if any
     * @return the engine
     */
    public static Engine create(DataSource dataSource, Dialect dialect, EngineOptions options,
                                ExternalTransactions transactions) {
        return new Engine(dataSource, null, dialect, options, null,
                Objects.requireNonNull(transactions, "transactions"));
    }

    /**
     * {@link #replicated(ReplicaOptions, Engine, Engine...)} with {@link ReplicaOptions#defaults()}.
     *
     * <pre>{@code
     * Engine engine = Engine.replicated(Engine.create("jdbc:postgresql://db1/app"), Engine.create("jdbc:postgresql://db2/app"));
     * }</pre>
     *
     * @param primary the engine every write and transaction uses
     * @param replicas the engines reads outside transactions may use: {@code Engine.replicated(primary, replica1, replica2)}
     * @return the routing engine
     */
    public static Engine replicated(Engine primary, Engine... replicas) {
        return replicated(ReplicaOptions.defaults(), primary, replicas);
    }

    /**
     * An engine over a primary and its read replicas (engines of their own, which this one now
     * owns and closes). Every transaction ({@code begin}, {@code transaction}, {@code begin()},
     * ORM sessions) runs on the primary; a {@link #connect()} connection sends its reads (SELECT
     * without row locks) to a replica and moves to the primary at its first write; after a write
     * the same {@link ReadYourWrites context} (by default the thread) reads from the primary for
     * {@link ReplicaOptions#readYourWritesWindow()}. A replica that is down, not replicating or
     * lagging beyond {@link ReplicaOptions#maxLag()} gets no reads; with none usable, reads go to
     * the primary. {@link #primary()} and {@link #replica()} are the explicit hints. Details:
     * {@code docs/replication.md}.
     *
     * <pre>{@code
     * Engine engine = Engine.replicated(ReplicaOptions.defaults().maxLag(Duration.ofSeconds(2)),
     *         Engine.create("jdbc:postgresql://db1/app"), Engine.create("jdbc:postgresql://db2/app"));
     * try (Connection conn = engine.connect()) {
     *     conn.execute(select(USERS.name).from(USERS));          // a replica
     * }
     * engine.begin(conn -> conn.execute(insert(USERS).set(USERS.name, "ann")));   // the primary
     * }</pre>
     *
     * @throws IllegalArgumentException when a replica runs another database than the primary
     * @throws IllegalStateException when a replica's lag cannot be measured (the probe lacks a privilege)
     * @param options balance, read-your-writes window, lag bound, health checks
     * @param primary the engine every write and transaction uses
     * @param replicas the engines reads may use
     * @return the routing engine: {@code Engine.replicated(ReplicaOptions.defaults().maxLag(Duration.ofSeconds(2)), primary, replica)}
     */
    public static Engine replicated(ReplicaOptions options, Engine primary, Engine... replicas) {
        Objects.requireNonNull(replicas, "replicas");
        ReplicaRouter router = new ReplicaRouter(options, primary, List.of(replicas));
        return new Engine(primary.dataSource(), null, primary.dialect(), primary.options(), router, null);
    }

    /**
     * Whether this engine routes between a primary and replicas ({@link #replicated}).
     *
     * <pre>{@code
     * boolean routed = engine.isReplicated();
     * }</pre>
     *
     * @return {@code true} for an engine made by {@code replicated(...)}
     */
    public boolean isReplicated() {
        return router != null;
    }

    /**
     * The hint "on the primary": the primary's own engine for a replicated engine, this engine
     * otherwise. {@code engine.primary().connect()} reads what was just written anywhere.
     *
     * <pre>{@code
     * engine.primary().begin(conn -> report(conn));   // reads that must see the latest writes
     * }</pre>
     *
     * @return the primary, or this engine when not replicated: {@code engine.primary().connect()}
     */
    public Engine primary() {
        return router == null ? this : router.primary();
    }

    /**
     * The hint "on a replica": the engine of a usable replica (the next in turn), or the primary
     * when none is usable; this engine when it is not replicated. Its connections are plain ones
     * on that server, statements of any kind included (a write there fails: the replica is read-only).
     *
     * <pre>{@code
     * try (Connection conn = engine.replica().connect()) { report(conn); }   // even text() SQL
     * }</pre>
     *
     * @return a usable replica, or the primary when none is: {@code engine.replica().connect()}
     */
    public Engine replica() {
        return router == null ? this : router.replicaHint();
    }

    /**
     * What the last health check found on each replica; empty when not replicated.
     *
     * <pre>{@code
     * for (ReplicaStatus s : engine.replicaStatus()) {
     *     log.info("replica {}: {}", s.index(), s.usable() ? "lag " + s.lag() : s.problem());
     * }
     * }</pre>
     *
     * @return one status per replica: {@code engine.replicaStatus().get(0).lag()}
     */
    public List<ReplicaStatus> replicaStatus() {
        return router == null ? List.of() : router.status();
    }

    /**
     * {@link EngineOptions#autoCommitReads}, or when it is not set the dialect's default, as long
     * as the engine runs at READ COMMITTED or below: a stricter engine-wide level asks for reads
     * that share a snapshot, which only a transaction gives.
     */
    private static boolean autoCommitReads(EngineOptions options, Dialect dialect) {
        Boolean chosen = options.autoCommitReads();
        if (chosen != null) {
            return chosen;
        }
        Isolation isolation = options.isolation();
        return dialect.autoCommitReadsByDefault()
                && (isolation == null || isolation.jdbcLevel() <= java.sql.Connection.TRANSACTION_READ_COMMITTED);
    }

    /** The dialect chosen by URL, refined by the server it reached (MySQL URLs may point at MariaDB). */
    private static Dialect detect(DataSource ds, Dialect guess) {
        if (!guess.refinedByServer()) {
            return guess;
        }
        try (java.sql.Connection c = ds.getConnection()) {
            return guess.forServer(c.getMetaData());
        } catch (SQLException e) {
            throw new OperationalException("cannot read the server version: " + e.getMessage(), e, null);
        }
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    // ---------------------------------------------------------------- connections and transactions

    /**
     * A connection from the pool, "commit as you go": statements run in a transaction that
     * {@link Connection#commit()} ends; closing without a commit rolls back.
     *
     * <pre>{@code
     * try (Connection conn = engine.connect()) {
     *     conn.execute(insert(USERS).set(USERS.name, "ann"));
     *     conn.commit();
     * }
     * }</pre>
     *
     * @throws PoolTimeoutException when no connection is free within the
     *         {@link EngineOptions#connectionTimeout(Duration) connection timeout}
     *
     * @return a connection with a transaction that starts with its first statement: {@code try (Connection conn = engine.connect()) { ...; conn.commit(); }}
     */
    public Connection connect() {
        // The clock is read only when someone listens: no listener, no cost.
        return connect(events.listening() ? System.nanoTime() : 0L);
    }

    /**
     * {@link #connect()} for a layer that waited before asking the pool (the Kotlin layer waits
     * for a permit first): listeners are told the wait since {@code waitStartNanos}, a
     * {@link System#nanoTime()} reading (0: not measured).
     *
     * <pre>{@code
     * long start = System.nanoTime();
     * permits.acquire();
     * Connection conn = engine.connect(start);
     * }</pre>
     *
     * @throws PoolTimeoutException when no connection is free within the connection timeout
     * @param waitStartNanos {@code System.nanoTime()} when the caller began waiting for the connection
     * @return {@link #connect()} for a layer that waited before asking the pool
     */
    public Connection connect(long waitStartNanos) {
        return acquire(waitStartNanos, false);
    }

    /**
     * A connection reported to listeners as acquired after a wait since {@code waitStartNanos}
     * (or as a failed wait): {@code own} for a transaction of its own ({@link #ownConnection}),
     * else what {@link #connect()} hands out ({@link #open}).
     */
    private Connection acquire(long waitStartNanos, boolean own) {
        try {
            Connection conn = own ? (router != null ? router.connect(this, true) : pooled()) : open();
            conn.events().acquired(waitStartNanos);
            return conn;
        } catch (RuntimeException e) {
            events.connectFailed(this, waitStartNanos, e);
            throw e;
        }
    }

    /**
     * Tells listeners that a caller waiting since {@code waitStartNanos} got no connection, when
     * the wait failed before the pool was asked (the Kotlin layer's own wait for a permit), so
     * that they hear of every failed wait as {@link #connect()}'s are reported.
     *
     * <pre>{@code
     * engine.connectFailed(start, poolTimeout);
     * }</pre>
     *
     * @param waitStartNanos {@code System.nanoTime()} when the caller began waiting for the connection
     * @param failure what failed, or {@code null}
     */
    public void connectFailed(long waitStartNanos, RuntimeException failure) {
        events.connectFailed(this, waitStartNanos, failure);
    }

    private Connection open() {
        if (router != null) {
            return router.connect(this, false);
        }
        Connection joined = external == null ? null : joinExternal();
        return joined != null ? joined : pooled();
    }

    /** A connection in the outside manager's transaction on this thread, or null when it runs none. */
    private Connection joinExternal() {
        try {
            ExternalTransaction tx = external.current(dataSource);
            return tx == null ? null : new Connection(this, tx);
        } catch (SQLException e) {
            throw cannotConnect(e);
        }
    }

    /** A connection of the pool's, whatever transaction an outside manager runs. */
    private Connection pooled() {
        try {
            java.sql.Connection jdbc = dataSource.getConnection();
            boolean autoCommit = jdbc.getAutoCommit();
            if (autoCommit && !autoCommitReads) {
                jdbc.setAutoCommit(false);
                autoCommit = false;
            }
            // A foreign pool that lends connections out of auto-commit keeps them so: reads then run in a transaction.
            if (ownedPool == null && (options.isolation() != null || options.readOnly())) {
                // A data source the engine does not own has no pool settings to carry the defaults.
                dialect.setTransactionCharacteristics(jdbc, options.isolation() != null
                        ? options.isolation().jdbcLevel() : java.sql.Connection.TRANSACTION_NONE,
                        options.readOnly() ? Boolean.TRUE : null);
            }
            return new Connection(this, jdbc, autoCommit);
        } catch (SQLTransientConnectionException e) {
            // HikariCP gave up waiting; with a cause it could not open a connection at all, which is no timeout of ours.
            if (ownedPool == null || e.getCause() != null) {
                throw cannotConnect(e);
            }
            PoolStatus status = poolStatus();
            throw new PoolTimeoutException(ownedPool.getPoolName(), "Engine.connect()",
                    Duration.ofMillis(ownedPool.getConnectionTimeout()), ownedPool.getMaximumPoolSize(),
                    status.active(), status.idle(), status.waiting(), e);
        } catch (SQLException e) {
            throw cannotConnect(e);
        }
    }

    private static OperationalException cannotConnect(SQLException e) {
        return new OperationalException("cannot get a connection from the pool: " + e.getMessage(), e, null);
    }

    /**
     * A connection with a transaction begun, for try-with-resources. Java cannot tell a normal
     * exit from an exception in {@code close()}, so the block must end with
     * {@link Connection#commit()}; closing without it rolls everything back, never leaving half
     * a transaction. For commit-at-the-end semantics use {@link #begin(TransactionWork)}.
     *
     * <pre>{@code
     * try (Connection conn = engine.begin()) {
     *     conn.execute(insert(USERS).set(USERS.name, "ann"));
     *     conn.commit();
     * }
     * }</pre>
     *
     * @return a connection in a transaction: {@code try (Connection conn = engine.begin()) { ...; conn.commit(); }}
     */
    public Connection begin() {
        Connection conn = router == null ? connect() : ownConnection();
        try {
            conn.begin(TransactionOptions.defaults()); // an explicit transaction: never auto-commit
        } catch (RuntimeException e) {
            conn.close();
            throw e;
        }
        return conn;
    }

    /**
     * A connection for a transaction of its own: the primary's on a replicated engine, the pool's
     * even inside an outside manager's transaction (REQUIRES_NEW), reported to listeners.
     */
    private Connection ownConnection() {
        return acquire(events.listening() ? System.nanoTime() : 0L, true);
    }

    /**
     * Runs {@code work} in a transaction that commits when it returns and rolls back if it throws.
     * Inside another {@code begin}/{@code transaction} on this thread it joins that one
     * ({@link Propagation#REQUIRED}).
     *
     * <pre>{@code
     * engine.begin(conn -> conn.execute(insert(USERS).set(USERS.name, "ann")));   // commits, or rolls back on exception
     * }</pre>
     *
     * @param work the block: {@code engine.begin(conn -> conn.execute(insert(USERS).set(USERS.name, "ann")))}
     */
    public void begin(TransactionWork work) {
        begin(TransactionOptions.defaults(), work);
    }

    /**
     * {@link #begin(TransactionWork)} with isolation, read-only and propagation.
     *
     * <pre>{@code
     * engine.begin(TransactionOptions.isolation(Isolation.SERIALIZABLE), conn -> transfer(conn));
     * }</pre>
     *
     * @param options isolation, read-only, propagation, retry
     * @param work the block
     */
    public void begin(TransactionOptions options, TransactionWork work) {
        transaction(options, conn -> {
            work.run(conn);
            return null;
        });
    }

    /**
     * Runs {@code work} in a transaction and returns its value: commit on return, rollback on any
     * exception. Inside another {@code begin}/{@code transaction} on this thread it joins that one.
     *
     * <pre>{@code
     * long n = engine.transaction(conn -> conn.execute(select(count()).from(USERS)).scalarOne());
     * }</pre>
     *
     * @param <T> what the block returns
     * @param work the block: {@code long n = engine.transaction(conn -> conn.execute(select(count()).from(USERS)).scalarOne())}
     * @return what the block returned
     */
    public <T extends @Nullable Object> T transaction(TransactionCallback<T> work) {
        return transaction(TransactionOptions.defaults(), work);
    }

    /**
     * Runs {@code work} in a transaction shaped by {@code options}; the transaction is this
     * thread's current one while {@code work} runs, so that {@code begin}/{@code transaction}
     * calls inside it (and {@code SessionFactory.begin}) find it.
     *
     * <pre>{@code
     * long total = engine.transaction(TransactionOptions.isolation(Isolation.REPEATABLE_READ).readOnly(true),
     *         conn -> conn.execute(select(sum(ORDERS.amount)).from(ORDERS)).scalarOne());
     * engine.begin(TransactionOptions.propagation(Propagation.NESTED), conn -> tryOptionalStep(conn));
     * }</pre>
     *
     * <p>A block that joins a transaction ({@code REQUIRED}, {@code MANDATORY}) and throws marks it
     * rollback-only: the outer block's commit then rolls back and throws
     * {@link org.tabula.error.TransactionRolledBackException}, even if the outer block caught the
     * exception. A {@code NESTED} block that throws rolls back its savepoint only.
     *
     * <p>With {@link TransactionOptions#retry(RetryPolicy) a retry policy}, a block that starts a
     * transaction of its own runs again, on a new connection, when the database aborts it
     * (deadlock, serialization failure; see {@link RetryPolicy}); a block that joins one does not.
     *
     * @throws TransactionStateException when the propagation forbids the current state
     * @throws org.tabula.error.RetriesExhaustedException when a retry policy's attempts all were aborted
     * @param <T> what the block returns
     * @param options isolation, read-only, propagation, retry
     * @param work the block
     * @return what the block returned
     */
    public <T extends @Nullable Object> T transaction(TransactionOptions options, TransactionCallback<T> work) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(work, "work");
        Connection outer = currentTransaction.get();
        if (outer != null && outer.isClosed()) {
            currentTransaction.remove();
            outer = null;
        }
        if (outer == null && external != null) {
            Connection joined = joinExternal();
            if (joined != null) {
                // The outside transaction is this block's outer one: REQUIRED joins it, NESTED takes a savepoint in it.
                currentTransaction.set(joined);
                try (joined) {
                    return transaction(options, work);
                } finally {
                    currentTransaction.remove();
                }
            }
        }
        return switch (options.propagation()) {
            case REQUIRED -> outer != null ? outer.participate(options, work) : runNew(null, options, work);
            case MANDATORY -> {
                if (outer == null) {
                    throw new TransactionStateException("propagation MANDATORY needs a current transaction on "
                            + this + ", and this thread has none");
                }
                yield outer.participate(options, work);
            }
            case NESTED -> outer != null ? outer.nestedIn(options, work) : runNew(null, options, work);
            case NEVER -> {
                if (outer != null) {
                    throw new TransactionStateException("propagation NEVER, but this thread is in a transaction on "
                            + this);
                }
                yield runNew(null, options, work);
            }
            case REQUIRES_NEW -> runNew(outer, options, work);
        };
    }

    /** A transaction on a connection of its own, current on this thread until it ends. */
    private <T extends @Nullable Object> T runNew(Connection outer, TransactionOptions options, TransactionCallback<T> work) {
        if (options.retry() != null) {
            // Each attempt is a new transaction on a new connection; a joined block never gets here.
            TransactionOptions once = options.withRetry(null);
            return options.retry().run(dialect, () -> runNew(outer, once, work));
        }
        try (Connection conn = ownConnection()) {
            currentTransaction.set(conn);
            try {
                return conn.inTransaction(options, work);
            } finally {
                if (outer != null) {
                    currentTransaction.set(outer);
                } else {
                    currentTransaction.remove();
                }
            }
        }
    }

    /**
     * The transaction that a {@code begin}/{@code transaction} block on this thread is running, if
     * any: what {@link Propagation#REQUIRED} joins.
     *
     * <pre>{@code
     * engine.currentTransaction().ifPresent(conn -> conn.setRollbackOnly());
     * }</pre>
     *
     * @return the transaction of the current thread, or empty: {@code engine.currentTransaction().isPresent()}
     */
    public Optional<Connection> currentTransaction() {
        Connection conn = currentTransaction.get();
        return conn == null || conn.isClosed() ? Optional.empty() : Optional.of(conn);
    }

    // ---------------------------------------------------------------- state

    /**
     * Reads what the database holds (tables, columns, keys, indexes, enum types); see {@link Inspector}.
     *
     * <pre>{@code
     * List<String> tables = engine.inspect().tableNames();
     * }</pre>
     *
     * @return an inspector: {@code engine.inspect().tableNames()}
     */
    public Inspector inspect() {
        return Inspector.of(this);
    }

    /**
     * Creates every table, index and native enum type of {@code metaData} that does not exist
     * yet, parents first, in one transaction where the database allows.
     *
     * <pre>{@code
     * engine.createAll(new MetaData(USERS, POSTS));      // the same as metadata.createAll(engine)
     * }</pre>
     *
     * @param metaData the tables to create
     */
    @Override
    public void createAll(MetaData metaData) {
        SchemaCommands.createAll(this, metaData);
    }

    /**
     * Drops every table of {@code metaData} that exists, children first, then its native enum types.
     *
     * <pre>{@code
     * engine.dropAll(new MetaData(USERS, POSTS));        // the same as metadata.dropAll(engine)
     * }</pre>
     *
     * @param metaData the tables to drop
     */
    @Override
    public void dropAll(MetaData metaData) {
        SchemaCommands.dropAll(this, metaData);
    }

    /**
     * Tables built from what the database holds (see {@link MetaData#reflect}).
     *
     * <pre>{@code
     * Table users = engine.reflect().table("users");
     * }</pre>
     *
     * @return a metadata of every table the database holds
     */
    @Override
    public MetaData reflect() {
        return MetaData.fromReports(inspect().tables());
    }

    /**
     * The dialect statements are rendered with: {@code engine.dialect().name()} is {@code "sqlite"}.
     *
     * <pre>{@code
     * Dialect d = engine.dialect();
     * }</pre>
     *
     * @return the dialect
     */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * The options the engine was made with: {@code engine.options().poolSize()}.
     *
     * <pre>{@code
     * int size = engine.options().poolSize();
     * }</pre>
     *
     * @return the options
     */
    public EngineOptions options() {
        return options;
    }

    Events events() {
        return events;
    }

    /**
     * The pool's counters (zeros for an engine over a foreign data source).
     *
     * <pre>{@code
     * PoolStatus pool = engine.poolStatus();
     * }</pre>
     *
     * @return the counters: {@code engine.poolStatus().active()}
     */
    public PoolStatus poolStatus() {
        if (router != null) {
            return router.primary().poolStatus();
        }
        if (ownedPool == null) {
            return new PoolStatus(0, 0, 0, 0);
        }
        HikariPoolMXBean mx = ownedPool.getHikariPoolMXBean();
        if (mx == null) {
            return new PoolStatus(0, 0, 0, 0);
        }
        return new PoolStatus(mx.getActiveConnections(), mx.getIdleConnections(), mx.getTotalConnections(),
                mx.getThreadsAwaitingConnection());
    }

    /**
     * Closes every pooled connection (after the ones in use come back, or immediately if asked).
     *
     * <pre>{@code
     * engine.softEvictConnections();   // after a failover: new connections go to the new primary
     * }</pre>
     */
    public void softEvictConnections() {
        if (ownedPool != null && ownedPool.getHikariPoolMXBean() != null) {
            ownedPool.getHikariPoolMXBean().softEvictConnections();
        }
    }

    /**
     * Closes a connection the server or network broke, so the pool never hands it out again, and
     * retires the rest of the pool as SQLAlchemy invalidates its pool on a disconnect: a server
     * that went away broke its other connections too, and a failover URL only moves a connection
     * that is opened after the failure.
     */
    void evict(java.sql.Connection jdbc) {
        if (ownedPool != null) {
            ownedPool.evictConnection(jdbc);
            softEvictConnections();
            return;
        }
        try {
            jdbc.close();
        } catch (SQLException ignored) {
            // already gone
        }
    }

    /**
     * Cancels {@code conn}'s running statement after {@code after}: the query timeout of drivers
     * that do not enforce one. One daemon thread per engine, started on first use and stopped when
     * the engine closes.
     */
    java.util.concurrent.Future<?> cancelAfter(Connection conn, Duration after) {
        java.util.concurrent.ScheduledExecutorService timer;
        synchronized (closeActions) {
            if (timeoutTimer == null) {
                java.util.concurrent.ScheduledThreadPoolExecutor t = new java.util.concurrent.ScheduledThreadPoolExecutor(1,
                        r -> {
                            Thread thread = new Thread(r, "tabula-query-timeout-" + this);
                            thread.setDaemon(true);
                            return thread;
                        });
                t.setRemoveOnCancelPolicy(true);
                timeoutTimer = t;
                closeActions.add(t::shutdownNow);
            }
            timer = timeoutTimer;
        }
        return timer.schedule(conn::cancel, after.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /**
     * The underlying data source, for interop with other JDBC code.
     *
     * <pre>{@code
     * DataSource ds = engine.dataSource();
     * }</pre>
     *
     * @return the data source: {@code new JdbcTemplate(engine.dataSource())}
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Closes the pool (SQLAlchemy's {@code dispose()}).
     *
     * <pre>{@code
     * try (Engine engine = Engine.create("jdbc:sqlite::memory:")) {
     *     engine.begin(conn -> conn.execute(createTable(USERS)));
     * }   // the pool is closed
     * }</pre>
     */
    @Override
    public void close() {
        List<Runnable> actions;
        synchronized (closeActions) {
            if (closed) {
                return;
            }
            closed = true;
            actions = List.copyOf(closeActions);
            closeActions.clear();
        }
        RuntimeException failure = null;
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                // Every resource still gets its chance to close; the first failure is reported.
                failure = Failures.add(failure, e);
            }
        }
        if (ownedPool != null) {
            ownedPool.close();      // closing its connections closes the statements they kept
        }
        statementCaches.clear();
        if (router != null) {
            try {
                router.close();
            } catch (RuntimeException e) {
                failure = Failures.add(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Registers {@code action} to run when this engine is closed, before its pool closes: for
     * resources that live exactly as long as the engine, such as the Kotlin layer's JDBC threads.
     * On an engine already closed the action runs at once.
     *
     * <pre>{@code
     * ExecutorService jdbcThreads = Executors.newFixedThreadPool(10);
     * engine.onClose(jdbcThreads::shutdown);
     * }</pre>
     *
     * @param action run once at close: {@code engine.onClose(executor::shutdown)}
     */
    public void onClose(Runnable action) {
        Objects.requireNonNull(action, "action");
        synchronized (closeActions) {
            if (!closed) {
                closeActions.add(action);
                return;
            }
        }
        action.run();
    }

    /**
     * Same as {@link #close()}.
     *
     * <pre>{@code
     * engine.dispose();   // the same as close()
     * }</pre>
     */
    public void dispose() {
        close();
    }

    @Override
    public String toString() {
        return router == null ? "Engine[" + dialect.name() + "]" : "Engine[" + dialect.name() + ", " + router + "]";
    }
}
