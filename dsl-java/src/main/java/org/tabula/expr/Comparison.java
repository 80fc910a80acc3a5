package org.tabula.expr;

import org.jspecify.annotations.Nullable;

/** {@code left op right}. */
public record Comparison(Expression<?> left, ComparisonOperator operator, Expression<?> right) implements Condition {

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitComparison(this);
    }
}
