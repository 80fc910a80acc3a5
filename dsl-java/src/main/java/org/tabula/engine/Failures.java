package org.tabula.engine;

import org.jspecify.annotations.Nullable;

/** Collecting failures where every resource must get its chance to close: the first is thrown, later ones ride along. */
final class Failures {

    private Failures() {
    }

    /** {@code first}, or {@code next} when there was none; {@code next} is added to {@code first} as suppressed. */
    static RuntimeException add(@Nullable RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
