package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import org.tabula.schema.Column;
import org.tabula.schema.TableAlias;
import org.tabula.type.SqlType;

/** A column seen through a table alias: {@code "u2"."name"}. Obtain it with {@link TableAlias#col}. */
public record AliasedColumn<T extends @Nullable Object>(TableAlias alias, Column<T> column) implements Expression<T> {

    @Override
    public SqlType<T> type() {
        return column.type();
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitAliasedColumn(this);
    }
}
