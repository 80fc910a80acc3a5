package org.tabula.schema;

import java.util.List;

/**
 * {@code FOREIGN KEY (columns) REFERENCES target_table (targets) ON DELETE ... ON UPDATE ...}.
 * Declared with {@link Column#references} or, for composite keys, {@link Table#foreignKey}.
 */
public record ForeignKey(List<Column<?>> columns, List<Column<?>> targets,
                         ReferentialAction onDelete, ReferentialAction onUpdate) {

    public ForeignKey {
        columns = List.copyOf(columns);
        targets = List.copyOf(targets);
        if (columns.isEmpty() || columns.size() != targets.size()) {
            throw new IllegalArgumentException("a foreign key needs as many target columns as columns");
        }
        Table target = targets.get(0).table();
        for (Column<?> t : targets) {
            if (t.table() != target) {
                throw new IllegalArgumentException("foreign key targets must all belong to one table");
            }
        }
    }

    /** The owning table. */
    public Table table() {
        return columns.get(0).table();
    }

    /** The referenced table. */
    public Table targetTable() {
        return targets.get(0).table();
    }
}
