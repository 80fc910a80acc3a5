package org.tabula.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tabula.dialect.Dialect;
import org.tabula.error.DatabaseException;
import org.tabula.error.ErrorKind;
import org.tabula.error.TransactionRolledBackException;

class RetryPolicyTest {

    private static final RetryPolicy POLICY = RetryPolicy.attempts(6).backoff(Duration.ofMillis(10), Duration.ofMillis(50));

    @Test
    void delaysGrowExponentiallyUpToTheMaximumAndJitterOnlyShortensThem() {
        RetryPolicy exact = POLICY.jitter(0);
        assertEquals(Duration.ofMillis(10), exact.delayAfter(1, 0.9));
        assertEquals(Duration.ofMillis(20), exact.delayAfter(2, 0.9));
        assertEquals(Duration.ofMillis(40), exact.delayAfter(3, 0.9));
        assertEquals(Duration.ofMillis(50), exact.delayAfter(4, 0.9));
        assertEquals(Duration.ofMillis(50), exact.delayAfter(60, 0.9));
        RetryPolicy full = POLICY.jitter(1.0);
        assertEquals(Duration.ofMillis(20), full.delayAfter(2, 0.0));
        assertEquals(Duration.ofMillis(5), full.delayAfter(2, 0.75));
        assertEquals(Duration.ofMillis(15), POLICY.delayAfter(2, 0.5), "the default jitter takes up to half");
        assertEquals(Duration.ofMillis(10), POLICY.multiplier(1).delayAfter(5, 0.0));
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RetryPolicy.attempts(0)).getMessage()
                .contains("maxAttempts"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> POLICY.jitter(1.5)).getMessage()
                .contains("jitter"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> POLICY.multiplier(0.5)).getMessage()
                .contains("multiplier"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> POLICY.backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).getMessage().contains("backoff"));
    }

    @Test
    void theDialectDecidesWhatIsRetryableAnywhereInTheChainOfCauses() {
        SQLException serialization = new SQLException("could not serialize access", "40001");
        SQLException deadlock = new SQLException("Deadlock found when trying to get lock", "40001", 1213);
        SQLException wsrep = new SQLException("WSREP detected deadlock/conflict and aborted the transaction", "40001", 1213);
        SQLException lockWait = new SQLException("Lock wait timeout exceeded", "HY000", 1205);
        SQLException unique = new SQLException("duplicate key", "23505");
        SQLException lost = new SQLException("Communications link failure", "08S01");
        assertTrue(Dialect.POSTGRES.isRetryable(serialization));
        assertTrue(Dialect.POSTGRES.isRetryable(new SQLException("deadlock detected", "40P01")));
        assertTrue(Dialect.MARIADB.isRetryable(deadlock));
        assertTrue(Dialect.MARIADB.isRetryable(wsrep));
        assertTrue(Dialect.MARIADB.isRetryable(lockWait));
        assertFalse(Dialect.POSTGRES.isRetryable(unique));
        assertFalse(Dialect.MARIADB.isRetryable(lost), "a COMMIT that lost its connection may have been applied");

        DatabaseException aborted = DatabaseException.of(ErrorKind.TRANSACTION_CONFLICT, serialization, "COMMIT", null);
        assertTrue(POLICY.isRetryable(aborted, Dialect.POSTGRES));
        assertTrue(POLICY.isRetryable(new TransactionRolledBackException("rolled back", aborted), Dialect.POSTGRES),
                "a conflict the block swallowed still aborted the transaction");
        assertFalse(POLICY.isRetryable(DatabaseException.of(ErrorKind.UNIQUE_VIOLATION, unique, "INSERT", null),
                Dialect.POSTGRES));
        assertFalse(POLICY.isRetryable(new IllegalStateException("the application's own"), Dialect.POSTGRES));
        assertFalse(POLICY.isRetryable(DatabaseException.of(ErrorKind.CANCELED, serialization, "SELECT", null),
                Dialect.POSTGRES), "a cancelled statement is not run again");
    }
}
