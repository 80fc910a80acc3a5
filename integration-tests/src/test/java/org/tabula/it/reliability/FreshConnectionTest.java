package org.tabula.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;
import org.tabula.engine.Isolation;
import org.tabula.engine.TransactionOptions;
import org.tabula.it.Databases;

/**
 * A connection the pool has just opened starts outside any transaction, even though the
 * dialect's session setup ran a statement on it with autocommit off: PostgreSQL refused to set
 * the isolation level of such a connection's first transaction ("in the middle of a transaction").
 */
class FreshConnectionTest {

    static java.util.stream.Stream<String> databases() {
        return Rel.databases();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theFirstTransactionOfANewConnectionCanChooseItsIsolation(String db) {
        try (Engine engine = Databases.newEngine(db, EngineOptions.defaults().poolSize(1).maxOverflow(2))) {
            try (Connection first = engine.connect(); Connection second = engine.connect()) {
                for (Connection conn : new Connection[] {first, second}) {
                    conn.begin(TransactionOptions.isolation(Isolation.REPEATABLE_READ));
                    assertFalse(conn.isInTransaction());
                    assertEquals(Isolation.REPEATABLE_READ, conn.isolation());
                    conn.rollback();
                }
            }
        }
    }
}
