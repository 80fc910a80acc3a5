package org.tabula.expr;

/** {@code expr [NOT] BETWEEN low AND high}. */
public record Between(Expression<?> expression, Expression<?> low, Expression<?> high, boolean negated)
        implements Condition {

    @Override
    public <R> R accept(SqlVisitor<R> visitor) {
        return visitor.visitBetween(this);
    }
}
