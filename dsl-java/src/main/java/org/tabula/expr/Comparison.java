package org.tabula.expr;

import org.jspecify.annotations.Nullable;

/**
 * {@code left op right}. Build it with {@link Expression#eq}, {@link Expression#lt}, ...
 *
 * <pre>{@code
 * Condition adult = USERS.age.ge(18);
 * }</pre>
 *
 * @param left     the left operand
 * @param operator the comparison operator
 * @param right    the right operand
 */
public record Comparison(Expression<?> left, ComparisonOperator operator, Expression<?> right) implements Condition {

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitComparison(this);
    }
}
