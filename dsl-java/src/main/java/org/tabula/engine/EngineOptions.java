package org.tabula.engine;

import java.time.Duration;
import java.util.ArrayList;
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

    private final String user;
    private final String password;
    private final int poolSize;
    private final int maxOverflow;
    private final Duration connectionTimeout;
    private final Duration idleTimeout;
    private final Duration maxLifetime;
    private final Duration leakDetectionThreshold;
    private final Duration queryTimeout;
    private final boolean echo;
    private final int fetchSize;
    private final Map<String, String> driverProperties;
    private final List<StatementListener> listeners;
    private final String poolName;

    private EngineOptions(String user, String password, int poolSize, int maxOverflow, Duration connectionTimeout,
                          Duration idleTimeout, Duration maxLifetime, Duration leakDetectionThreshold,
                          Duration queryTimeout, boolean echo, int fetchSize, Map<String, String> driverProperties,
                          List<StatementListener> listeners, String poolName) {
        this.user = user;
        this.password = password;
        this.poolSize = poolSize;
        this.maxOverflow = maxOverflow;
        this.connectionTimeout = connectionTimeout;
        this.idleTimeout = idleTimeout;
        this.maxLifetime = maxLifetime;
        this.leakDetectionThreshold = leakDetectionThreshold;
        this.queryTimeout = queryTimeout;
        this.echo = echo;
        this.fetchSize = fetchSize;
        this.driverProperties = Map.copyOf(driverProperties);
        this.listeners = List.copyOf(listeners);
        this.poolName = poolName;
    }

    /** Pool of 5 (+10 overflow), 30 s connection timeout, no echo. */
    public static EngineOptions defaults() {
        return new EngineOptions(null, null, 5, 10, Duration.ofSeconds(30), Duration.ofMinutes(10),
                Duration.ofMinutes(30), null, null, false, 0, Map.of(), List.of(), null);
    }

    private EngineOptions with(String user, String password, int poolSize, int maxOverflow, Duration connectionTimeout,
                               Duration idleTimeout, Duration maxLifetime, Duration leak, Duration queryTimeout,
                               boolean echo, int fetchSize, Map<String, String> props, List<StatementListener> listeners,
                               String poolName) {
        return new EngineOptions(user, password, poolSize, maxOverflow, connectionTimeout, idleTimeout, maxLifetime,
                leak, queryTimeout, echo, fetchSize, props, listeners, poolName);
    }

    public EngineOptions user(String value) {
        return with(value, password, poolSize, maxOverflow, connectionTimeout, idleTimeout, maxLifetime,
                leakDetectionThreshold, queryTimeout, echo, fetchSize, driverProperties, listeners, poolName);
    }

    public EngineOptions password(String value) {
        return with(user, value, poolSize, maxOverflow, connectionTimeout, idleTimeout, maxLifetime,
                leakDetectionThreshold, queryTimeout, echo, fetchSize, driverProperties, listeners, poolName);
    }

    /** Connections kept open in the pool. */
    public EngineOptions poolSize(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, got " + value);
        }
        return with(user, password, value, maxOverflow, connectionTimeout, idleTimeout, maxLifetime,
                leakDetectionThreshold, queryTimeout, echo, fetchSize, driverProperties, listeners, poolName);
    }

    /** Extra connections opened under load and closed again when idle. */
    public EngineOptions maxOverflow(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("maxOverflow must not be negative, got " + value);
        }
        return with(user, password, poolSize, value, connectionTimeout, idleTimeout, maxLifetime,
                leakDetectionThreshold, queryTimeout, echo, fetchSize, driverProperties, listeners, poolName);
    }

    /** How long {@code connect()} waits for a free connection before failing. */
    public EngineOptions connectionTimeout(Duration value) {
        return with(user, password, poolSize, maxOverflow, Objects.requireNonNull(value), idleTimeout, maxLifetime,
                leakDetectionThreshold, queryTimeout, echo, fetchSize, driverProperties, listeners, poolName);
    }

    /** How long an overflow connection may sit idle before it is closed. */
    public EngineOptions idleTimeout(Duration value) {
        return with(user, password, poolSize, maxOverflow, connectionTimeout, Objects.requireNonNull(value), maxLifetime,
                leakDetectionThreshold, queryTimeout, echo, fetchSize, driverProperties, listeners, poolName);
    }

    /** Connections older than this are replaced (SQLAlchemy's pool_recycle). */
    public EngineOptions maxLifetime(Duration value) {
        return with(user, password, poolSize, maxOverflow, connectionTimeout, idleTimeout, Objects.requireNonNull(value),
                leakDetectionThreshold, queryTimeout, echo, fetchSize, driverProperties, listeners, poolName);
    }

    /** Logs a warning with a stack trace when a connection is held longer than this (useful in tests). */
    public EngineOptions leakDetectionThreshold(Duration value) {
        return with(user, password, poolSize, maxOverflow, connectionTimeout, idleTimeout, maxLifetime,
                value, queryTimeout, echo, fetchSize, driverProperties, listeners, poolName);
    }

    /** A time limit for each statement; the driver cancels statements that exceed it. */
    public EngineOptions queryTimeout(Duration value) {
        return with(user, password, poolSize, maxOverflow, connectionTimeout, idleTimeout, maxLifetime,
                leakDetectionThreshold, value, echo, fetchSize, driverProperties, listeners, poolName);
    }

    /** Logs every statement and its parameters at INFO on the {@code org.tabula.engine} logger. */
    public EngineOptions echo(boolean value) {
        return with(user, password, poolSize, maxOverflow, connectionTimeout, idleTimeout, maxLifetime,
                leakDetectionThreshold, queryTimeout, value, fetchSize, driverProperties, listeners, poolName);
    }

    /** The JDBC fetch size for ordinary (buffered) queries; 0 leaves the driver's default. */
    public EngineOptions fetchSize(int value) {
        return with(user, password, poolSize, maxOverflow, connectionTimeout, idleTimeout, maxLifetime,
                leakDetectionThreshold, queryTimeout, echo, value, driverProperties, listeners, poolName);
    }

    /** A JDBC driver property, e.g. {@code rewriteBatchedStatements=true} for MySQL. */
    public EngineOptions driverProperty(String key, String value) {
        Map<String, String> props = new LinkedHashMap<>(driverProperties);
        props.put(key, value);
        return with(user, password, poolSize, maxOverflow, connectionTimeout, idleTimeout, maxLifetime,
                leakDetectionThreshold, queryTimeout, echo, fetchSize, props, listeners, poolName);
    }

    /** Adds a listener told about every statement. */
    public EngineOptions listener(StatementListener listener) {
        List<StatementListener> next = new ArrayList<>(listeners);
        next.add(Objects.requireNonNull(listener));
        return with(user, password, poolSize, maxOverflow, connectionTimeout, idleTimeout, maxLifetime,
                leakDetectionThreshold, queryTimeout, echo, fetchSize, driverProperties, next, poolName);
    }

    /** The pool's name in logs and JMX. */
    public EngineOptions poolName(String value) {
        return with(user, password, poolSize, maxOverflow, connectionTimeout, idleTimeout, maxLifetime,
                leakDetectionThreshold, queryTimeout, echo, fetchSize, driverProperties, listeners, value);
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
}
