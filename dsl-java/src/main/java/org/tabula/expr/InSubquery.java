package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import org.tabula.statement.Select;

/**
 * {@code expr [NOT] IN (SELECT ...)}. Build it with {@link Expression#in(org.tabula.statement.Select)}.
 *
 * <pre>{@code
 * Condition buyers = USERS.id.in(select(ORDERS.userId).from(ORDERS));
 * }</pre>
 *
 * @param expression the tested expression
 * @param subquery   the select of one column
 * @param negated    {@code NOT IN}
 */
public record InSubquery(Expression<?> expression, Select subquery, boolean negated) implements Condition {

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitInSubquery(this);
    }
}
