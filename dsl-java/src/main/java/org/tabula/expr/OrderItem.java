package org.tabula.expr;

import org.jspecify.annotations.Nullable;

/**
 * One ORDER BY item. NULLS FIRST / LAST is rendered natively where the dialect has it and
 * emulated with an extra {@code expr IS NULL} key on MySQL.
 *
 * <pre>{@code
 * select(USERS.name).from(USERS).orderBy(USERS.age.desc().nullsLast(), USERS.id.asc());
 * }</pre>
 *
 * @param expression the sort key
 * @param descending {@code DESC}
 * @param nulls      where NULLs go
 */
public record OrderItem(Expression<?> expression, boolean descending, NullOrdering nulls) implements SqlNode {

    /**
     * The same item with NULLs sorted first.
     *
     * <pre>{@code
     * USERS.age.asc().nullsFirst();
     * }</pre>
     *
     * @return a new order item
     */
    public OrderItem nullsFirst() {
        return new OrderItem(expression, descending, NullOrdering.FIRST);
    }

    /**
     * The same item with NULLs sorted last.
     *
     * <pre>{@code
     * USERS.age.desc().nullsLast();
     * }</pre>
     *
     * @return a new order item
     */
    public OrderItem nullsLast() {
        return new OrderItem(expression, descending, NullOrdering.LAST);
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitOrderItem(this);
    }
}
