package org.tabula.expr;

import org.jspecify.annotations.Nullable;

/** {@code expr [NOT] BETWEEN low AND high}. */
public record Between(Expression<?> expression, Expression<?> low, Expression<?> high, boolean negated)
        implements Condition {

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitBetween(this);
    }
}
