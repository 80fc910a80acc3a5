package org.tabula.expr;

import org.jspecify.annotations.Nullable;

/** {@code NOT (condition)}. */
public record Not(Condition condition) implements Condition {

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitNot(this);
    }
}
