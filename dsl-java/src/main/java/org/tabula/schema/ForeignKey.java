package org.tabula.schema;

import java.util.List;

/**
 * {@code FOREIGN KEY (columns) REFERENCES target_table (targets) ON DELETE ... ON UPDATE ...}.
 * Declared with {@link Column#references} or, for composite keys, {@link Table#foreignKey}.
 */
public record ForeignKey(List<Column<?>> columns, List<Column<?>> targets,
                         ReferentialAction onDelete, ReferentialAction onUpdate) {

    /**
     * Copies the column lists: {@code POSTS.userId.references(USERS.id)} builds one.
     *
     * @param columns the referencing columns
     * @param targets the referenced columns, in the same order
     * @param onDelete what happens to the children when the parent is deleted
     * @param onUpdate what happens to the children when the parent's key changes
     */
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

    /**
     * The owning table.
     *
     * <pre>{@code
     * Table child = POSTS.userId.foreignKey().table();   // POSTS
     * }</pre>
     *
     * @return the table of the referencing columns: {@code fk.table()} is POSTS
     */
    public Table table() {
        return columns.get(0).table();
    }

    /**
     * The referenced table.
     *
     * <pre>{@code
     * Table parent = POSTS.userId.foreignKey().targetTable();   // USERS
     * }</pre>
     *
     * @return the table of the referenced columns: {@code fk.targetTable()} is USERS
     */
    public Table targetTable() {
        return targets.get(0).table();
    }
}
