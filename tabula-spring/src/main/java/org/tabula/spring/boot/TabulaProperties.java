package org.tabula.spring.boot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.tabula.engine.EngineOptions;
import org.tabula.engine.Isolation;

/**
 * The {@code tabula.*} properties of the auto-configured engine and session factory. The pool is
 * the application's ({@code spring.datasource.*}); these shape what Tabula does on it.
 *
 * <pre>{@code
 * # application.properties
 * tabula.echo=true                    # log SQL and parameters through SLF4J
 * tabula.query-timeout=5s
 * tabula.fetch-size=500
 * tabula.expire-on-commit=false
 * }</pre>
 */
@ConfigurationProperties("tabula")
public class TabulaProperties {

    private boolean echo;
    private Duration queryTimeout;
    private int fetchSize;
    private Isolation isolation;
    private boolean readOnly;
    private boolean autoflush = true;
    private boolean expireOnCommit = true;

    /** Whether the engine logs each statement and its parameters ({@code tabula.echo}). */
    public boolean isEcho() {
        return echo;
    }

    /** Sets {@code tabula.echo}. */
    public void setEcho(boolean echo) {
        this.echo = echo;
    }

    /** How long a statement may run before it is cancelled ({@code tabula.query-timeout}); none when unset. */
    public Duration getQueryTimeout() {
        return queryTimeout;
    }

    /** Sets {@code tabula.query-timeout}, e.g. {@code 5s}. */
    public void setQueryTimeout(Duration queryTimeout) {
        this.queryTimeout = queryTimeout;
    }

    /** The JDBC fetch size of queries ({@code tabula.fetch-size}); 0 leaves the driver's. */
    public int getFetchSize() {
        return fetchSize;
    }

    /** Sets {@code tabula.fetch-size}. */
    public void setFetchSize(int fetchSize) {
        this.fetchSize = fetchSize;
    }

    /**
     * The isolation level of Tabula's own transactions outside Spring's ({@code tabula.isolation});
     * Spring's transactions keep their own.
     */
    public Isolation getIsolation() {
        return isolation;
    }

    /** Sets {@code tabula.isolation}, e.g. {@code repeatable-read}. */
    public void setIsolation(Isolation isolation) {
        this.isolation = isolation;
    }

    /** Whether Tabula's own transactions outside Spring's are read-only ({@code tabula.read-only}). */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** Sets {@code tabula.read-only}. */
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    /** Whether sessions flush pending changes before queries ({@code tabula.autoflush}, default true). */
    public boolean isAutoflush() {
        return autoflush;
    }

    /** Sets {@code tabula.autoflush}. */
    public void setAutoflush(boolean autoflush) {
        this.autoflush = autoflush;
    }

    /** Whether a session's commit expires its objects ({@code tabula.expire-on-commit}, default true). */
    public boolean isExpireOnCommit() {
        return expireOnCommit;
    }

    /** Sets {@code tabula.expire-on-commit}. */
    public void setExpireOnCommit(boolean expireOnCommit) {
        this.expireOnCommit = expireOnCommit;
    }

    /**
     * These properties as engine options.
     *
     * <pre>{@code
     * EngineOptions options = properties.toEngineOptions();
     * }</pre>
     */
    public EngineOptions toEngineOptions() {
        EngineOptions options = EngineOptions.defaults().echo(echo).fetchSize(fetchSize).readOnly(readOnly);
        if (queryTimeout != null) {
            options = options.queryTimeout(queryTimeout);
        }
        if (isolation != null) {
            options = options.isolation(isolation);
        }
        return options;
    }
}
