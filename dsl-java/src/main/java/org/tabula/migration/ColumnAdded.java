package org.tabula.migration;

import org.tabula.schema.Column;

/**
 * A declared column the table lacks.
 */
public record ColumnAdded(Column<?> column) implements SchemaChange {

    @Override
    public String table() {
        return column.table().name();
    }

    @Override
    public String toString() {
        return "add column " + column.qualifiedName();
    }
}
