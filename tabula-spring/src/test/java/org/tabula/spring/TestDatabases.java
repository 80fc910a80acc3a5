package org.tabula.spring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The databases these tests run on, named as the integration tests name them: SQLite always,
 * MariaDB and PostgreSQL when {@code tabula.it.databases} lists them (the build lists all three),
 * at {@code tabula.it.mysql.url} and {@code tabula.it.postgresql.url}. One Boot application per
 * database, shared by the run and closed at JVM exit.
 */
final class TestDatabases {

    private static final Map<String, ConfigurableApplicationContext> CONTEXTS = new ConcurrentHashMap<>();

    private TestDatabases() {
    }

    static List<String> names() {
        List<String> out = new ArrayList<>();
        out.add("sqlite");
        for (String s : System.getProperty("tabula.it.databases", "sqlite").split(",")) {
            if (!s.isBlank() && !out.contains(s.trim())) {
                out.add(s.trim());
            }
        }
        return out;
    }

    /** The {@code spring.datasource.*} properties of a database. */
    static Map<String, Object> dataSource(String name) {
        Map<String, Object> p = new HashMap<>();
        switch (name) {
            case "sqlite" -> {
                p.put("spring.datasource.url", "jdbc:sqlite:" + System.getProperty("java.io.tmpdir") + "/tabula-spring-"
                        + ProcessHandle.current().pid() + ".db?journal_mode=WAL&busy_timeout=10000");
                p.put("spring.datasource.driver-class-name", "org.sqlite.JDBC");
            }
            case "mysql" -> p.put("spring.datasource.url", System.getProperty("tabula.it.mysql.url",
                    "jdbc:mysql://127.0.0.1:3306/test?user=root&password=&useSSL=false&allowPublicKeyRetrieval=true"));
            case "postgresql" -> p.put("spring.datasource.url", System.getProperty("tabula.it.postgresql.url",
                    "jdbc:postgresql://127.0.0.1:5432/test?user=root"));
            default -> throw new IllegalArgumentException("unknown test database " + name);
        }
        p.put("spring.datasource.hikari.maximum-pool-size", "4");
        return p;
    }

    /** A Boot application of {@code sources} on {@code db}; the caller closes it. */
    static ConfigurableApplicationContext start(String db, Map<String, Object> properties, Class<?>... sources) {
        Map<String, Object> p = dataSource(db);
        p.put("spring.main.banner-mode", "off");
        p.putAll(properties);
        return new SpringApplicationBuilder(sources).web(WebApplicationType.NONE).properties(p).run();
    }

    /** The shared application with {@link ShopService} on {@code db}. */
    static ConfigurableApplicationContext shop(String db) {
        return CONTEXTS.computeIfAbsent(db, d -> {
            ConfigurableApplicationContext ctx = start(d, Map.of(), ShopApplication.class);
            Runtime.getRuntime().addShutdownHook(new Thread(ctx::close));
            return ctx;
        });
    }
}
