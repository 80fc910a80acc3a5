package org.tabula.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The dialect follows from the URL's scheme, whatever hosts or protocol the driver is given. */
class DialectForUrlTest {

    @Test
    void postgresMultiHostUrlsArePostgres() {
        assertSame(Dialect.POSTGRES, Dialect.forUrl(
                "jdbc:postgresql://127.0.0.1:5433,127.0.0.1:5434/test?targetServerType=primary"));
        assertSame(Dialect.POSTGRES, Dialect.forUrl(
                "jdbc:postgresql://[::1]:5433,[::1]:5434/test?targetServerType=preferSecondary&loadBalanceHosts=true"));
    }

    @Test
    void connectorJMultiHostProtocolsAreMySql() {
        for (String url : new String[] {
                "jdbc:mysql://127.0.0.1:3311,127.0.0.1:3312,127.0.0.1:3313/test?failOverReadOnly=false",
                "jdbc:mysql:loadbalance://127.0.0.1:3311,127.0.0.1:3312/test",
                "jdbc:mysql:replication://127.0.0.1:3307,127.0.0.1:3308/test",
                "jdbc:mysql://address=(host=127.0.0.1)(port=3307)(type=source),address=(host=127.0.0.1)(port=3308)/test"}) {
            assertSame(Dialect.MYSQL, Dialect.forUrl(url), url); // the engine then asks the server whether it is MariaDB
        }
    }

    @Test
    void connectorJDnsSrvUrlsAreMySql() {
        // Hosts from a DNS SRV record: Connector/J's "mysql+srv" schemes, with or without a protocol.
        for (String url : new String[] {
                "jdbc:mysql+srv://_mysql._tcp.db.example/test",
                "jdbc:mysql+srv:loadbalance://_mysql._tcp.db.example/test",
                "jdbc:mysql+srv:replication://_mysql._tcp.db.example/test"}) {
            assertSame(Dialect.MYSQL, Dialect.forUrl(url), url);
        }
    }

    @Test
    void mariadbConnectorHaModesAreMariaDb() {
        for (String url : new String[] {
                "jdbc:mariadb://127.0.0.1:3311,127.0.0.1:3312/test",
                "jdbc:mariadb:sequential://127.0.0.1:3311,127.0.0.1:3312/test",
                "jdbc:mariadb:loadbalance://127.0.0.1:3311,127.0.0.1:3312/test",
                "jdbc:mariadb:replication://127.0.0.1:3307,127.0.0.1:3308/test"}) {
            assertSame(Dialect.MARIADB, Dialect.forUrl(url), url);
        }
    }

    @Test
    void anUnknownSchemeNamesTheUrlAndTheSupportedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dialect.forUrl("jdbc:oracle:thin:@h1:1521/db"));
        assertTrue(e.getMessage().contains("jdbc:oracle:thin:@h1:1521/db"), e.getMessage());
        assertTrue(e.getMessage().contains("jdbc:mysql+srv:"), e.getMessage());
        assertEquals(IllegalArgumentException.class, e.getClass());
    }
}
