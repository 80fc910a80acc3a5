package org.tabula.migration;

import org.tabula.schema.ForeignKey;

/**
 * A declared foreign key the database lacks (or has with other columns or actions).
 *
 * @param name       the constraint name it is created under
 * @param foreignKey the declared key
 */
public record ForeignKeyAdded(String name, ForeignKey foreignKey) implements SchemaChange {

    @Override
    public String table() {
        return foreignKey.table().name();
    }

    @Override
    public String toString() {
        return "add foreign key " + name + " " + table() + " " + foreignKey.columns().stream().map(c -> c.name()).toList()
                + " -> " + foreignKey.targetTable().name() + " on delete " + foreignKey.onDelete().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
