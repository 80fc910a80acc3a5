package org.tabula.migration;

import org.tabula.schema.Table;

/**
 * A declared table the database does not have; created with its indexes.
 */
public record TableAdded(Table definition) implements SchemaChange {

    @Override
    public String table() {
        return definition.name();
    }

    @Override
    public String toString() {
        return "add table " + definition.name();
    }
}
