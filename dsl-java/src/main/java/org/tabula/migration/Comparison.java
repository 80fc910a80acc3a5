package org.tabula.migration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tabula.dialect.Catalog;
import org.tabula.dialect.Dialect;
import org.tabula.schema.Column;
import org.tabula.schema.ForeignKey;
import org.tabula.schema.Index;
import org.tabula.schema.ReferentialAction;
import org.tabula.schema.Table;
import org.tabula.schema.UniqueConstraint;
import org.tabula.schema.inspect.ColumnInfo;
import org.tabula.schema.inspect.EnumTypeInfo;
import org.tabula.schema.inspect.ForeignKeyInfo;
import org.tabula.schema.inspect.IndexInfo;
import org.tabula.schema.inspect.TableInfo;
import org.tabula.schema.inspect.UniqueInfo;
import org.tabula.type.EnumType;
import org.tabula.type.SqlType;
import org.tabula.type.TypeKind;

/** Compares declared tables with the catalog's report, one kind of object at a time, in {@link SchemaDiff}'s order. */
final class Comparison {

    private final Dialect dialect;
    private final Catalog catalog;
    private final List<SchemaChange> out = new ArrayList<>();

    Comparison(Dialect dialect) {
        this.dialect = dialect;
        this.catalog = dialect.catalog();
    }

    List<SchemaChange> changes() {
        return out;
    }

    void enumTypes(List<EnumType<?>> declared, List<EnumTypeInfo> existing) {
        for (EnumType<?> type : declared) {
            EnumTypeInfo info = existing.stream().filter(e -> e.name().equals(type.nativeName())).findFirst().orElse(null);
            if (info == null) {
                out.add(new EnumTypeAdded(type));
                continue;
            }
            for (String label : type.labels()) {
                if (!info.labels().contains(label)) {
                    out.add(new EnumValueAdded(type.nativeName(), label));
                }
            }
        }
    }

    void tables(List<Table> declared, Map<String, TableInfo> existing) {
        Set<String> names = new HashSet<>();
        for (Table t : declared) {
            names.add(t.name());
            TableInfo info = existing.get(t.name());
            if (info == null) {
                out.add(new TableAdded(t));
            } else {
                columns(t, info);
                indexesAndUniques(t, info);
                foreignKeys(t, info);
            }
        }
        for (TableInfo info : existing.values()) {
            if (!names.contains(info.name())) {
                out.add(new TableDropped(info));
            }
        }
    }

    private void columns(Table t, TableInfo info) {
        for (Column<?> c : t.columns()) {
            ColumnInfo current = info.findColumn(c.name());
            if (current == null) {
                out.add(new ColumnAdded(c));
                continue;
            }
            String type = dialect.typeName(c.type(), c);
            if (!catalog.canonicalType(type).equals(catalog.canonicalType(current.typeName()))) {
                out.add(new ColumnTypeChanged(c, current, type, narrowing(c.type(), current, type)));
            }
            if (c.isNullable() != current.nullable()) {
                out.add(new NullabilityChanged(c, current));
            }
            String declaredDefault = dialect.serverDefaultSql(c);
            if (!c.isAutoIncrement() && !Objects.equals(catalog.canonicalDefault(declaredDefault),
                    catalog.canonicalDefault(current.serverDefault()))) {
                out.add(new ServerDefaultChanged(c, current, declaredDefault));
            }
        }
        for (ColumnInfo current : info.columns()) {
            if (t.findColumn(current.name()) == null) {
                out.add(new ColumnDropped(t.name(), current));
            }
        }
    }

    /** Whether values of the current type may not fit the declared one. */
    private boolean narrowing(SqlType<?> to, ColumnInfo current, String declaredType) {
        String was = catalog.canonicalType(current.typeName());
        String becomes = catalog.canonicalType(declaredType);
        if (was.startsWith("enum(") && becomes.startsWith(was.substring(0, was.length() - 1) + ",")) {
            return false; // MySQL's inline ENUM with labels appended
        }
        SqlType<?> from = current.type();
        if (from == null) {
            return true;
        }
        TypeKind a = from.kind();
        TypeKind b = to.kind();
        if (a == TypeKind.VARCHAR && (b == TypeKind.VARCHAR || b == TypeKind.ENUM)) {
            // a checked-VARCHAR enum is a VARCHAR as long as its longest label
            return to.length() != 0 && (from.length() == 0 || to.length() < from.length());
        }
        if (a == TypeKind.DECIMAL && b == TypeKind.DECIMAL) {
            return to.length() != 0 && (from.length() == 0 || to.length() < from.length() || to.scale() < from.scale()
                    || to.length() - to.scale() < from.length() - from.scale());
        }
        return !((a == TypeKind.VARCHAR || a == TypeKind.ENUM) && b == TypeKind.TEXT
                || a == TypeKind.INTEGER && (b == TypeKind.BIGINT || b == TypeKind.DECIMAL || b == TypeKind.DOUBLE));
    }

