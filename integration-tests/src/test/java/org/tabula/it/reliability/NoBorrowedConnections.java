package org.tabula.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.tabula.engine.Engine;
import org.tabula.it.Databases;

/** After every test: each shared engine has all its connections back in the pool. */
final class NoBorrowedConnections implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        assertNoneBorrowed(context.getDisplayName());
    }

    static void assertNoneBorrowed(String after) {
        for (Map.Entry<String, Engine> e : Databases.opened().entrySet()) {
            assertEquals(0, e.getValue().poolStatus().active(),
                    "connections of " + e.getKey() + " still borrowed after " + after + ": " + e.getValue().poolStatus());
        }
    }
}
