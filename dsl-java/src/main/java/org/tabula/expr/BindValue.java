package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import org.tabula.type.SqlType;

/**
 * A value sent to the database as a bind parameter ({@code ?}), never as SQL text.
 * Build it with {@link Expression#bind}; comparisons with values create it for you.
 *
 * <pre>{@code
 * Expression<Integer> eighteen = USERS.age.bind(18);
 * }</pre>
 *
 * @param value the value, may be {@code null}
 * @param type  how to bind it
 * @param <T>   the Java type of the value
 */
public record BindValue<T extends @Nullable Object>(T value, SqlType<T> type) implements Expression<T> {

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitBindValue(this);
    }
}
