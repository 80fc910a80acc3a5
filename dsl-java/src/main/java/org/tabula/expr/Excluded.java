package org.tabula.expr;

import org.tabula.schema.Column;
import org.tabula.type.SqlType;

/**
 * In an upsert's update part, the value the INSERT proposed for {@code column}:
 * {@code excluded."col"} on SQLite/PostgreSQL, {@code VALUES(`col`)} on MySQL/MariaDB.
 */
public record Excluded<T>(Column<T> column) implements Expression<T> {

    @Override
    public SqlType<T> type() {
        return column.type();
    }

    @Override
    public <R> R accept(SqlVisitor<R> visitor) {
        return visitor.visitExcluded(this);
    }
}
