package org.tabula.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;

/**
 * Where the benchmarks run. SQLite is a temporary file (so the pool can hand out a real
 * connection) with {@code synchronous=OFF}; MariaDB is read from {@code TABULA_BENCH_MYSQL_URL} (default: database
 * {@code test} on 127.0.0.1, MySQL Connector/J with {@code rewriteBatchedStatements=true}), PostgreSQL from
 * {@code TABULA_BENCH_POSTGRES_URL} (default: database {@code test} on 127.0.0.1).
 */
final class BenchDatabase {

    static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=root";
    static final String DEFAULT_MYSQL_URL = "jdbc:mysql://127.0.0.1:3306/test?user=root&password=&useSSL=false"
            + "&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true";

    private BenchDatabase() {
    }

    /** @param database {@code sqlite} or {@code mariadb} */
    static Engine open(String database) {
        return open(database, null);
    }

    /** @param options pool settings, or null for the defaults */
    static Engine open(String database, EngineOptions options) {
        String url = url(database);
        return options == null ? Engine.create(url) : Engine.create(url, options);
    }

    /**
     * The JDBC URL of {@code database}: for SQLite a new temporary file each call.
     *
     * @param database {@code sqlite}, {@code mariadb} or {@code postgresql}
     */
    static String url(String database) {
        switch (database) {
            case "sqlite":
                try {
                    Path file = Files.createTempFile("tabula-bench-", ".db");
                    file.toFile().deleteOnExit();
                    // No fsync at commit: the disk's flush time varies by tens of milliseconds on a
                    // shared VM and would swamp the toolkit's cost (same setting on both sides).
                    return "jdbc:sqlite:" + file + "?synchronous=OFF";
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            case "mariadb":
                return env("TABULA_BENCH_MYSQL_URL", DEFAULT_MYSQL_URL);
            case "postgresql":
                return env("TABULA_BENCH_POSTGRES_URL", DEFAULT_POSTGRES_URL);
            default:
                throw new IllegalArgumentException("unknown database " + database + " (sqlite, mariadb, postgresql)");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
