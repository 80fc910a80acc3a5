package org.tabula.it.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.tabula.it.Databases;

/**
 * Runs after every other test class (see {@code junit-platform.properties}): each shared engine
 * has every connection back in its pool once the whole suite is done.
 */
@Order(Integer.MAX_VALUE)
class PoolHygieneTest {

    @Test
    void noConnectionIsBorrowedAfterTheSuite() {
        assertFalse(Databases.opened().isEmpty(), "the suite opened no engine");
        NoBorrowedConnections.assertNoneBorrowed("the whole suite");
    }
}
