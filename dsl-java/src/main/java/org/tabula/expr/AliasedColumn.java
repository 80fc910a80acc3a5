package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import org.tabula.schema.Column;
import org.tabula.schema.TableAlias;
import org.tabula.type.SqlType;

/**
 * A column seen through a table alias: {@code "u2"."name"}. Obtain it with {@link TableAlias#col}.
 *
 * <pre>{@code
 * TableAlias boss = USERS.as("boss");
 * select(USERS.name, boss.col(USERS.name)).from(USERS).join(boss, USERS.bossId.eq(boss.col(USERS.id)));
 * }</pre>
 *
 * @param alias  the table alias
 * @param column the column of the aliased table
 * @param <T>    the Java type of the values
 */
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
