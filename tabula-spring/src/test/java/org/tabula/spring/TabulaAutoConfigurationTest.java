package org.tabula.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tabula.dialect.Dialect;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;
import org.tabula.engine.Isolation;
import org.tabula.kotlin.AsyncEngine;
import org.tabula.orm.SessionFactory;

/** The Boot auto-configuration in real applications: its beans, the dialect, tabula.* properties, backing off. */
class TabulaAutoConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }

    /** An application that makes its own engine and session factory. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class OwnBeansApp {
        @Bean
        Engine myEngine(DataSource dataSource) {
            return SpringEngine.create(dataSource, Dialect.SQLITE, EngineOptions.defaults().fetchSize(7));
        }

        @Bean
        SessionFactory mySessions(Engine engine) {
            return SessionFactory.of(engine).autoflush(false);
        }
    }

    static Stream<String> databases() {
        return TestDatabases.names().stream();
    }

    private static Dialect expected(String db, Engine engine) {
        return switch (db) {
            case "sqlite" -> Dialect.SQLITE;
            case "postgresql" -> Dialect.POSTGRES;
            // the test server may be MariaDB or MySQL: the name the server gives decides
            default -> engine.dialect() == Dialect.MARIADB ? Dialect.MARIADB : Dialect.MYSQL;
        };
    }

    @ParameterizedTest
    @MethodSource("databases")
    void enginesAndSessionsFromTheApplicationsDataSource(String db) {
        try (ConfigurableApplicationContext ctx = TestDatabases.start(db, Map.of(), App.class)) {
            Engine engine = ctx.getBean(Engine.class);
            assertSame(ctx.getBean(DataSource.class), engine.dataSource());
            assertSame(expected(db, engine), engine.dialect(), "dialect read from the database");
            SessionFactory sessions = ctx.getBean(SessionFactory.class);
            assertSame(engine, sessions.engine());
            assertTrue(sessions.autoflush());
            assertTrue(sessions.expireOnCommit());
            assertSame(engine, ctx.getBean(AsyncEngine.class).getEngine(), "the Kotlin layer is on the class path");
            assertFalse(engine.options().echo());
        }
    }

    @Test
    void tabulaPropertiesShapeTheEngineAndSessions() {
        Map<String, Object> properties = Map.of(
                "tabula.echo", "true",
                "tabula.query-timeout", "5s",
                "tabula.fetch-size", "250",
                "tabula.isolation", "serializable",
                "tabula.autoflush", "false",
                "tabula.expire-on-commit", "false");
        try (ConfigurableApplicationContext ctx = TestDatabases.start("sqlite", properties, App.class)) {
            EngineOptions options = ctx.getBean(Engine.class).options();
            assertTrue(options.echo());
            assertEquals(Duration.ofSeconds(5), options.queryTimeout());
            assertEquals(250, options.fetchSize());
            assertEquals(Isolation.SERIALIZABLE, options.isolation());
            assertFalse(options.readOnly());
            SessionFactory sessions = ctx.getBean(SessionFactory.class);
            assertFalse(sessions.autoflush());
            assertFalse(sessions.expireOnCommit());
        }
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnBeans() {
        try (ConfigurableApplicationContext ctx = TestDatabases.start("sqlite", Map.of(), OwnBeansApp.class)) {
            assertEquals(1, ctx.getBeansOfType(Engine.class).size());
            Engine engine = ctx.getBean(Engine.class);
            assertSame(ctx.getBean("myEngine"), engine);
            assertEquals(7, engine.options().fetchSize());
            assertEquals(1, ctx.getBeansOfType(SessionFactory.class).size());
            assertFalse(ctx.getBean(SessionFactory.class).autoflush());
            assertSame(engine, ctx.getBean(AsyncEngine.class).getEngine(), "the async engine is built on the user's engine");
        }
    }

    @Test
    void noDataSourceNoEngine() {
        Map<String, Object> properties = Map.of("spring.autoconfigure.exclude",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
        try (ConfigurableApplicationContext ctx = TestDatabases.start("sqlite", properties, App.class)) {
            assertTrue(ctx.getBeansOfType(Engine.class).isEmpty());
            assertTrue(ctx.getBeansOfType(SessionFactory.class).isEmpty());
            assertNull(ctx.getBeanProvider(AsyncEngine.class).getIfAvailable());
        }
    }
}
