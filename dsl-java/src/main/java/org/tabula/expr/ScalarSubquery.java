package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import org.tabula.statement.Select;
import org.tabula.type.SqlType;

/**
 * {@code (SELECT single_value ...)} used as an expression; build it with {@link Select#asScalar()}.
 *
 * <pre>{@code
 * ScalarSubquery<Long> orders = select(Sql.count()).from(ORDERS).where(ORDERS.userId.eq(USERS.id)).asScalar();
 * select(USERS.name, orders.as("orders")).from(USERS);
 * }</pre>
 *
 * @param subquery the select of one row and one column
 * @param type     the SQL type of its value
 * @param <T>      the Java type of its value
 */
public record ScalarSubquery<T extends @Nullable Object>(Select subquery, SqlType<T> type) implements Expression<T> {

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitScalarSubquery(this);
    }
}
