package org.tabula.statement;

import org.jspecify.annotations.Nullable;

import org.tabula.expr.Expression;
import org.tabula.expr.SqlVisitor;
import org.tabula.type.SqlType;

/** A column of a {@link DerivedTable}: {@code "alias"."name"}. */
public record DerivedColumn<T extends @Nullable Object>(DerivedTable table, String name, SqlType<T> type) implements Expression<T> {

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitDerivedColumn(this);
    }
}
