package org.tabula.schema;

import java.util.List;
import org.tabula.type.Identifiers;

/** {@code UNIQUE (a, b)} spanning several columns; single-column ones use {@link Column#unique()}. */
public record UniqueConstraint(String name, List<Column<?>> columns) {

    /**
     * Checks the name and copies the columns: {@code unique("uq_name_email", name, email)} in a table builds one.
     *
     * @param name the constraint name
     * @param columns the columns, in key order
     * @throws IllegalArgumentException for an unusable name
     */
    public UniqueConstraint {
        Identifiers.check(name, "unique constraint name:");
        columns = List.copyOf(columns);
    }
}
