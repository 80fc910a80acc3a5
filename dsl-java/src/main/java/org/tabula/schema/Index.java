package org.tabula.schema;

import java.util.List;
import org.tabula.type.Identifiers;

/** {@code CREATE [UNIQUE] INDEX name ON table (columns)}. */
public record Index(String name, Table table, List<Column<?>> columns, boolean unique) {

    /**
     * Checks the name and copies the columns: {@code USERS.index("ix_users_name", USERS.name)} builds one.
     *
     * @param name the index name
     * @param table the indexed table
     * @param columns the indexed columns, in key order; at least one
     * @param unique whether it is a unique index
     * @throws IllegalArgumentException for an unusable name or no columns
     */
    public Index {
        Identifiers.check(name, "index name on " + table.name() + ":");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("index " + name + " on " + table.name() + " has no columns");
        }
    }
}
