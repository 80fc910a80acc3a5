package org.tabula.schema;

import java.util.List;
import org.tabula.type.Identifiers;

/** {@code CREATE [UNIQUE] INDEX name ON table (columns)}. */
public record Index(String name, Table table, List<Column<?>> columns, boolean unique) {

    public Index {
        Identifiers.check(name, "index name on " + table.name() + ":");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("index " + name + " on " + table.name() + " has no columns");
        }
    }
}
