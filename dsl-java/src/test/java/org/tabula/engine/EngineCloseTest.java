package org.tabula.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineCloseTest {

    @Test
    void closeActionsRunOnceInOrderBeforeThePoolCloses() {
        Engine engine = Engine.create("jdbc:sqlite::memory:");
        List<String> ran = new ArrayList<>();
        engine.onClose(() -> ran.add("first"));
        engine.onClose(() -> {
            // The pool is still open while the actions run.
            try (Connection c = engine.connect()) {
                ran.add("second " + c.execute(org.tabula.Sql.text("SELECT 1")).scalar());
            }
        });
        engine.close();
        engine.close();
        assertEquals(List.of("first", "second 1"), ran);
    }

    @Test
    void anActionRegisteredAfterCloseRunsAtOnce() {
        Engine engine = Engine.create("jdbc:sqlite::memory:");
        engine.close();
        List<String> ran = new ArrayList<>();
        engine.onClose(() -> ran.add("late"));
        assertEquals(List.of("late"), ran);
    }

    @Test
    void aFailingActionDoesNotStopTheOthersAndIsReported() {
        Engine engine = Engine.create("jdbc:sqlite::memory:");
        IllegalStateException boom = new IllegalStateException("boom");
        List<String> ran = new ArrayList<>();
        engine.onClose(() -> {
            throw boom;
        });
        engine.onClose(() -> ran.add("still ran"));
        assertSame(boom, assertThrows(IllegalStateException.class, engine::close));
        assertEquals(List.of("still ran"), ran);
        assertThrows(RuntimeException.class, engine::connect);   // the pool closed anyway
    }
}
