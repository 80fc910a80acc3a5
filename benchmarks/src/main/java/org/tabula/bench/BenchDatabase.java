package org.tabula.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tabula.engine.Engine;

/**
 * Where the benchmarks run. SQLite is a temporary file (so the pool can hand out a real
 * connection); MariaDB is read from {@code TABULA_BENCH_MYSQL_URL} (default: database
 * {@code test} on 127.0.0.1, MySQL Connector/J with {@code rewriteBatchedStatements=true}).
 */
final class BenchDatabase {

    static final String DEFAULT_MYSQL_URL = "jdbc:mysql://127.0.0.1:3306/test?user=root&password=&useSSL=false"
            + "&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true";

    private BenchDatabase() {
    }

    /** @param database {@code sqlite} or {@code mariadb} */
    static Engine open(String database) {
        switch (database) {
            case "sqlite":
                try {
                    Path file = Files.createTempFile("tabula-bench-", ".db");
                    file.toFile().deleteOnExit();
                    return Engine.create("jdbc:sqlite:" + file);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            case "mariadb":
                String url = System.getenv("TABULA_BENCH_MYSQL_URL");
                return Engine.create(url == null || url.isBlank() ? DEFAULT_MYSQL_URL : url);
            default:
                throw new IllegalArgumentException("unknown database " + database + " (sqlite, mariadb)");
        }
    }
}
