package org.tabula.schema;

import java.util.ArrayList;
import java.util.List;
import org.tabula.schema.inspect.ColumnInfo;
import org.tabula.schema.inspect.ForeignKeyInfo;
import org.tabula.schema.inspect.IndexInfo;
import org.tabula.schema.inspect.TableInfo;
import org.tabula.schema.inspect.UniqueInfo;
import org.tabula.type.SqlType;
import org.tabula.type.SqlTypes;

/** Builds {@link Table}s from catalog reports, for {@link MetaData#reflect}. */
final class Reflection {

    private Reflection() {
    }

    static MetaData build(List<TableInfo> infos) {
        MetaData metaData = new MetaData();
        // Columns first, every table: foreign keys may point at any of them.
        for (TableInfo info : infos) {
            Table table = new Table(info.name());
            for (ColumnInfo c : info.columns()) {
                column(table, c, info.primaryKey());
            }
            if (info.primaryKey().size() > 1) {
                table.primaryKey(columns(table, info.primaryKey()).toArray(new Column<?>[0]));
            }
            metaData.add(table);
        }
        for (TableInfo info : infos) {
            Table table = metaData.table(info.name());
            for (ForeignKeyInfo fk : info.foreignKeys()) {
                foreignKey(metaData, table, fk);
            }
            for (UniqueInfo u : info.uniqueConstraints()) {
                String name = u.name() != null ? u.name() : "uq_" + info.name() + "_" + String.join("_", u.columns());
                table.unique(name, columns(table, u.columns()).toArray(new Column<?>[0]));
            }
            for (IndexInfo index : info.indexes()) {
                if (index.columns().isEmpty()) {
                    continue; // an expression index: nothing a Table can hold
                }
                Column<?>[] cols = columns(table, index.columns()).toArray(new Column<?>[0]);
                if (index.unique()) {
                    table.uniqueIndex(index.name(), cols);
                } else {
                    table.index(index.name(), cols);
                }
            }
        }
        return metaData;
    }

    private static void column(Table table, ColumnInfo info, List<String> primaryKey) {
        SqlType<?> type = info.type() != null ? info.type() : SqlTypes.ANY;
        Column<?> column = table.column(info.name(), type);
        if (info.nullable() && !primaryKey.contains(info.name())) {
            column = column.nullable();
        }
        if (primaryKey.size() == 1 && primaryKey.get(0).equals(info.name())) {
            column = column.primaryKey();
        }
        if (info.autoIncrement()) {
            column = column.autoIncrement();
        }
        if (info.serverDefault() != null) {
            column.serverDefault(info.serverDefault());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void foreignKey(MetaData metaData, Table table, ForeignKeyInfo fk) {
        Table target;
        try {
            target = metaData.table(fk.targetTable());
        } catch (IllegalArgumentException outsideTheSchema) {
            return;
        }
        List<Column<?>> own = columns(table, fk.columns());
        List<Column<?>> targets = columns(target, fk.targetColumns());
        if (own.size() == 1) {
            ((Column) own.get(0)).references((Column) targets.get(0), fk.onDelete(), fk.onUpdate());
        } else {
            table.foreignKey(own, targets, fk.onDelete(), fk.onUpdate());
        }
    }

    private static List<Column<?>> columns(Table table, List<String> names) {
        List<Column<?>> out = new ArrayList<>();
        for (String name : names) {
            out.add(table.column(name));
        }
        return out;
    }
}
