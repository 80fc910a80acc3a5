package org.tabula.migration;

import org.jspecify.annotations.Nullable;

/**
 * A label a named enum type (PostgreSQL) lacks; appended to the type.
 */
public record EnumValueAdded(String typeName, String label) implements SchemaChange {

    @Override
    public @Nullable String table() {
        return null;
    }

    @Override
    public String toString() {
        return "add value '" + label + "' to enum type " + typeName;
    }
}
