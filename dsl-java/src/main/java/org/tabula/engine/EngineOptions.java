package org.tabula.engine;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How an {@link Engine} connects and pools. Immutable; each method returns a changed copy.
 *
 * <pre>{@code
 * EngineOptions opts = EngineOptions.defaults()
 *     .user("app").password("secret")
 *     .poolSize(10).maxOverflow(5)            // up to 15 connections under load
 *     .connectionTimeout(Duration.ofSeconds(5))
 *     .echo(true);                            // log SQL and parameters through SLF4J
 * Engine engine = Engine.create("jdbc:postgresql://localhost/app", opts);
 * }</pre>
 */
public final class EngineOptions {

    private @Nullable String user;
    private @Nullable String password;
    private int poolSize;
    private int maxOverflow;
    private Duration connectionTimeout;
    private Duration idleTimeout;
    private Duration maxLifetime;
    private @Nullable Duration leakDetectionThreshold;
    private @Nullable Duration queryTimeout;
    private boolean echo;
    private int fetchSize;
    private int statementCacheSize = -1;
    private int batchSize = 1000;
    private @Nullable Boolean autoCommitReads;
    private Map<String, String> driverProperties;
    private List<EngineListener> listeners;
    private boolean hideParameters;
    private @Nullable String poolName;
    private @Nullable Isolation isolation;
    private boolean readOnly;
    private Duration busyTimeout = Duration.ofSeconds(10);
    private SqliteJournalMode sqliteJournalMode = SqliteJournalMode.WAL;

    private EngineOptions() {
        poolSize = 5;
        maxOverflow = 10;
        connectionTimeout = Duration.ofSeconds(30);
        idleTimeout = Duration.ofMinutes(10);
        maxLifetime = Duration.ofMinutes(30);
        driverProperties = Map.of();
        listeners = List.of();
    }

    /**
     * Pool of 5 (+10 overflow), 30 s connection timeout, no echo.
     *
     * <pre>{@code
     * Engine engine = Engine.create("jdbc:sqlite:app.db", EngineOptions.defaults());
     * }</pre>
     *
     * @return the defaults: {@code EngineOptions.defaults().echo(true)}
     */
    public static EngineOptions defaults() {
        return new EngineOptions();
    }

    /** A copy with one setting changed: the only way a wither makes a new instance. */
    private EngineOptions with(java.util.function.Consumer<EngineOptions> change) {
        EngineOptions c = copy();
        change.accept(c);
        return c;
    }

    /** A copy to change one setting in; instances are never changed after a wither returns them. */
    private EngineOptions copy() {
        EngineOptions c = new EngineOptions();
        c.user = user;
        c.password = password;
        c.poolSize = poolSize;
        c.maxOverflow = maxOverflow;
        c.connectionTimeout = connectionTimeout;
        c.idleTimeout = idleTimeout;
        c.maxLifetime = maxLifetime;
        c.leakDetectionThreshold = leakDetectionThreshold;
        c.queryTimeout = queryTimeout;
        c.echo = echo;
        c.fetchSize = fetchSize;
        c.statementCacheSize = statementCacheSize;
        c.batchSize = batchSize;
        c.autoCommitReads = autoCommitReads;
        c.driverProperties = driverProperties;
        c.listeners = listeners;
        c.hideParameters = hideParameters;
        c.poolName = poolName;
        c.isolation = isolation;
        c.readOnly = readOnly;
        c.busyTimeout = busyTimeout;
        c.sqliteJournalMode = sqliteJournalMode;
        return c;
    }

    /**
     * The user to connect as, when the URL does not say: {@code .user("app")}.
     *
     * <pre>{@code
     * EngineOptions opts = EngineOptions.defaults().user("app").password("secret");
     * }</pre>
     *
     * @param value the user name
     * @return new options with that value
     */
    public EngineOptions user(String value) {
        return with(c -> c.user = value);
    }

    /**
     * The password to connect with: {@code .password(System.getenv("DB_PASSWORD"))}.
     *
     * <pre>{@code
     * EngineOptions opts = EngineOptions.defaults().user("app").password(System.getenv("DB_PASSWORD"));
     * }</pre>
     *
     * @param value the password
     * @return new options with that value
     */
    public EngineOptions password(String value) {
        return with(c -> c.password = value);
    }

