package org.tabula.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;
import org.slf4j.LoggerFactory;
import org.slf4j.simple.SimpleServiceProvider;

/**
 * HikariCP is the default pool, not a requirement: with it excluded from a build, an engine over
 * the user's own {@code DataSource} must load and work. The test cannot drop a jar from its own
 * class path, so it runs {@link WithoutHikariProbe} in a class loader made of Tabula's classes, the
 * SQLite driver and SLF4J only, whose parent (the platform loader) knows no application classes.
 */
class WithoutHikariTest {

    @Test
    void anEngineOverAPlainDataSourceWorksWithNoHikariCpOnTheClassPath(@TempDir Path dir) throws Exception {
        URL[] classPath = {
            location(Engine.class), location(WithoutHikariProbe.class),
            location(SQLiteDataSource.class), location(LoggerFactory.class), location(SimpleServiceProvider.class)
        };
        try (URLClassLoader loader = new URLClassLoader("without-hikari", classPath,
                ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("com.zaxxer.hikari.HikariDataSource"));
            @SuppressWarnings("unchecked")
            Function<String, String> probe = (Function<String, String>) loader
                    .loadClass(WithoutHikariProbe.class.getName()).getConstructor().newInstance();
            assertEquals("ann PoolStatus[active=0, idle=0, total=0, waiting=0]",
                    probe.apply(dir.resolve("plain.db").toString()));
        }
    }

    private static URL location(Class<?> type) throws URISyntaxException, java.net.MalformedURLException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toUri().toURL();
    }
}
