package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import org.tabula.type.SqlType;

/**
 * {@code CAST(expression AS type)}. Build it with {@link Expression#cast}.
 *
 * <pre>{@code
 * Expression<String> idText = USERS.id.cast(SqlTypes.VARCHAR);
 * }</pre>
 *
 * @param expression the converted expression
 * @param type       the target SQL type
 * @param <T>        the Java type of the target
 */
public record Cast<T extends @Nullable Object>(Expression<?> expression, SqlType<T> type) implements Expression<T> {

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitCast(this);
    }
}
