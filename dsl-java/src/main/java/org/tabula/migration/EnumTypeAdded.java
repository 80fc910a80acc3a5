package org.tabula.migration;

import org.jspecify.annotations.Nullable;
import org.tabula.type.EnumType;

/**
 * A named enum type (PostgreSQL) the database lacks.
 */
public record EnumTypeAdded(EnumType<?> type) implements SchemaChange {

    @Override
    public @Nullable String table() {
        return null;
    }

    @Override
    public String toString() {
        return "create enum type " + type.nativeName() + " " + type.labels();
    }
}
