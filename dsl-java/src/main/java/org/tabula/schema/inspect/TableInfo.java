package org.tabula.schema.inspect;

import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A table as the database reports it.
 *
 * <pre>{@code
 * TableInfo users = Inspector.of(engine).table("users");
 * users.primaryKey();          // [id]
 * users.column("email");       // ColumnInfo[name=email, typeName=varchar(120), ...]
 * }</pre>
 *
 * @param name              the table name
 * @param columns           the columns in table order
 * @param primaryKey        the primary key columns in key order (empty without one)
 * @param foreignKeys       the foreign keys
 * @param uniqueConstraints the UNIQUE constraints (unique keys on MySQL/MariaDB)
 * @param indexes           the other indexes
 * @param checks            the CHECK constraints where the database reports them
 */
@NullMarked
public record TableInfo(String name, List<ColumnInfo> columns, List<String> primaryKey,
                        List<ForeignKeyInfo> foreignKeys, List<UniqueInfo> uniqueConstraints,
                        List<IndexInfo> indexes, List<CheckInfo> checks) {

    /**
     * Copies the lists, so the record stays immutable: {@code inspector.table("users")}.
     *
     * @param name the table name
     * @param columns the columns in table order
     * @param primaryKey the primary key columns in key order (empty without one)
     * @param foreignKeys the foreign keys
     * @param uniqueConstraints the UNIQUE constraints (unique keys on MySQL/MariaDB)
     * @param indexes the other indexes
     * @param checks the CHECK constraints where the database reports them
     */
    public TableInfo {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        foreignKeys = List.copyOf(foreignKeys);
        uniqueConstraints = List.copyOf(uniqueConstraints);
        indexes = List.copyOf(indexes);
        checks = List.copyOf(checks);
    }

    /**
     * The column with this name, or {@code null}.
     *
     * <pre>{@code
     * ColumnInfo email = Inspector.of(engine).table("users").findColumn("email");   // null when there is none
     * }</pre>
     *
     * @param columnName the column's name as the database reports it: {@code users.column("name")}
     * @return the column's description
     */
    public @Nullable ColumnInfo findColumn(String columnName) {
        for (ColumnInfo c : columns) {
            if (c.name().equals(columnName)) {
                return c;
            }
        }
        return null;
    }

    /**
     * The column with this name.
     *
     * <pre>{@code
     * ColumnInfo email = Inspector.of(engine).table("users").column("email");
     * }</pre>
     *
     * @param columnName the column's name as the database reports it
     * @return the column's description, or {@code null} when the table has no such column
     */
    public ColumnInfo column(String columnName) {
        ColumnInfo c = findColumn(columnName);
        if (c == null) {
            throw new IllegalArgumentException("table " + name + " has no column " + columnName);
        }
        return c;
    }
}
