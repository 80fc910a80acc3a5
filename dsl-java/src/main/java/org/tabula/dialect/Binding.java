package org.tabula.dialect;

import org.tabula.schema.Column;
import org.tabula.type.SqlType;

/**
 * One {@code ?} of rendered SQL: either a value known at render time, or a named parameter
 * whose value comes with the execution ({@link #isNamed()}). {@code target} is the column the
 * value is written to, when there is one, so the engine can check NOT NULL and length first.
 *
 * <pre>{@code
 * Binding b = Binding.named("id", SqlTypes.BIGINT);
 * b.isNamed();   // true: its value comes with the execution
 * }</pre>
 *
 * @param name   the parameter name of a named binding, else {@code null}
 * @param value  the value of a binding made at render time, else {@code null}
 * @param type   the type that binds the value
 * @param target the column the value is written to, or {@code null}
 */
public record Binding(String name, Object value, SqlType<?> type, Column<?> target) {

    /**
     * A value bound at render time.
     *
     * <pre>{@code
     * Binding b = Binding.value(42L, SqlTypes.BIGINT);   // bound as is
     * }</pre>
     *
     * @param value the value
     * @param type its type
     * @return the binding
     */
    public static Binding value(Object value, SqlType<?> type) {
        return new Binding(null, value, type, null);
    }

    /**
     * A parameter supplied at execution under {@code name}.
     *
     * <pre>{@code
     * Binding b = Binding.named("id", SqlTypes.BIGINT);   // its value comes with the execution
     * }</pre>
     *
     * @param name the parameter name
     * @param type the expected type
     * @return the binding
     */
    public static Binding named(String name, SqlType<?> type) {
        return new Binding(name, null, type, null);
    }

    /**
     * Whether the value comes with the execution rather than with the statement.
     *
     * <pre>{@code
     * boolean named = Binding.named("id", SqlTypes.BIGINT).isNamed();   // true
     * }</pre>
     *
     * @return {@code true} for a named parameter
     */
    public boolean isNamed() {
        return name != null;
    }
}
