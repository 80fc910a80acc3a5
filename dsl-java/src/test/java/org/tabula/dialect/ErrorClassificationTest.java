package org.tabula.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
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
}
