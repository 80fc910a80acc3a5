package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import org.tabula.statement.Select;

/** {@code expr [NOT] IN (SELECT ...)}. */
public record InSubquery(Expression<?> expression, Select subquery, boolean negated) implements Condition {

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitInSubquery(this);
    }
}
