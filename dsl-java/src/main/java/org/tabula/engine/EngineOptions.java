package org.tabula.engine;

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

    private String user;
    private String password;
    private int poolSize;
    private int maxOverflow;
    private Duration connectionTimeout;
    private Duration idleTimeout;
    private Duration maxLifetime;
    private Duration leakDetectionThreshold;
    private Duration queryTimeout;
    private boolean echo;
    private int fetchSize;
    private Map<String, String> driverProperties;
    private List<StatementListener> listeners;
    private String poolName;
    private Isolation isolation;
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

    /** Pool of 5 (+10 overflow), 30 s connection timeout, no echo. */
    public static EngineOptions defaults() {
        return new EngineOptions();
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
        c.driverProperties = driverProperties;
        c.listeners = listeners;
        c.poolName = poolName;
        c.isolation = isolation;
        c.readOnly = readOnly;
        c.busyTimeout = busyTimeout;
        c.sqliteJournalMode = sqliteJournalMode;
        return c;
    }

    public EngineOptions user(String value) {
        EngineOptions c = copy();
        c.user = value;
        return c;
    }

    public EngineOptions password(String value) {
        EngineOptions c = copy();
        c.password = value;
        return c;
    }

    /** Connections kept open in the pool. */
    public EngineOptions poolSize(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, got " + value);
        }
        EngineOptions c = copy();
        c.poolSize = value;
        return c;
    }

    /** Extra connections opened under load and closed again when idle. */
    public EngineOptions maxOverflow(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("maxOverflow must not be negative, got " + value);
        }
        EngineOptions c = copy();
        c.maxOverflow = value;
        return c;
    }

    /**
     * How long any wait for a free connection lasts ({@code connect()}, {@code begin(...)}, the
     * Kotlin layer's) before it fails with {@link org.tabula.error.PoolTimeoutException}; at least 250 ms.
     */
    public EngineOptions connectionTimeout(Duration value) {
        EngineOptions c = copy();
        c.connectionTimeout = Objects.requireNonNull(value);
        return c;
    }

    /** How long an overflow connection may sit idle before it is closed. */
    public EngineOptions idleTimeout(Duration value) {
        EngineOptions c = copy();
        c.idleTimeout = Objects.requireNonNull(value);
        return c;
    }

    /** Connections older than this are replaced (SQLAlchemy's pool_recycle). */
    public EngineOptions maxLifetime(Duration value) {
        EngineOptions c = copy();
        c.maxLifetime = Objects.requireNonNull(value);
        return c;
    }

    /** Logs a warning with a stack trace when a connection is held longer than this (useful in tests). */
    public EngineOptions leakDetectionThreshold(Duration value) {
        EngineOptions c = copy();
        c.leakDetectionThreshold = value;
        return c;
    }

    /** A time limit for each statement; the driver cancels statements that exceed it. */
    public EngineOptions queryTimeout(Duration value) {
        EngineOptions c = copy();
        c.queryTimeout = value;
        return c;
    }

    /** Logs every statement and its parameters at INFO on the {@code org.tabula.engine} logger. */
    public EngineOptions echo(boolean value) {
        EngineOptions c = copy();
        c.echo = value;
        return c;
    }

    /** The JDBC fetch size for ordinary (buffered) queries; 0 leaves the driver's default. */
    public EngineOptions fetchSize(int value) {
        EngineOptions c = copy();
        c.fetchSize = value;
        return c;
    }

    /** A JDBC driver property, e.g. {@code rewriteBatchedStatements=true} for MySQL. */
    public EngineOptions driverProperty(String key, String value) {
        Map<String, String> props = new LinkedHashMap<>(driverProperties);
        props.put(key, value);
        EngineOptions c = copy();
        c.driverProperties = Collections.unmodifiableMap(props);
        return c;
    }

    /** Adds a listener told about every statement. */
    public EngineOptions listener(StatementListener listener) {
        List<StatementListener> next = new ArrayList<>(listeners);
        next.add(Objects.requireNonNull(listener));
        EngineOptions c = copy();
        c.listeners = List.copyOf(next);
        return c;
    }

    /** The pool's name in logs and JMX. */
    public EngineOptions poolName(String value) {
        EngineOptions c = copy();
        c.poolName = value;
        return c;
    }

    /**
     * The isolation level of every transaction unless one asks for another
     * ({@link TransactionOptions#isolation}); {@code null} (the default) keeps the database's own
     * (READ COMMITTED on PostgreSQL, REPEATABLE READ on MariaDB/MySQL, SERIALIZABLE on SQLite).
     *
     * <pre>{@code
     * Engine engine = Engine.create(url, EngineOptions.defaults().isolation(Isolation.READ_COMMITTED));
     * }</pre>
     */
    public EngineOptions isolation(Isolation value) {
        EngineOptions c = copy();
        c.isolation = value;
        return c;
    }

    /** Whether every transaction is read-only unless it asks otherwise (e.g. an engine on a reporting replica). */
    public EngineOptions readOnly(boolean value) {
        EngineOptions c = copy();
        c.readOnly = value;
        return c;
    }

    public Isolation isolation() { return isolation; }
    public boolean readOnly() { return readOnly; }

    /**
     * SQLite: how long a statement waits for another connection's lock before it fails with
     * {@code SQLITE_BUSY} (10 s by default). Ignored by the other databases.
     *
     * <pre>{@code
     * Engine.create("jdbc:sqlite:app.db", EngineOptions.defaults().busyTimeout(Duration.ofSeconds(2)));
     * }</pre>
     */
    public EngineOptions busyTimeout(Duration value) {
        Objects.requireNonNull(value, "busyTimeout");
        if (value.isNegative()) {
            throw new IllegalArgumentException("busyTimeout must not be negative, got " + value);
        }
        EngineOptions c = copy();
        c.busyTimeout = value;
        return c;
    }

    /**
     * SQLite: the journal mode of a database file ({@link SqliteJournalMode#WAL} by default, so
     * that readers and a writer proceed at once). In-memory databases keep theirs. Ignored by the
     * other databases.
     *
     * <pre>{@code
     * Engine.create("jdbc:sqlite:app.db", EngineOptions.defaults().sqliteJournalMode(SqliteJournalMode.DELETE));
     * }</pre>
     */
    public EngineOptions sqliteJournalMode(SqliteJournalMode value) {
        EngineOptions c = copy();
        c.sqliteJournalMode = Objects.requireNonNull(value, "sqliteJournalMode");
        return c;
    }

    public String user() { return user; }
    public String password() { return password; }
    public int poolSize() { return poolSize; }
    public int maxOverflow() { return maxOverflow; }
    public Duration connectionTimeout() { return connectionTimeout; }
    public Duration idleTimeout() { return idleTimeout; }
    public Duration maxLifetime() { return maxLifetime; }
    public Duration leakDetectionThreshold() { return leakDetectionThreshold; }
    public Duration queryTimeout() { return queryTimeout; }
    public boolean echo() { return echo; }
    public int fetchSize() { return fetchSize; }
    public Map<String, String> driverProperties() { return driverProperties; }
    public List<StatementListener> listeners() { return listeners; }
    public String poolName() { return poolName; }
    public Duration busyTimeout() { return busyTimeout; }
    public SqliteJournalMode sqliteJournalMode() { return sqliteJournalMode; }
}
