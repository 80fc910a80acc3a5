package org.tabula.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;

/**
 * The databases the integration tests run on: embedded SQLite always, MariaDB/MySQL and
 * PostgreSQL when listed in {@code tabula.it.databases} (CI lists all three). One engine per
 * database, shared by the whole run and closed at JVM exit.
 */
public final class Databases {

    private static final Map<String, Engine> ENGINES = new ConcurrentHashMap<>();

    private Databases() {
    }

    /** The database names to run on. */
    public static List<String> names() {
        String configured = System.getProperty("tabula.it.databases", "sqlite");
        List<String> out = new ArrayList<>();
        for (String s : configured.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        if (!out.contains("sqlite")) {
            out.add(0, "sqlite");
        }
        return out;
    }

    public static String url(String name) {
        return switch (name) {
            case "sqlite" -> "jdbc:sqlite:" + System.getProperty("java.io.tmpdir") + "/tabula-it-" + ProcessHandle.current().pid() + ".db";
            case "mysql" -> System.getProperty("tabula.it.mysql.url",
                    "jdbc:mysql://127.0.0.1:3306/test?user=root&password=&useSSL=false&allowPublicKeyRetrieval=true");
            case "postgresql" -> System.getProperty("tabula.it.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test?user=root");
            default -> throw new IllegalArgumentException("unknown test database " + name);
        };
    }

    /** Whether {@code name} is the MySQL/MariaDB test database. */
    public static boolean isMySql(String name) {
        return name.equals("mysql");
    }

    /** The shared engine for a database. */
    public static Engine engine(String name) {
        return ENGINES.computeIfAbsent(name, n -> {
            Engine e = Engine.create(url(n), EngineOptions.defaults().poolSize(4).maxOverflow(16)
                    .leakDetectionThreshold(java.time.Duration.ofSeconds(30)));
            Runtime.getRuntime().addShutdownHook(new Thread(e::close));
            return e;
        });
    }

    /** A fresh engine (own pool) for tests that need their own options; the caller closes it. */
    public static Engine newEngine(String name, EngineOptions options) {
        return Engine.create(url(name), options);
    }

    /** Engines that were opened so far, for pool hygiene checks. */
    public static Map<String, Engine> opened() {
        return Map.copyOf(ENGINES);
    }
}
