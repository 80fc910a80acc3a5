package org.tabula.expr;

/** {@code expr IS NULL}, or {@code IS NOT NULL} when negated. */
public record NullTest(Expression<?> expression, boolean negated) implements Condition {

    @Override
    public <R> R accept(SqlVisitor<R> visitor) {
        return visitor.visitNullTest(this);
    }
}
