package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import org.tabula.type.SqlType;

/**
 * {@code left op right} for numbers. Build it with {@link Expression#plus}, {@link Expression#times}, ...
 *
 * <pre>{@code
 * Expression<Long> total = ORDERS.price.times(ORDERS.quantity);
 * }</pre>
 *
 * @param left     the left operand
 * @param operator the operator
 * @param right    the right operand
 * @param type     the SQL type of the result
 * @param <T>      the Java type of the result
 */
public record Arithmetic<T extends @Nullable Object>(Expression<?> left, ArithmeticOperator operator, Expression<?> right, SqlType<T> type)
        implements Expression<T> {

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitArithmetic(this);
    }
}
