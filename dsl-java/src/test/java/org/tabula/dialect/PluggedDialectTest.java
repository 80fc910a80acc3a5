package org.tabula.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A dialect in a jar of its own plugs in through ServiceLoader, without editing Dialect.forUrl. */
class PluggedDialectTest {

    /** Registered in this module's test resources, as a plug-in jar would register it. */
    public static final class ExampleProvider implements DialectProvider {
        @Override
        public Dialect forUrl(String jdbcUrl) {
            // e.g. a SQLite-compatible engine: reuse the SQLite dialect under another scheme
            return jdbcUrl.startsWith("jdbc:example-sqlite:") ? Dialect.SQLITE : null;
        }

        @Override
        public String toString() {
            return "example dialects";
        }
    }

    @Test
    void pluggedProvidersAreAskedFirstAndBuiltInsStillWork() {
        assertSame(Dialect.SQLITE, Dialect.forUrl("jdbc:example-sqlite:/tmp/x.db"));
        assertSame(Dialect.POSTGRES, Dialect.forUrl("jdbc:postgresql://h1,h2/db?targetServerType=primary"));
        assertSame(Dialect.MYSQL, Dialect.forUrl("jdbc:mysql:loadbalance://a,b/test"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dialect.forUrl("jdbc:h2:mem:"));
        assertTrue(e.getMessage().contains("example dialects"), e.getMessage());
    }

    @Test
    void onlyMySqlAsksTheServer() {
        assertEquals(true, Dialect.MYSQL.refinedByServer());
        assertEquals(false, Dialect.MARIADB.refinedByServer());
        assertEquals(false, Dialect.POSTGRES.refinedByServer());
    }
}
