package org.tabula.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;

/**
 * Where the benchmarks run. SQLite is a temporary file (so the pool can hand out a real
 * connection) with {@code synchronous=OFF}; MariaDB is read from {@code TABULA_BENCH_MYSQL_URL} (default: database
 * {@code test} on 127.0.0.1, MySQL Connector/J with {@code rewriteBatchedStatements=true}).
 */
final class BenchDatabase {

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
        switch (database) {
            case "sqlite":
                try {
                    Path file = Files.createTempFile("tabula-bench-", ".db");
                    file.toFile().deleteOnExit();
                    // No fsync at commit: the disk's flush time varies by tens of milliseconds on a
                    // shared VM and would swamp the toolkit's cost (same setting on both sides).
                    String sqlite = "jdbc:sqlite:" + file + "?synchronous=OFF";
                    return options == null ? Engine.create(sqlite) : Engine.create(sqlite, options);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            case "mariadb":
                String url = System.getenv("TABULA_BENCH_MYSQL_URL");
                String mysql = url == null || url.isBlank() ? DEFAULT_MYSQL_URL : url;
                return options == null ? Engine.create(mysql) : Engine.create(mysql, options);
            default:
                throw new IllegalArgumentException("unknown database " + database + " (sqlite, mariadb)");
        }
    }
}
