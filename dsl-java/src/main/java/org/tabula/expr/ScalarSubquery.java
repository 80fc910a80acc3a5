package org.tabula.expr;

import org.tabula.statement.Select;
import org.tabula.type.SqlType;

/** {@code (SELECT single_value ...)} used as an expression. */
public record ScalarSubquery<T>(Select subquery, SqlType<T> type) implements Expression<T> {

    @Override
    public <R> R accept(SqlVisitor<R> visitor) {
        return visitor.visitScalarSubquery(this);
    }
}
