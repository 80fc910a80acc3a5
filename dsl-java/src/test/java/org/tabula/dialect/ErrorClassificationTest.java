package org.tabula.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tabula.error.ErrorKind;

class ErrorClassificationTest {

    private static final List<Dialect> ALL = List.of(Dialect.SQLITE, Dialect.MYSQL, Dialect.MARIADB, Dialect.POSTGRES);

    @Test
    void aLostConnectionIsAConnectionErrorWhateverTheSqlState() {
        for (Dialect d : ALL) {
            // MySQL Connector/J reading a streamed row after the server killed the connection
            SQLException streamed = new SQLException("Error retrieving record", "S1000", 0,
                    new RuntimeException(new EOFException("Can not read response from server")));
            assertEquals(ErrorKind.CONNECTION, d.classify(streamed), d.name());
            assertEquals(ErrorKind.CONNECTION, d.classify(new SQLException("gone", null, 0, new SocketException())), d.name());
            assertEquals(ErrorKind.CONNECTION, d.classify(new SQLException("link failure", "08S01")), d.name());
            assertEquals(ErrorKind.OTHER, d.classify(new SQLException("syntax", "42000")), d.name());
        }
        assertEquals(ErrorKind.CONNECTION, Dialect.POSTGRES.classify(new SQLException("terminating", "57P01")));
        assertEquals(ErrorKind.CONNECTION, Dialect.MARIADB.classify(new SQLException("Connection was killed", "70100", 1927)));
        assertEquals(ErrorKind.CANCELED, Dialect.MARIADB.classify(new SQLException("Query execution was interrupted", "70100", 1317)));
    }

    @Test
    void theSameFailureIsTheSameKindOnEveryDialect() {
        for (Dialect d : ALL) {
            // a driver's own query timeout: Connector/J's MySQLTimeoutException has no SQLState
            assertEquals(ErrorKind.CANCELED, d.classify(new SQLTimeoutException("Statement cancelled due to timeout")), d.name());
        }
        // PostgreSQL: a string bound to an integer column, like MariaDB's "Incorrect integer value" (1366)
        assertEquals(ErrorKind.DATA, Dialect.POSTGRES.classify(new SQLException("is of type integer", "42804")));
        assertEquals(ErrorKind.DATA, Dialect.MARIADB.classify(new SQLException("Incorrect integer value", "22007", 1366)));
        // a lock wait that timed out, and MariaDB's snapshot-isolation conflict
        assertEquals(ErrorKind.TRANSACTION_CONFLICT, Dialect.POSTGRES.classify(new SQLException("lock timeout", "55P03")));
        assertEquals(ErrorKind.TRANSACTION_CONFLICT, Dialect.MARIADB.classify(new SQLException("Lock wait", "40001", 1205)));
        assertEquals(ErrorKind.TRANSACTION_CONFLICT, Dialect.MARIADB.classify(
                new SQLException("Record has changed since last read", "HY000", 1020)));
    }

    @Test
    void aConnectionTheServerEndedIsToldApartFromOtherConnectionErrors() {
        for (Dialect d : ALL) {
            assertTrue(d.serverClosedConnection(new SQLException("Communications link failure", "08S01", 0,
                    new RuntimeException(new EOFException("Can not read response from server")))), d.name());
            assertTrue(d.serverClosedConnection(new SQLException("I/O error", "08006", 0,
                    new SocketException("Connection reset"))), d.name());
            assertFalse(d.serverClosedConnection(new SQLException("Connection refused", "08001", 0,
                    new java.net.ConnectException("Connection refused"))), d.name());
        }
        assertTrue(Dialect.POSTGRES.serverClosedConnection(new SQLException("terminating connection", "57P01")));
        assertTrue(Dialect.MARIADB.serverClosedConnection(new SQLException("Connection was killed", "70100", 1927)));
    }
}
