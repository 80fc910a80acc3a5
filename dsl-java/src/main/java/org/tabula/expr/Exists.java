package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import org.tabula.statement.Select;

/**
 * {@code [NOT] EXISTS (SELECT ...)}. Build it with {@code Sql.exists} or {@code Sql.notExists}.
 *
 * <pre>{@code
 * Condition hasOrders = Sql.exists(select(ORDERS.id).from(ORDERS).where(ORDERS.userId.eq(USERS.id)));
 * }</pre>
 *
 * @param subquery the tested select
 * @param negated  {@code NOT EXISTS}
 */
public record Exists(Select subquery, boolean negated) implements Condition {

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitExists(this);
    }

    @Override
    public Condition not() {
        return new Exists(subquery, !negated);
    }
}
