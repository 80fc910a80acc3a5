package org.tabula.migration;

import org.tabula.schema.inspect.ForeignKeyInfo;

/**
 * A foreign key the database has and the model does not (or has with other columns or actions).
 */
public record ForeignKeyDropped(String table, ForeignKeyInfo foreignKey) implements SchemaChange {

    @Override
    public String toString() {
        return "drop foreign key " + foreignKey.name() + " " + table + " " + foreignKey.columns() + " -> "
                + foreignKey.targetTable();
    }
}
