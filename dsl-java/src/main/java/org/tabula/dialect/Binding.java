package org.tabula.dialect;

import org.tabula.schema.Column;
import org.tabula.type.SqlType;

/**
 * One {@code ?} of rendered SQL: either a value known at render time, or a named parameter
 * whose value comes with the execution ({@link #isNamed()}). {@code target} is the column the
 * value is written to, when there is one, so the engine can check NOT NULL and length first.
 */
public record Binding(String name, Object value, SqlType<?> type, Column<?> target) {

    /** A value bound at render time. */
    public static Binding value(Object value, SqlType<?> type) {
        return new Binding(null, value, type, null);
    }

    /** A parameter supplied at execution under {@code name}. */
    public static Binding named(String name, SqlType<?> type) {
        return new Binding(name, null, type, null);
    }

    public boolean isNamed() {
        return name != null;
    }
}
