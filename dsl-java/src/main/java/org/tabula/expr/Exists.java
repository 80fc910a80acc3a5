package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import org.tabula.statement.Select;

/** {@code [NOT] EXISTS (SELECT ...)}. */
public record Exists(Select subquery, boolean negated) implements Condition {

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitExists(this);
    }

    @Override
    public Condition not() {
        return new Exists(subquery, !negated);
    }
}