    private void indexesAndUniques(Table t, TableInfo info) {
        Set<String> indexNames = new HashSet<>();
        for (Index index : t.indexes()) {
            indexNames.add(index.name());
            List<String> cols = names(index.columns());
            IndexInfo found = info.indexes().stream().filter(i -> i.name().equals(index.name())).findFirst().orElse(null);
            UniqueInfo key = info.uniqueConstraints().stream().filter(u -> index.name().equals(u.name())).findFirst().orElse(null);
            if (found != null && found.columns().equals(cols) && found.unique() == index.unique()
                    || found == null && key != null && index.unique() && key.columns().equals(cols)) {
                continue;
            }
            if (found != null) {
                out.add(new IndexDropped(t.name(), found));
            } else if (key != null) {
                out.add(new UniqueDropped(t.name(), key));
            }
            out.add(new IndexAdded(index));
        }
        for (IndexInfo index : info.indexes()) {
            if (!indexNames.contains(index.name()) && !backsForeignKey(index, info)) {
                out.add(new IndexDropped(t.name(), index));
            }
        }
        List<UniqueInfo> unmatched = new ArrayList<>();
        for (UniqueInfo u : info.uniqueConstraints()) {
            if (u.name() == null || !indexNames.contains(u.name())) {
                unmatched.add(u);
            }
        }
        for (Column<?> c : t.columns()) {
            // A new unique column brings its UNIQUE along in ADD COLUMN.
            if (c.isUnique() && info.findColumn(c.name()) != null) {
                unique(t, "uq_" + t.name() + "_" + c.name(), List.of(c), unmatched);
            }
        }
        for (UniqueConstraint u : t.uniqueConstraints()) {
            unique(t, u.name(), u.columns(), unmatched);
        }
        for (UniqueInfo u : unmatched) {
            out.add(new UniqueDropped(t.name(), u));
        }
    }

    private void unique(Table t, String name, List<Column<?>> columns, List<UniqueInfo> unmatched) {
        List<String> cols = names(columns);
        for (UniqueInfo u : unmatched) {
            if (u.columns().equals(cols)) {
                unmatched.remove(u);
                return;
            }
        }
        out.add(new UniqueAdded(name, columns));
    }

    /** MySQL creates an index for each foreign key that has none; it is the key's, not the model's. */
    private static boolean backsForeignKey(IndexInfo index, TableInfo info) {
        for (ForeignKeyInfo fk : info.foreignKeys()) {
            if (index.columns().size() >= fk.columns().size()
                    && index.columns().subList(0, fk.columns().size()).equals(fk.columns())) {
                return true;
            }
        }
        return false;
    }

    private void foreignKeys(Table t, TableInfo info) {
        List<ForeignKeyInfo> unmatched = new ArrayList<>(info.foreignKeys());
        for (ForeignKey fk : t.foreignKeys()) {
            ForeignKeyInfo match = null;
            for (ForeignKeyInfo existing : unmatched) {
                if (existing.columns().equals(names(fk.columns())) && existing.targetTable().equals(fk.targetTable().name())
                        && existing.targetColumns().equals(names(fk.targets()))
                        && same(existing.onDelete(), fk.onDelete()) && same(existing.onUpdate(), fk.onUpdate())) {
                    match = existing;
                    break;
                }
            }
            if (match != null) {
                unmatched.remove(match);
            } else {
                out.add(new ForeignKeyAdded("fk_" + t.name() + "_" + String.join("_", names(fk.columns())), fk));
            }
        }
        for (ForeignKeyInfo fk : unmatched) {
            out.add(new ForeignKeyDropped(t.name(), fk));
        }
    }

    /** NO ACTION and RESTRICT differ only in when the check runs; MariaDB reports an unspecified action as RESTRICT. */
    private static boolean same(ReferentialAction a, ReferentialAction b) {
        return a == b || a == ReferentialAction.RESTRICT && b == ReferentialAction.NO_ACTION
                || a == ReferentialAction.NO_ACTION && b == ReferentialAction.RESTRICT;
    }

    static List<String> names(List<Column<?>> columns) {
        List<String> out = new ArrayList<>();
        for (Column<?> c : columns) {
            out.add(c.name());
        }
        return out;
    }
}
