package org.tabula.migration;

import org.tabula.schema.Index;

/**
 * A declared index the database lacks.
 */
public record IndexAdded(Index index) implements SchemaChange {

    @Override
    public String table() {
        return index.table().name();
    }

    @Override
    public String toString() {
        return "add " + (index.unique() ? "unique " : "") + "index " + index.name() + " on " + index.table().name()
                + " " + index.columns().stream().map(c -> c.name()).toList();
    }
}
