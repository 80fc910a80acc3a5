package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import java.util.Objects;
import org.tabula.type.SqlType;

/** {@code expression AS alias}; in ORDER BY and GROUP BY it renders as the alias alone. */
public record Aliased<T extends @Nullable Object>(Expression<T> expression, String alias) implements Expression<T> {

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
