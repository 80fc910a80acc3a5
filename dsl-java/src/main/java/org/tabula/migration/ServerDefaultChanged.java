package org.tabula.migration;

import org.jspecify.annotations.Nullable;
import org.tabula.schema.Column;
import org.tabula.schema.inspect.ColumnInfo;

/**
 * A column whose server default differs from the declared one (set, changed or dropped).
 *
 * @param column     the column as declared
 * @param current    the column as the database has it
 * @param newDefault the declared default as the dialect writes it, or {@code null} to drop it
 */
public record ServerDefaultChanged(Column<?> column, ColumnInfo current, @Nullable String newDefault) implements SchemaChange {

    @Override
    public String table() {
        return column.table().name();
    }

    @Override
    public String toString() {
        return "change default of " + column.qualifiedName() + " from " + current.serverDefault() + " to " + newDefault;
    }
}
