package org.tabula.migration;

import org.tabula.schema.inspect.UniqueInfo;

/**
 * A UNIQUE constraint the database has and the model does not.
 */
public record UniqueDropped(String table, UniqueInfo unique) implements SchemaChange {

    @Override
    public String toString() {
        return "drop unique " + unique.name() + " on " + table + " " + unique.columns();
    }
}
