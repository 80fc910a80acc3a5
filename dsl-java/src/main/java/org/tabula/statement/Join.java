package org.tabula.statement;

import org.jspecify.annotations.Nullable;

import org.tabula.expr.Condition;
import org.tabula.expr.SqlVisitor;

/** {@code left JOIN right ON condition}. Built by {@link Select#join} and friends. */
public record Join(FromItem left, FromItem right, JoinType type, Condition on) implements FromItem {

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitJoin(this);
    }
}
