package org.tabula.migration;

import java.util.List;
import org.tabula.schema.Column;

/**
 * A declared UNIQUE constraint (table-level, or a column's {@code unique()}) the database lacks.
 */
public record UniqueAdded(String name, List<Column<?>> columns) implements SchemaChange {

    /**
     * Copies the lists, so the record stays immutable: {@code new UniqueAdded("uq_users_email", List.of(USERS.email))}.
     *
     * @param name the constraint's name, {@code uq_users_email}
     * @param columns the declared columns it covers, in key order
     */
    public UniqueAdded {
        columns = List.copyOf(columns);
    }

    @Override
    public String table() {
        return columns.get(0).table().name();
    }

    @Override
    public String toString() {
        return "add unique " + name + " on " + table() + " " + columns.stream().map(c -> c.name()).toList();
    }
}
