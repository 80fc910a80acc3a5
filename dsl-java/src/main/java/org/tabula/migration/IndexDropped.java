package org.tabula.migration;

import org.tabula.schema.inspect.IndexInfo;

/**
 * An index the database has and the model does not.
 */
public record IndexDropped(String table, IndexInfo index) implements SchemaChange {

    @Override
    public String toString() {
        return "drop index " + index.name() + " on " + table;
    }
}
