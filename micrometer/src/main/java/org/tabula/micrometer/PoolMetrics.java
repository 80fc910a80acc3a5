package org.tabula.micrometer;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import org.tabula.engine.Engine;

/**
 * HikariCP's own pool metrics ({@code hikaricp.connections.active}, {@code .idle},
 * {@code .pending}, {@code .acquire}, {@code .usage}, {@code .timeout}, ... tagged with the pool's
 * name) in a Micrometer registry, through HikariCP's {@link MicrometerMetricsTrackerFactory}.
 *
 * <pre>{@code
 * Engine engine = Engine.create("jdbc:postgresql://db/app", EngineOptions.defaults().poolName("app"));
 * PoolMetrics.bind(engine, meters);   // hikaricp.connections.active{pool="app"}, ...
 * }</pre>
 */
public final class PoolMetrics {

    private PoolMetrics() {
    }

    /**
     * Binds the pool of {@code engine} to {@code registry}, once per engine. Returns false (and does
     * nothing) when the engine's data source is not a HikariCP pool: an engine over a data source
     * of another kind, whose metrics are that pool's business.
     *
     * <pre>{@code
     * boolean bound = PoolMetrics.bind(engine, meters);
     * }</pre>
     *
     * @throws IllegalStateException when the pool already reports to a metrics tracker
     */
    public static boolean bind(Engine engine, MeterRegistry registry) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(registry, "registry");
        if (!(engine.dataSource() instanceof HikariDataSource pool)) {
            return false;
        }
        pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        return true;
    }
}
