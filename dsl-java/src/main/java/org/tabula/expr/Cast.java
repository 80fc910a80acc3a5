package org.tabula.expr;

import org.tabula.type.SqlType;

/** {@code CAST(expression AS type)}. */
public record Cast<T>(Expression<?> expression, SqlType<T> type) implements Expression<T> {

    @Override
    public <R> R accept(SqlVisitor<R> visitor) {
        return visitor.visitCast(this);
    }
}
