package org.tabula.migration;

import org.jspecify.annotations.Nullable;

/**
 * One difference between the declared model and the database, as found by {@link SchemaDiff}.
 * Each kind is a record a program can switch over; {@code toString()} is a one-line description.
 *
 * <pre>{@code
 * for (SchemaChange change : diff.changes()) {
 *     if (change instanceof ColumnAdded added) {
 *         System.out.println("new column " + added.column().qualifiedName());
 *     }
 * }
 * }</pre>
 */
public sealed interface SchemaChange permits TableAdded, TableDropped, ColumnAdded, ColumnDropped, ColumnTypeChanged,
        NullabilityChanged, ServerDefaultChanged, IndexAdded, IndexDropped, UniqueAdded, UniqueDropped,
        ForeignKeyAdded, ForeignKeyDropped, EnumTypeAdded, EnumValueAdded {

    /** The table the change concerns, or {@code null} for a change of a type. */
    @Nullable String table();

    /** Whether applying it can lose data (drops, narrowing type changes): such changes run only when asked for. */
    default boolean destructive() {
        return false;
    }
}
