package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import org.tabula.type.SqlType;
import org.tabula.type.SqlTypes;

/**
 * {@code *}, as in {@code COUNT(*)}.
 *
 * <pre>{@code
 * select(Sql.star()).from(USERS);
 * }</pre>
 */
public record Star() implements Expression<Object> {

    /** The one instance. */
    public static final Star INSTANCE = new Star();

    @Override
    public SqlType<Object> type() {
        return SqlTypes.ANY;
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitStar(this);
    }
}
