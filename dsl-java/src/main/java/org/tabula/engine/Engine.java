package org.tabula.engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.tabula.dialect.Dialect;
import org.tabula.error.OperationalException;

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
public final class Engine implements AutoCloseable {

    private static final AtomicInteger POOL_COUNTER = new AtomicInteger();

    private final DataSource dataSource;
    private final HikariDataSource ownedPool;
    private final Dialect dialect;
    private final EngineOptions options;
    private final Echo echo;
    /** Run once by the first {@link #close()}; see {@link #onClose}. */
    private final List<Runnable> closeActions = new ArrayList<>();
    private boolean closed;

    private Engine(DataSource dataSource, HikariDataSource ownedPool, Dialect dialect, EngineOptions options) {
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.dialect = dialect;
        this.options = options;
        this.echo = new Echo(options);
    }

    /** An engine for a JDBC URL with default options. */
    public static Engine create(String url) {
        return create(url, EngineOptions.defaults());
    }

    /** An engine for a JDBC URL; the dialect follows from the URL (and, for MySQL URLs, from the server). */
    public static Engine create(String url, EngineOptions options) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(options, "options");
        Dialect dialect = Dialect.forUrl(url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(options.user());
        config.setPassword(options.password());
        config.setAutoCommit(false);
        config.setPoolName(options.poolName() != null ? options.poolName() : "tabula-" + POOL_COUNTER.incrementAndGet());
        config.setConnectionTimeout(Math.max(250, options.connectionTimeout().toMillis()));
        if (options.leakDetectionThreshold() != null) {
            config.setLeakDetectionThreshold(Math.max(2000, options.leakDetectionThreshold().toMillis()));
        }
        if (dialect.connectionInitSql() != null) {
            config.setConnectionInitSql(dialect.connectionInitSql());
        }
        if (dialect == Dialect.SQLITE) {
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("busy_timeout", "10000");
        }
        if (dialect == Dialect.MYSQL || dialect == Dialect.MARIADB) {
            // Sent as one multi-row INSERT per batch: executemany at bulk speed.
            config.addDataSourceProperty("rewriteBatchedStatements", "true");
        }
        for (Map.Entry<String, String> e : options.driverProperties().entrySet()) {
            config.addDataSourceProperty(e.getKey(), e.getValue());
        }
        if (isSqliteMemory(url)) {
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

    /** An engine over a data source the caller owns (and closes). */
    public static Engine create(DataSource dataSource, Dialect dialect, EngineOptions options) {
        return new Engine(dataSource, null, dialect, options);
    }

    private static boolean isSqliteMemory(String url) {
        return url.equals("jdbc:sqlite:") || url.startsWith("jdbc:sqlite::memory:") || url.contains("mode=memory");
    }

    /** MySQL URLs may point at MariaDB, which has RETURNING; ask the server. */
    private static Dialect detect(DataSource ds, Dialect guess) {
        if (guess != Dialect.MYSQL) {
            return guess;
        }
        try (java.sql.Connection c = ds.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            String version = md.getDatabaseProductVersion();
            return version != null && version.contains("MariaDB") ? Dialect.MARIADB : Dialect.MYSQL;
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
     */
    public Connection connect() {
        try {
            java.sql.Connection jdbc = dataSource.getConnection();
            if (jdbc.getAutoCommit()) {
                jdbc.setAutoCommit(false);
            }
            return new Connection(this, jdbc);
        } catch (SQLException e) {
            throw new OperationalException("cannot get a connection from the pool"
                    + (ownedPool != null && ownedPool.getMaximumPoolSize() == 1
                    ? " (this engine has a single connection, e.g. in-memory SQLite: close the other one first)" : "")
                    + ": " + e.getMessage(), e, null);
        }
    }

    /**
     * A connection with a transaction begun, for try-with-resources. Java cannot tell a normal
     * exit from an exception in {@code close()}, so the block must end with
     * {@link Connection#commit()}; closing without it rolls everything back, never leaving half
     * a transaction. For commit-at-the-end semantics use {@link #begin(TransactionWork)}.
     */
    public Connection begin() {
        return connect();
    }

    /** Runs {@code work} in a transaction that commits when it returns and rolls back if it throws. */
    public void begin(TransactionWork work) {
        transaction(conn -> {
            work.run(conn);
            return null;
        });
    }

    /** Runs {@code work} in a transaction and returns its value: commit on return, rollback on any exception. */
    public <T> T transaction(TransactionCallback<T> work) {
        try (Connection conn = connect()) {
            return conn.inTransaction(work);
        }
    }

    // ---------------------------------------------------------------- state

    /** Reads what the database holds (tables, columns, keys, indexes, enum types); see {@link org.tabula.schema.inspect.Inspector}. */
    public org.tabula.schema.inspect.Inspector inspect() {
        return org.tabula.schema.inspect.Inspector.of(this);
    }

    public Dialect dialect() {
        return dialect;
    }

    public EngineOptions options() {
        return options;
    }

    Echo echo() {
        return echo;
    }

    /** The pool's counters (zeros for an engine over a foreign data source). */
    public PoolStatus poolStatus() {
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

    /** Closes every pooled connection (after the ones in use come back, or immediately if asked). */
    public void softEvictConnections() {
        if (ownedPool != null && ownedPool.getHikariPoolMXBean() != null) {
            ownedPool.getHikariPoolMXBean().softEvictConnections();
        }
    }

    /** Closes a connection the server or network broke, so the pool never hands it out again. */
    void evict(java.sql.Connection jdbc) {
        if (ownedPool != null) {
            ownedPool.evictConnection(jdbc);
            return;
        }
        try {
            jdbc.close();
        } catch (SQLException ignored) {
            // already gone
        }
    }

    /** The underlying data source, for interop with other JDBC code. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Closes the pool (SQLAlchemy's {@code dispose()}). */
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
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (ownedPool != null) {
            ownedPool.close();
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

    /** Same as {@link #close()}. */
    public void dispose() {
        close();
    }

    @Override
    public String toString() {
        return "Engine[" + dialect.name() + "]";
    }
}
