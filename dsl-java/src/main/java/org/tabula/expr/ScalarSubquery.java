package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import org.tabula.statement.Select;
import org.tabula.type.SqlType;

/** {@code (SELECT single_value ...)} used as an expression. */
public record ScalarSubquery<T extends @Nullable Object>(Select subquery, SqlType<T> type) implements Expression<T> {

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitScalarSubquery(this);
    }
}
