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

    /**
     * The table the change concerns, or {@code null} for a change of a type.
     *
     * <pre>{@code
     * Map<String, List<SchemaChange>> byTable = diff.changes().stream().collect(Collectors.groupingBy(SchemaChange::table));
     * }</pre>
     *
     * @return the table's name: {@code change.table()} is {@code "users"} for a column added to users
     */
    @Nullable String table();

    /**
     * Whether applying it can lose data (drops, narrowing type changes): such changes run only when asked for.
     *
     * <pre>{@code
     * boolean safe = diff.changes().stream().noneMatch(SchemaChange::destructive);
     * }</pre>
     *
     * @return {@code true} for a drop or a narrowing: {@code diff.changes().stream().filter(SchemaChange::destructive)}
     */
    default boolean destructive() {
        return false;
    }
}
