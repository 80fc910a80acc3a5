package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import org.tabula.type.SqlType;

/** {@code left op right} for numbers. */
public record Arithmetic<T extends @Nullable Object>(Expression<?> left, ArithmeticOperator operator, Expression<?> right, SqlType<T> type)
        implements Expression<T> {

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitArithmetic(this);
    }
}
