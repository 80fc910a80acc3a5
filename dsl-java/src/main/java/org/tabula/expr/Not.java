package org.tabula.expr;

import org.jspecify.annotations.Nullable;

/**
 * {@code NOT (condition)}. Build it with {@link Condition#not}.
 *
 * <pre>{@code
 * Condition notA = USERS.name.startsWith("a").not();
 * }</pre>
 *
 * @param condition the negated condition
 */
public record Not(Condition condition) implements Condition {

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitNot(this);
    }
}
