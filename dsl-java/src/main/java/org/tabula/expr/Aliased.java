package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import java.util.Objects;
import org.tabula.type.SqlType;

/**
 * {@code expression AS alias}; in ORDER BY and GROUP BY it renders as the alias alone.
 * Build it with {@link Expression#as}.
 *
 * <pre>{@code
 * var total = ORDERS.price.times(ORDERS.quantity).as("total");
 * select(ORDERS.userId, total).from(ORDERS).orderBy(total.desc());
 * }</pre>
 *
 * @param expression the aliased expression
 * @param alias      the alias, quoted by the dialect
 * @param <T>        the Java type of the values
 */
public record Aliased<T extends @Nullable Object>(Expression<T> expression, String alias) implements Expression<T> {

    /**
     * Checks the alias.
     *
     * @param expression the aliased expression
     * @param alias the alias, quoted by the dialect
     * @throws NullPointerException     if {@code expression} is {@code null}
     * @throws IllegalArgumentException if {@code alias} is empty or not a valid identifier
     */
    public Aliased {
        Objects.requireNonNull(expression, "expression");
        if (alias == null || alias.isEmpty()) {
            throw new IllegalArgumentException("alias must not be empty");
        }
        org.tabula.type.Identifiers.check(alias, "alias");
    }

    @Override
    public SqlType<T> type() {
        return expression.type();
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitAliased(this);
    }
}
