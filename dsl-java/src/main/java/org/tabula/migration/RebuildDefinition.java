package org.tabula.migration;

import java.util.ArrayList;
import java.util.List;
import org.tabula.schema.Column;
import org.tabula.schema.ForeignKey;
import org.tabula.schema.Table;
import org.tabula.schema.UniqueConstraint;
import org.tabula.schema.inspect.ColumnInfo;
import org.tabula.type.SqlType;
import org.tabula.type.SqlTypes;

/**
 * The new table of a SQLite rebuild: the declared table under a temporary name, plus the
 * existing columns the model no longer has when their drop was not asked for (so the rebuild
 * keeps them and their values).
 */
final class RebuildDefinition {

    private RebuildDefinition() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Table of(Table declared, String name, List<ColumnInfo> kept) {
        Table copy = new Table(name);
        for (Column<?> c : declared.columns()) {
            Column column = copy.column(c.name(), c.type());
            if (c.isNullable()) {
                column = column.nullable();
            }
            if (c.isPrimaryKey() && declared.primaryKey().size() == 1) {
                column = column.primaryKey();
            }
            if (c.isAutoIncrement()) {
                column = column.autoIncrement();
            }
            if (c.isUnique()) {
                column = column.unique();
            }
            if (c.serverDefault() != null) {
                column = column.serverDefault(c.serverDefault());
            }
        }
        if (declared.primaryKey().size() > 1) {
            copy.primaryKey(own(copy, declared.primaryKey()).toArray(new Column<?>[0]));
        }
        for (ForeignKey fk : declared.foreignKeys()) {
            // A key to the table itself points at its final name, which the rename restores.
            copy.foreignKey(own(copy, fk.columns()), fk.targets(), fk.onDelete(), fk.onUpdate());
        }
        for (UniqueConstraint u : declared.uniqueConstraints()) {
            copy.unique(u.name(), own(copy, u.columns()).toArray(new Column<?>[0]));
        }
        for (ColumnInfo info : kept) {
            SqlType type = info.type() != null ? info.type() : SqlTypes.ANY;
            Column column = copy.column(info.name(), type);
            if (info.nullable()) {
                column = column.nullable();
            }
            if (info.serverDefault() != null) {
                column.serverDefault(info.serverDefault());
            }
        }
        return copy;
    }

    private static List<Column<?>> own(Table copy, List<Column<?>> columns) {
        List<Column<?>> out = new ArrayList<>();
        for (Column<?> c : columns) {
            out.add(copy.column(c.name()));
        }
        return out;
    }
}
