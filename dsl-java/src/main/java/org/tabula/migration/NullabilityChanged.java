package org.tabula.migration;

import org.tabula.schema.Column;
import org.tabula.schema.inspect.ColumnInfo;

/**
 * A column that is to accept NULL, or to refuse it. Refusing it fails where rows hold NULL,
 * unless the column declares a server default, which then fills those rows first.
 */
public record NullabilityChanged(Column<?> column, ColumnInfo current) implements SchemaChange {

    @Override
    public String table() {
        return column.table().name();
    }

    @Override
    public String toString() {
        return "make " + column.qualifiedName() + (column.isNullable() ? " NULL" : " NOT NULL");
    }
}
