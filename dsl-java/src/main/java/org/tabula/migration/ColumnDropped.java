package org.tabula.migration;

import org.tabula.schema.inspect.ColumnInfo;

/**
 * A column the database has and the model does not; dropped only when destructive changes are asked for.
 */
public record ColumnDropped(String table, ColumnInfo column) implements SchemaChange {

    @Override
    public boolean destructive() {
        return true;
    }

    @Override
    public String toString() {
        return "drop column " + table + "." + column.name();
    }
}
