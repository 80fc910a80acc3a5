package org.tabula.spring;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.tabula.dialect.Dialect;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;
import org.tabula.error.OperationalException;

/**
 * Engines over a Spring application's {@link DataSource} whose connections take part in Spring's
 * transactions ({@link SpringTransactions}). The application owns the data source (its pool);
 * closing the engine leaves it open.
 *
 * <pre>{@code
 * @Bean
 * Engine engine(DataSource dataSource) {
 *     return SpringEngine.create(dataSource, EngineOptions.defaults().echo(true));
 * }
 *
 * @Transactional
 * public void rename(long id, String name) {
 *     engine.begin(conn -> conn.execute(update(USERS).set(USERS.name, name).where(USERS.id.eq(id))));
 *     jdbcTemplate.update("insert into audit(event) values (?)", "rename");   // same transaction
 * }
 * }</pre>
 *
 * <p>Pool options of {@link EngineOptions} (pool size, timeouts, user) do not apply: the data
 * source has its own.
 */
public final class SpringEngine {

    private SpringEngine() {
    }

    /**
     * An engine with default options; the dialect is read from a connection.
     *
     * <pre>{@code
     * Engine engine = SpringEngine.create(dataSource);
     * }</pre>
     */
    public static Engine create(DataSource dataSource) {
        return create(dataSource, EngineOptions.defaults());
    }

    /**
     * An engine with {@code options}; the dialect is read from a connection.
     *
     * <pre>{@code
     * Engine engine = SpringEngine.create(dataSource, EngineOptions.defaults().queryTimeout(Duration.ofSeconds(5)));
     * }</pre>
     */
    public static Engine create(DataSource dataSource, EngineOptions options) {
        return create(dataSource, dialectOf(dataSource), options);
    }

    /**
     * An engine with a known dialect, which opens no connection to find it.
     *
     * <pre>{@code
     * Engine engine = SpringEngine.create(dataSource, Dialect.POSTGRES, EngineOptions.defaults());
     * }</pre>
     */
    public static Engine create(DataSource dataSource, Dialect dialect, EngineOptions options) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(options, "options");
        return Engine.create(dataSource, dialect, options, new SpringTransactions());
    }

    /**
     * The dialect of the database {@code dataSource} reaches: chosen by the URL its connections
     * report, refined by the server (a {@code jdbc:mysql:} URL may lead to MariaDB).
     *
     * <pre>{@code
     * Dialect dialect = SpringEngine.dialectOf(dataSource);   // Dialect.POSTGRES for jdbc:postgresql:...
     * }</pre>
     *
     * @throws OperationalException when no connection can be had
     * @throws IllegalArgumentException when no Tabula dialect serves the URL
     */
    public static Dialect dialectOf(DataSource dataSource) {
        try (java.sql.Connection c = dataSource.getConnection()) {
            DatabaseMetaData server = c.getMetaData();
            Dialect byUrl = Dialect.forUrl(server.getURL());
            return byUrl.refinedByServer() ? byUrl.forServer(server) : byUrl;
        } catch (SQLException e) {
            throw new OperationalException("cannot read the database's URL and version from " + dataSource
                    + " to choose the dialect: " + e.getMessage(), e, null);
        }
    }
}
