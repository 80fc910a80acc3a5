package org.tabula.expr;

import org.jspecify.annotations.Nullable;

/** {@code expr IS NULL}, or {@code IS NOT NULL} when negated. */
public record NullTest(Expression<?> expression, boolean negated) implements Condition {

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitNullTest(this);
    }
}
