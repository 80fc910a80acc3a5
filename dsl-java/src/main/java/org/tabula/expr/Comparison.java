package org.tabula.expr;

/** {@code left op right}. */
public record Comparison(Expression<?> left, ComparisonOperator operator, Expression<?> right) implements Condition {

    @Override
    public <R> R accept(SqlVisitor<R> visitor) {
        return visitor.visitComparison(this);
    }
}
