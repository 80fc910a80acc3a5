package org.tabula.migration;

import org.tabula.schema.Column;
import org.tabula.schema.inspect.ColumnInfo;

/**
 * A column whose type differs from the declared one. A change that may not hold every stored
 * value (a shorter VARCHAR, another family of type) is narrowing and applied only when destructive
 * changes are asked for.
 *
 * @param column    the column as declared
 * @param current   the column as the database has it
 * @param newType   the declared type as the dialect writes it
 * @param narrowing whether stored values may not fit
 */
public record ColumnTypeChanged(Column<?> column, ColumnInfo current, String newType, boolean narrowing) implements SchemaChange {

    @Override
    public String table() {
        return column.table().name();
    }

    @Override
    public boolean destructive() {
        return narrowing;
    }

    @Override
    public String toString() {
        return (narrowing ? "narrow " : "widen ") + column.qualifiedName() + " from " + current.typeName() + " to " + newType;
    }
}
