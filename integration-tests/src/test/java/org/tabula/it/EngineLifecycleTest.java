package org.tabula.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.Sql;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;
import org.tabula.error.DatabaseException;

/** What closing an engine does, on every database. */
class EngineLifecycleTest {

    static Stream<String> databases() {
        return Databases.names().stream();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void closeActionsRunOnceWhileThePoolIsStillOpenThenThePoolCloses(String db) {
        Engine engine = Databases.newEngine(db, EngineOptions.defaults().poolSize(2));
        List<Object> seen = new ArrayList<>();
        engine.onClose(() -> {
            try (Connection c = engine.connect()) {
                seen.add(((Number) c.execute(Sql.text("SELECT 41 + 1")).scalar()).intValue());
            }
        });
        engine.close();
        engine.close();
        assertEquals(List.of(42), seen);
        assertThrows(DatabaseException.class, engine::connect);
    }
}
