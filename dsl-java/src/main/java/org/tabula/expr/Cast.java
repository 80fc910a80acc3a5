package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import org.tabula.type.SqlType;

/** {@code CAST(expression AS type)}. */
public record Cast<T extends @Nullable Object>(Expression<?> expression, SqlType<T> type) implements Expression<T> {

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitCast(this);
    }
}