    /**
     * Connections kept open in the pool.
     *
     * <pre>{@code
     * EngineOptions opts = EngineOptions.defaults().poolSize(10);
     * }</pre>
     *
     * @param value how many: {@code .poolSize(10)}
     * @return new options with that value
     */
    public EngineOptions poolSize(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, got " + value);
        }
        return with(c -> c.poolSize = value);
    }

    /**
     * Extra connections opened under load and closed again when idle.
     *
     * <pre>{@code
     * EngineOptions opts = EngineOptions.defaults().poolSize(10).maxOverflow(5);   // up to 15 under load
     * }</pre>
     *
     * @param value how many beyond the pool size: {@code .maxOverflow(0)}
     * @return new options with that value
     */
    public EngineOptions maxOverflow(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("maxOverflow must not be negative, got " + value);
        }
        return with(c -> c.maxOverflow = value);
    }

    /**
     * How long any wait for a free connection lasts ({@code connect()}, {@code begin(...)}, the
     * Kotlin layer's) before it fails with {@link org.tabula.error.PoolTimeoutException}; at least 250 ms.
     *
     * <pre>{@code
     * EngineOptions opts = EngineOptions.defaults().connectionTimeout(Duration.ofSeconds(5));
     * }</pre>
     *
     * @param value the longest wait: {@code .connectionTimeout(Duration.ofSeconds(5))}
     * @return new options with that value
     */
    public EngineOptions connectionTimeout(Duration value) {
        return with(c -> c.connectionTimeout = Objects.requireNonNull(value));
    }

    /**
     * How long an overflow connection may sit idle before it is closed.
     *
     * <pre>{@code
     * EngineOptions opts = EngineOptions.defaults().idleTimeout(Duration.ofMinutes(5));
     * }</pre>
     *
     * @param value the idle time: {@code .idleTimeout(Duration.ofMinutes(5))}
     * @return new options with that value
     */
    public EngineOptions idleTimeout(Duration value) {
        return with(c -> c.idleTimeout = Objects.requireNonNull(value));
    }

    /**
     * Connections older than this are replaced (SQLAlchemy's pool_recycle).
     *
     * <pre>{@code
     * EngineOptions opts = EngineOptions.defaults().maxLifetime(Duration.ofMinutes(30));
     * }</pre>
     *
     * @param value the age: {@code .maxLifetime(Duration.ofMinutes(30))}
     * @return new options with that value
     */
    public EngineOptions maxLifetime(Duration value) {
        return with(c -> c.maxLifetime = Objects.requireNonNull(value));
    }

    /**
     * Logs a warning with a stack trace when a connection is held longer than this (useful in tests).
     *
     * <pre>{@code
     * EngineOptions opts = EngineOptions.defaults().leakDetectionThreshold(Duration.ofSeconds(60));
     * }</pre>
     *
     * @param value the threshold: {@code .leakDetectionThreshold(Duration.ofSeconds(10))}
     * @return new options with that value
     */
    public EngineOptions leakDetectionThreshold(Duration value) {
        return with(c -> c.leakDetectionThreshold = value);
    }

    /**
     * A time limit for each statement; the driver cancels statements that exceed it.
     *
     * <pre>{@code
     * EngineOptions opts = EngineOptions.defaults().queryTimeout(Duration.ofSeconds(30));   // StatementCanceledException after
     * }</pre>
     *
     * @param value the limit, or {@code Duration.ZERO} for none: {@code .queryTimeout(Duration.ofSeconds(30))}
     * @return new options with that value
     */
    public EngineOptions queryTimeout(Duration value) {
        return with(c -> c.queryTimeout = value);
    }

    /**
     * Logs every statement at INFO on the {@code org.tabula.engine} logger after it ran, with its
     * parameters, duration and rows (and BEGIN, COMMIT, ROLLBACK); at DEBUG level that logger
     * logs the same without echo. See {@link #hideParameters(boolean)} to keep values out of logs.
     *
     * <pre>{@code
     * Engine.create(url, EngineOptions.defaults().echo(true));
     * // SELECT "users"."name" FROM "users" WHERE "users"."id" = ? [7] (0.214 ms, 1 row)
     * }</pre>
     *
     * @param value {@code true} to log: {@code .echo(true)}
     * @return new options with that value
     */
    public EngineOptions echo(boolean value) {
        return with(c -> c.echo = value);
    }

    /**
     * Keeps bound values out of the echo log (SQLAlchemy's {@code hide_parameters}): statements
     * are logged with {@code [parameters hidden]} instead, for data that must not reach logs.
     * Listeners still see the values ({@link StatementEvent#parameters()}).
     *
     * <pre>{@code
     * Engine.create(url, EngineOptions.defaults().echo(true).hideParameters(true));
     * // INSERT INTO "users" ("email") VALUES (?) [parameters hidden] (0.377 ms, 1 row)
     * }</pre>
     *
     * @param value {@code true} to log {@code [parameters hidden]} instead of the values
     * @return new options with that value
     */
    public EngineOptions hideParameters(boolean value) {
        return with(c -> c.hideParameters = value);
    }

    /**
     * The JDBC fetch size for ordinary (buffered) queries; 0 leaves the driver's default.
     *
     * <pre>{@code
     * EngineOptions opts = EngineOptions.defaults().fetchSize(500);
     * }</pre>
     *
     * @param value rows per round trip: {@code .fetchSize(500)}
     * @return new options with that value
     */
    public EngineOptions fetchSize(int value) {
        return with(c -> c.fetchSize = value);
    }

    /**
     * How many prepared statements each pooled connection keeps open, by SQL text, for the same
     * query run on it again. The default keeps 64 on SQLite, whose driver parses and plans the SQL
     * on every prepare, and none on MariaDB, MySQL and PostgreSQL, whose drivers keep their own;
     * 0 keeps none. Only selects built with the DSL and read in full are kept (not text, streams
     * or writes), and only on a pool the engine made.
     *
     * <pre>{@code
     * Engine engine = Engine.create("jdbc:sqlite:app.db", EngineOptions.defaults().statementCacheSize(256));
     * }</pre>
     *
     * @param value statements per connection, 0 for none: {@code .statementCacheSize(0)}
     * @return new options with that value
     * @throws IllegalArgumentException for a negative value
     */
    public EngineOptions statementCacheSize(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("statementCacheSize must be 0 or more, not " + value);
        }
        return with(c -> c.statementCacheSize = value);
    }

    /**
     * How many rows an executemany sends per JDBC batch (default 1,000): larger batches save
     * round trips, smaller ones bound the driver's memory and the server's packet size.
     *
     * <pre>{@code
     * Engine.create(url, EngineOptions.defaults().batchSize(5_000));
     * }</pre>
     *
     * @param value rows per batch, at least 1
     * @return new options with that value
     */
    public EngineOptions batchSize(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + value);
        }
        return with(c -> c.batchSize = value);
    }

    /**
     * Rows per JDBC batch of an executemany; see {@link #batchSize(int)}.
     *
     * <pre>{@code
     * int rowsPerBatch = engine.options().batchSize();
     * }</pre>
     *
     * @return rows per batch
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Whether reads outside an explicit transaction run in auto-commit mode: one round trip for a
     * {@code SELECT} on a {@link Engine#connect()} connection, instead of the SELECT and the
     * ROLLBACK that ends its transaction when the connection goes back to the pool (SQLAlchemy's
     * {@code AUTOCOMMIT} isolation and {@code pool_reset_on_return=None}, made safe). Pooled
     * connections then idle in auto-commit; the first statement that may write (INSERT, UPDATE,
     * DELETE, DDL, {@code SELECT ... FOR UPDATE}, a SELECT that calls a function Tabula does not
     * know to be pure, any {@code text()} statement), a savepoint, or an explicit transaction
     * ({@link Engine#begin()}, {@link Engine#transaction}, {@link Connection#begin(TransactionOptions)},
     * ORM sessions' writes) turns it off for the rest of that transaction, and
     * {@link Connection#commit()} or {@link Connection#rollback()} turns it back on. Uncommitted
     * writes are still rolled back on close.
     *
     * <p>What changes: two SELECTs on one {@code connect()} connection are two transactions, so
     * under REPEATABLE READ they no longer share a snapshot (begin a transaction for that), and
     * every explicit transaction pays for switching auto-commit off and on where the driver sends
     * it to the server (MySQL/MariaDB: one {@code SET autocommit} more per transaction; the commit
     * is the switch back). {@code null} (the default) leaves the choice to the dialect
     * ({@link org.tabula.dialect.Dialect#autoCommitReadsByDefault()}): on for PostgreSQL, whose
     * driver switches without a round trip, unless the engine's {@link #isolation(Isolation)} is
     * stricter than READ COMMITTED; off for MySQL/MariaDB (the switch costs a write transaction a
     * round trip) and SQLite (in-process: a ROLLBACK costs microseconds, and its transactions are
     * serializable). A connection joined to an outside (Spring) transaction is never switched, nor
     * one of a foreign data source that lends connections out of auto-commit.
     *
     * <pre>{@code
     * Engine engine = Engine.create(url, EngineOptions.defaults().autoCommitReads(true));
     * try (Connection conn = engine.connect()) {
     *     conn.execute(select(USERS).where(USERS.id.eq(1L)));       // one statement, nothing to roll back
     * }
     * }</pre>
     *
     * @param value {@code true} or {@code false}, or {@code null} for the dialect's default
     * @return new options with that value
     */
    public EngineOptions autoCommitReads(@Nullable Boolean value) {
        return with(c -> c.autoCommitReads = value);
    }

    /**
     * Whether reads outside an explicit transaction run in auto-commit mode; see
     * {@link #autoCommitReads(Boolean)}.
     *
     * <pre>{@code
     * Boolean chosen = engine.options().autoCommitReads();   // null: the dialect decides
     * }</pre>
     *
     * @return the setting, or {@code null} when the dialect's default applies
     */
    public @Nullable Boolean autoCommitReads() {
        return autoCommitReads;
    }

    /**
     * A JDBC driver property, e.g. {@code rewriteBatchedStatements=true} for MySQL.
     *
     * <pre>{@code
     * EngineOptions opts = EngineOptions.defaults().driverProperty("sslmode", "require");
     * }</pre>
     *
     * @param key the property: {@code .driverProperty("ssl", "true")}
     * @param value its value
     * @return new options with that value
     */
    public EngineOptions driverProperty(String key, String value) {
        Map<String, String> props = new LinkedHashMap<>(driverProperties);
        props.put(key, value);
        return with(c -> c.driverProperties = Collections.unmodifiableMap(props));
    }

    /**
     * Adds a listener told about statements, connections and transactions (see
     * {@link EngineListener}); several are told in the order they were added.
     *
     * <pre>{@code
     * Engine engine = Engine.create(url, EngineOptions.defaults()
     *         .listener(EngineListener.afterEach(e -> timer.record(e.durationNanos())))
     *         .listener(auditListener));
     * }</pre>
     *
     * @param listener told of statements, connections and transactions
     * @return new options with that value
     */
    public EngineOptions listener(EngineListener listener) {
        List<EngineListener> next = new ArrayList<>(listeners);
        next.add(Objects.requireNonNull(listener, "listener"));
        return with(c -> c.listeners = List.copyOf(next));
    }

    /**
     * Adds a listener told about every statement before it runs.
     *
     * @param listener told of each statement: {@code .listener((sql, params) -> count.incrementAndGet())}
     * @return new options with that value
     * @deprecated use {@link #listener(EngineListener)}; {@code EngineListener.beforeEach(e -> ...)}
     *     is the one-lambda form
     */
    @Deprecated
    public EngineOptions listener(StatementListener listener) {
        return listener(EngineListener.of(listener));
    }

    /**
     * The pool's name in logs and JMX.
     *
     * <pre>{@code
     * EngineOptions opts = EngineOptions.defaults().poolName("orders-db");
     * }</pre>
     *
     * @param value the name: {@code .poolName("orders-db")}
     * @return new options with that value
     */
    public EngineOptions poolName(String value) {
        return with(c -> c.poolName = value);
    }

    /**
     * The isolation level of every transaction unless one asks for another
     * ({@link TransactionOptions#isolation}); {@code null} (the default) keeps the database's own
     * (READ COMMITTED on PostgreSQL, REPEATABLE READ on MariaDB/MySQL, SERIALIZABLE on SQLite).
     *
     * <pre>{@code
     * Engine engine = Engine.create(url, EngineOptions.defaults().isolation(Isolation.READ_COMMITTED));
     * }</pre>
     *
     * @param value the level: {@code .isolation(Isolation.READ_COMMITTED)}
     * @return new options with that value
     */
    public EngineOptions isolation(Isolation value) {
        return with(c -> c.isolation = value);
    }

    /**
     * Whether every transaction is read-only unless it asks otherwise (e.g. an engine on a reporting replica).
     *
     * <pre>{@code
     * Engine reports = Engine.create("jdbc:postgresql://replica/app", EngineOptions.defaults().readOnly(true));
     * }</pre>
     *
     * @param value {@code true} for a read-only engine: {@code .readOnly(true)}
     * @return new options with that value
     */
    public EngineOptions readOnly(boolean value) {
        return with(c -> c.readOnly = value);
    }

    /**
     * The default isolation, or {@code null} for the database's.
     *
     * <pre>{@code
     * Isolation level = engine.options().isolation();   // null: the database's own
     * }</pre>
     *
     * @return the level
     */
    public @Nullable Isolation isolation() { return isolation; }
    /**
     * Whether transactions are read-only by default.
     *
     * <pre>{@code
     * boolean readOnly = engine.options().readOnly();
     * }</pre>
     *
     * @return {@code true} for a read-only engine
     */
    public boolean readOnly() { return readOnly; }

    /**
     * SQLite: how long a statement waits for another connection's lock before it fails with
     * {@code SQLITE_BUSY} (10 s by default). Ignored by the other databases.
     *
     * <pre>{@code
     * Engine.create("jdbc:sqlite:app.db", EngineOptions.defaults().busyTimeout(Duration.ofSeconds(2)));
     * }</pre>
     *
     * @param value the wait: {@code .busyTimeout(Duration.ofSeconds(5))}
     * @return new options with that value
     */
    public EngineOptions busyTimeout(Duration value) {
        Objects.requireNonNull(value, "busyTimeout");
        if (value.isNegative()) {
            throw new IllegalArgumentException("busyTimeout must not be negative, got " + value);
        }
        return with(c -> c.busyTimeout = value);
    }

    /**
     * SQLite: the journal mode of a database file ({@link SqliteJournalMode#WAL} by default, so
     * that readers and a writer proceed at once). In-memory databases keep theirs. Ignored by the
     * other databases.
     *
     * <pre>{@code
     * Engine.create("jdbc:sqlite:app.db", EngineOptions.defaults().sqliteJournalMode(SqliteJournalMode.DELETE));
     * }</pre>
     *
     * @param value the mode: {@code .sqliteJournalMode(SqliteJournalMode.WAL)}
     * @return new options with that value
     */
    public EngineOptions sqliteJournalMode(SqliteJournalMode value) {
        return with(c -> c.sqliteJournalMode = Objects.requireNonNull(value, "sqliteJournalMode"));
    }

    /**
     * The user, or {@code null}.
     *
     * <pre>{@code
     * String user = engine.options().user();
     * }</pre>
     *
     * @return the user name
     */
    public @Nullable String user() { return user; }
    /**
     * The password, or {@code null}.
     *
     * <pre>{@code
     * String password = engine.options().password();
     * }</pre>
     *
     * @return the password
     */
    public @Nullable String password() { return password; }
    /**
     * Connections kept in the pool.
     *
     * <pre>{@code
     * int size = engine.options().poolSize();
     * }</pre>
     *
     * @return the pool size
     */
    public int poolSize() { return poolSize; }
    /**
     * Extra connections under load.
     *
     * <pre>{@code
     * int overflow = engine.options().maxOverflow();
     * }</pre>
     *
     * @return the overflow
     */
    public int maxOverflow() { return maxOverflow; }
    /**
     * The longest wait for a connection.
     *
     * <pre>{@code
     * Duration wait = engine.options().connectionTimeout();
     * }</pre>
     *
     * @return the timeout
     */
    public Duration connectionTimeout() { return connectionTimeout; }
    /**
     * How long an overflow connection may idle.
     *
     * <pre>{@code
     * Duration idle = engine.options().idleTimeout();
     * }</pre>
     *
     * @return the idle timeout
     */
    public Duration idleTimeout() { return idleTimeout; }
    /**
     * The age at which a connection is replaced.
     *
     * <pre>{@code
     * Duration lifetime = engine.options().maxLifetime();
     * }</pre>
     *
     * @return the lifetime
     */
    public Duration maxLifetime() { return maxLifetime; }
    /**
     * When a held connection is reported as a leak.
     *
     * <pre>{@code
     * Duration leak = engine.options().leakDetectionThreshold();   // null: not watched
     * }</pre>
     *
     * @return the threshold, or zero for none
     */
    public @Nullable Duration leakDetectionThreshold() { return leakDetectionThreshold; }
    /**
     * The time limit of each statement.
     *
     * <pre>{@code
     * Duration timeout = engine.options().queryTimeout();   // null: no timeout
     * }</pre>
     *
     * @return the limit, or zero for none
     */
    public @Nullable Duration queryTimeout() { return queryTimeout; }
    /**
     * Whether statements are logged.
     *
     * <pre>{@code
     * boolean echo = engine.options().echo();
     * }</pre>
     *
     * @return {@code true} when echoing
     */
    public boolean echo() { return echo; }
    /**
     * The JDBC fetch size of buffered queries.
     *
     * <pre>{@code
     * int fetch = engine.options().fetchSize();
     * }</pre>
     *
     * @return rows per round trip
     */
    public int fetchSize() { return fetchSize; }

    /**
     * Prepared statements kept open per pooled connection ({@link #statementCacheSize(int)}), or
     * -1 for the database's default (64 on SQLite, 0 elsewhere).
     *
     * <pre>{@code
     * int kept = engine.options().statementCacheSize();
     * }</pre>
     *
     * @return the size asked for, or -1 for the default
     */
    public int statementCacheSize() { return statementCacheSize; }
    /**
     * The JDBC driver properties.
     *
     * <pre>{@code
     * Map<String, String> props = engine.options().driverProperties();
     * }</pre>
     *
     * @return the properties by key
     */
    public Map<String, String> driverProperties() { return driverProperties; }
    /**
     * The listeners, in the order they were added.
     *
     * <pre>{@code
     * List<EngineListener> listeners = engine.options().listeners();
     * }</pre>
     *
     * @return the listeners
     */
    public List<EngineListener> listeners() { return listeners; }
    /**
     * Whether the echo log hides bound values.
     *
     * <pre>{@code
     * boolean hidden = engine.options().hideParameters();
     * }</pre>
     *
     * @return {@code true} when {@link #hideParameters(boolean)} was set
     */
    public boolean hideParameters() { return hideParameters; }
    /**
     * The pool's name.
     *
     * <pre>{@code
     * String pool = engine.options().poolName();
     * }</pre>
     *
     * @return the name, or {@code null} for a generated one
     */
    public @Nullable String poolName() { return poolName; }
    /**
     * How long SQLite waits for a lock.
     *
     * <pre>{@code
     * Duration busy = engine.options().busyTimeout();
     * }</pre>
     *
     * @return the busy timeout
     */
    public Duration busyTimeout() { return busyTimeout; }
    /**
     * The journal mode of SQLite file databases.
     *
     * <pre>{@code
     * SqliteJournalMode mode = engine.options().sqliteJournalMode();   // WAL unless set
     * }</pre>
     *
     * @return the mode
     */
    public SqliteJournalMode sqliteJournalMode() { return sqliteJournalMode; }
}
