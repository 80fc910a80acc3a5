package org.tabula.spring.boot;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tabula.engine.Engine;
import org.tabula.kotlin.AsyncEngine;
import org.tabula.orm.SessionFactory;
import org.tabula.spring.SpringEngine;

/**
 * Spring Boot auto-configuration: an {@link Engine} over the application's {@link DataSource}
 * ({@code spring.datasource.*}) whose connections take part in Spring's transactions, with the
 * dialect read from the database, a {@link SessionFactory} over it and, when the Kotlin layer and
 * kotlinx-coroutines are on the class path, an {@code AsyncEngine}. Each backs off when the
 * application defines a bean of its type; {@link TabulaProperties} ({@code tabula.*}) shape them.
 *
 * <pre>{@code
 * @SpringBootApplication
 * public class App {
 *     public static void main(String[] args) { SpringApplication.run(App.class, args); }
 * }
 *
 * @Service
 * class Users {
 *     private final Engine engine;
 *     Users(Engine engine) { this.engine = engine; }
 *
 *     @Transactional
 *     public void add(String name) { engine.begin(conn -> conn.execute(insert(USERS).set(USERS.name, name))); }
 * }
 * }</pre>
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(Engine.class)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(TabulaProperties.class)
public class TabulaAutoConfiguration {

    /**
     * The engine over the application's data source (closing it leaves the data source open).
     *
     * <pre>{@code
     * @Autowired Engine engine;
     * }</pre>
     */
    @Bean
    @ConditionalOnMissingBean
    public Engine tabulaEngine(DataSource dataSource, TabulaProperties properties) {
        return SpringEngine.create(dataSource, properties.toEngineOptions());
    }

    /**
     * The session factory over the engine, with {@code tabula.autoflush} and {@code tabula.expire-on-commit}.
     *
     * <pre>{@code
     * @Autowired SessionFactory sessions;
     * }</pre>
     */
    @Bean
    @ConditionalOnMissingBean
    public SessionFactory tabulaSessionFactory(Engine engine, TabulaProperties properties) {
        return SessionFactory.of(engine).autoflush(properties.isAutoflush())
                .expireOnCommit(properties.isExpireOnCommit());
    }

    /** The coroutine engine, only with tabula-dsl-kotlin and kotlinx-coroutines present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.tabula.kotlin.AsyncEngine", "kotlinx.coroutines.CoroutineDispatcher"})
    static class AsyncEngineConfiguration {

        /**
         * The engine for coroutines. Its blocking work runs on the engine's own threads, so it
         * does not join Spring's thread-bound transactions: its {@code begin} runs its own.
         */
        @Bean
        @ConditionalOnMissingBean
        AsyncEngine tabulaAsyncEngine(Engine engine) {
            return new AsyncEngine(engine);
        }
    }
}
