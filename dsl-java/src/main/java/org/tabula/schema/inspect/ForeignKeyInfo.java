package org.tabula.schema.inspect;

import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.tabula.schema.ReferentialAction;

/**
 * A foreign key as the database reports it.
 *
 * <pre>{@code
 * ForeignKeyInfo fk = inspector.table("posts").foreignKeys().get(0);
 * fk.targetTable();   // "users"
 * fk.onDelete();      // ReferentialAction.CASCADE
 * }</pre>
 *
 * @param name          the constraint name, or {@code null} where the database keeps none (SQLite)
 * @param columns       the referencing columns
 * @param targetTable   the referenced table
 * @param targetColumns the referenced columns, in the same order
 * @param onDelete      the ON DELETE action
 * @param onUpdate      the ON UPDATE action
 */
@NullMarked
public record ForeignKeyInfo(@Nullable String name, List<String> columns, String targetTable, List<String> targetColumns,
                             ReferentialAction onDelete, ReferentialAction onUpdate) {

    /**
     * Copies the lists, so the record stays immutable: {@code inspector.table("posts").foreignKeys().get(0)}.
     *
     * @param name the constraint name, or {@code null} where the database keeps none (SQLite)
     * @param columns the referencing columns
     * @param targetTable the referenced table
     * @param targetColumns the referenced columns, in the same order
     * @param onDelete the ON DELETE action
     * @param onUpdate the ON UPDATE action
     */
    public ForeignKeyInfo {
        columns = List.copyOf(columns);
        targetColumns = List.copyOf(targetColumns);
    }
}
