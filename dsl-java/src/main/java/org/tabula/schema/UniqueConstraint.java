package org.tabula.schema;

import java.util.List;

/** {@code UNIQUE (a, b)} spanning several columns; single-column ones use {@link Column#unique()}. */
public record UniqueConstraint(String name, List<Column<?>> columns) {

    public UniqueConstraint {
        Identifiers.check(name, "unique constraint name:");
        columns = List.copyOf(columns);
    }
}
