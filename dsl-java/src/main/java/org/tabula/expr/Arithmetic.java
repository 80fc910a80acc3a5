package org.tabula.expr;

import org.tabula.type.SqlType;

/** {@code left op right} for numbers. */
public record Arithmetic<T>(Expression<?> left, ArithmeticOperator operator, Expression<?> right, SqlType<T> type)
        implements Expression<T> {

    @Override
    public <R> R accept(SqlVisitor<R> visitor) {
        return visitor.visitArithmetic(this);
    }
}
