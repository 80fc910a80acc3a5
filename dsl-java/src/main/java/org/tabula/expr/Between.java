package org.tabula.expr;

import org.jspecify.annotations.Nullable;

/**
 * {@code expr [NOT] BETWEEN low AND high}. Build it with {@link Expression#between}.
 *
 * <pre>{@code
 * Condition working = USERS.age.between(18, 65);
 * }</pre>
 *
 * @param expression the tested expression
 * @param low        the lower bound, included
 * @param high       the upper bound, included
 * @param negated    {@code NOT BETWEEN}
 */
public record Between(Expression<?> expression, Expression<?> low, Expression<?> high, boolean negated)
        implements Condition {

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitBetween(this);
    }
}
