package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import org.tabula.schema.Column;
import org.tabula.type.SqlType;

/**
 * In an upsert's update part, the value the INSERT proposed for {@code column}:
 * {@code excluded."col"} on SQLite/PostgreSQL, {@code VALUES(`col`)} on MySQL/MariaDB.
 * Build it with {@code Sql.excluded(column)}.
 *
 * <pre>{@code
 * Expression<String> proposedName = Sql.excluded(USERS.name);
 * }</pre>
 *
 * @param column the column whose proposed value is meant
 * @param <T>    the Java type of the values
 */
public record Excluded<T extends @Nullable Object>(Column<T> column) implements Expression<T> {

    @Override
    public SqlType<T> type() {
        return column.type();
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitExcluded(this);
    }
}
