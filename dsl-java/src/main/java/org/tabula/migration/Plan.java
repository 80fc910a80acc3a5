package org.tabula.migration;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tabula.dialect.Dialect;
import org.tabula.expr.Literal;
import org.tabula.expr.RawSql;
import org.tabula.schema.Column;
import org.tabula.schema.ForeignKey;
import org.tabula.schema.Index;
import org.tabula.schema.Table;
import org.tabula.schema.inspect.ColumnInfo;
import org.tabula.schema.inspect.ForeignKeyInfo;
import org.tabula.schema.inspect.IndexInfo;
import org.tabula.schema.inspect.TableInfo;
import org.tabula.statement.AddColumn;
import org.tabula.statement.AddEnumValue;
import org.tabula.statement.AddForeignKey;
import org.tabula.statement.AddUnique;
import org.tabula.statement.AlterColumn;
import org.tabula.statement.CopyRows;
import org.tabula.statement.CreateEnumType;
import org.tabula.statement.CreateIndex;
import org.tabula.statement.CreateTable;
import org.tabula.statement.DropColumn;
import org.tabula.statement.DropForeignKey;
import org.tabula.statement.DropIndex;
import org.tabula.statement.DropTable;
import org.tabula.statement.DropUnique;
import org.tabula.statement.RenameTable;
import org.tabula.statement.Statement;
import org.tabula.statement.Update;
import org.tabula.type.SqlTypes;

/**
 * Turns a list of changes into statements in a safe order: enum types; drops of keys and
 * indexes; new tables, referenced ones first; per existing table added columns, altered columns
 * (NULLs filled from a new server default first), new keys and indexes; then, when asked for,
 * dropped columns and tables (referencing ones first). Where the database cannot alter in place
 * (SQLite) a changed table is rebuilt: create the new definition, copy the rows, drop the old,
 * rename, re-create its indexes.
 */
final class Plan {

    /** One statement and the changes it carries out, for error messages. */
    record Step(List<SchemaChange> changes, Statement statement) {
    }

    static final String REBUILD_PREFIX = "_tabula_new_";

    private final Dialect dialect;
    private final boolean destructive;
    private final List<Step> steps = new ArrayList<>();

    private Plan(Dialect dialect, boolean destructive) {
        this.dialect = dialect;
        this.destructive = destructive;
    }

    static List<Step> of(Dialect dialect, List<SchemaChange> changes, List<Table> tableOrder, boolean destructive) {
        Plan plan = new Plan(dialect, destructive);
        plan.build(changes, tableOrder);
        return plan.steps;
    }

    private void add(SchemaChange change, Statement statement) {
        steps.add(new Step(List.of(change), statement));
    }

    private void build(List<SchemaChange> changes, List<Table> tableOrder) {
        Map<String, List<SchemaChange>> byTable = new LinkedHashMap<>();
        for (SchemaChange c : changes) {
            if (c instanceof EnumTypeAdded e) {
                add(c, new CreateEnumType(e.type()));
            } else if (c instanceof EnumValueAdded v) {
                add(c, new AddEnumValue(v.typeName(), v.label()));
            } else if (!(c instanceof TableAdded) && !(c instanceof TableDropped)) {
                byTable.computeIfAbsent(c.table(), k -> new ArrayList<>()).add(c);
            }
        }
        Set<String> rebuilt = new LinkedHashSet<>();
        if (!dialect.altersTablesInPlace()) {
            byTable.forEach((table, list) -> {
                if (needsRebuild(list)) {
                    rebuilt.add(table);
                }
            });
        }
        for (Map.Entry<String, List<SchemaChange>> e : byTable.entrySet()) {
            if (!rebuilt.contains(e.getKey())) {
                dropKeys(e.getValue());
            }
        }
        for (Table t : tableOrder) {
            TableAdded added = changes.stream().filter(c -> c instanceof TableAdded a && a.table().equals(t.name()))
                    .map(c -> (TableAdded) c).findFirst().orElse(null);
            if (added != null) {
                add(added, new CreateTable(t, false));
                for (Index index : t.indexes()) {
                    add(added, new CreateIndex(index, false));
                }
            }
        }
        for (Table t : tableOrder) {
            List<SchemaChange> list = byTable.get(t.name());
            if (list == null) {
                continue;
            }
            if (rebuilt.contains(t.name())) {
                rebuild(t, list);
            } else {
                alter(list);
            }
        }
        if (destructive) {
            for (Map.Entry<String, List<SchemaChange>> e : byTable.entrySet()) {
                if (!rebuilt.contains(e.getKey())) {
                    for (SchemaChange c : e.getValue()) {
                        if (c instanceof ColumnDropped d) {
                            add(c, new DropColumn(d.table(), d.column().name()));
                        }
                    }
                }
            }
            for (TableDropped d : dropOrder(changes)) {
                add(d, new DropTable(new Table(d.info().name()), false));
            }
        }
    }

    private boolean needsRebuild(List<SchemaChange> list) {
        for (SchemaChange c : list) {
            boolean inPlace = c instanceof IndexAdded || c instanceof IndexDropped
                    || c instanceof ColumnAdded a && addsInPlace(a.column())
                    || !destructive && c.destructive();
            if (!inPlace) {
                return true;
            }
        }
        return false;
    }

    /** SQLite's ADD COLUMN takes no key, no UNIQUE and NOT NULL only with a constant default. */
    private static boolean addsInPlace(Column<?> c) {
        for (ForeignKey fk : c.table().foreignKeys()) {
            if (fk.columns().contains(c)) {
                return false;
            }
        }
        return !c.isPrimaryKey() && !c.isUnique() && !c.isAutoIncrement()
                && (c.isNullable() || c.serverDefault() instanceof Literal<?>);
    }

    private void dropKeys(List<SchemaChange> list) {
        for (SchemaChange c : list) {
            if (c instanceof ForeignKeyDropped d) {
                add(c, new DropForeignKey(d.table(), requireName(d.foreignKey().name(), d)));
            } else if (c instanceof UniqueDropped d) {
                add(c, new DropUnique(d.table(), requireName(d.unique().name(), d)));
            } else if (c instanceof IndexDropped d) {
                add(c, new DropIndex(stub(d.table(), d.index()), false));
            }
        }
    }

    private static String requireName(String name, SchemaChange change) {
        if (name == null) {
            throw new IllegalStateException("cannot " + change + ": the database keeps no name for it");
        }
        return name;
    }

    /** An index that only names itself and its table, for DROP INDEX. */
    private static Index stub(String table, IndexInfo info) {
        Table t = new Table(table);
        List<Column<?>> cols = new ArrayList<>();
        for (String name : info.columns().isEmpty() ? List.of("expression") : info.columns()) {
            cols.add(t.column(name, SqlTypes.ANY));
        }
        return new Index(info.name(), t, cols, info.unique());
    }

    private void alter(List<SchemaChange> list) {
        Map<Column<?>, List<SchemaChange>> columnChanges = new LinkedHashMap<>();
        for (SchemaChange c : list) {
            if (c instanceof ColumnAdded a) {
                add(c, new AddColumn(a.column()));
            } else if (c instanceof ColumnTypeChanged t && (destructive || !t.narrowing())) {
                columnChanges.computeIfAbsent(t.column(), k -> new ArrayList<>()).add(c);
            } else if (c instanceof NullabilityChanged n) {
                columnChanges.computeIfAbsent(n.column(), k -> new ArrayList<>()).add(c);
            } else if (c instanceof ServerDefaultChanged d) {
                columnChanges.computeIfAbsent(d.column(), k -> new ArrayList<>()).add(c);
            }
        }
        columnChanges.forEach((column, changes) -> {
            backfill(column, changes);
            steps.add(new Step(changes, new AlterColumn(column,
                    changes.stream().anyMatch(c -> c instanceof ColumnTypeChanged),
                    changes.stream().anyMatch(c -> c instanceof NullabilityChanged),
                    changes.stream().anyMatch(c -> c instanceof ServerDefaultChanged))));
        });
        for (SchemaChange c : list) {
            if (c instanceof UniqueAdded u) {
                add(c, new AddUnique(u.name(), u.columns()));
            } else if (c instanceof IndexAdded i) {
                add(c, new CreateIndex(i.index(), false));
            } else if (c instanceof ForeignKeyAdded f) {
                add(c, new AddForeignKey(f.name(), f.foreignKey()));
            }
        }
    }

    /** A column becoming NOT NULL with a server default first takes the default where it holds NULL. */
    private void backfill(Column<?> column, List<SchemaChange> changes) {
        for (SchemaChange c : changes) {
            if (c instanceof NullabilityChanged && !column.isNullable() && column.serverDefault() != null) {
                steps.add(new Step(changes, fillNulls(column)));
            }
        }
    }

    /** The default as DDL text, so that a written migration script carries no parameters. */
    private <T extends @Nullable Object> Update fillNulls(Column<T> column) {
        return Update.of(column.table()).set(column, new RawSql<>(dialect.serverDefaultSql(column), column.type()))
                .where(column.isNull());
    }

    private void rebuild(Table t, List<SchemaChange> list) {
        List<SchemaChange> narrowing = list.stream().filter(c -> c instanceof ColumnTypeChanged && c.destructive()).toList();
        if (!destructive && !narrowing.isEmpty()) {
            throw new SchemaChangeException("rebuilding table " + t.name() + " for " + list
                    + " would also narrow " + narrowing + "; ask for destructive changes or keep the type", narrowing, null);
        }
        List<String> copied = new ArrayList<>();
        for (Column<?> c : t.columns()) {
            if (list.stream().noneMatch(ch -> ch instanceof ColumnAdded a && a.column().name().equals(c.name()))) {
                copied.add(c.name());
            }
        }
        List<ColumnInfo> kept = new ArrayList<>();
        for (SchemaChange c : list) {
            if (c instanceof NullabilityChanged n) {
                backfill(n.column(), List.of(c));
            } else if (c instanceof ColumnDropped d && !destructive) {
                kept.add(d.column());
                copied.add(d.column().name());
            }
        }
        String temporary = REBUILD_PREFIX + t.name();
        steps.add(new Step(list, new CreateTable(RebuildDefinition.of(t, temporary, kept), false)));
        steps.add(new Step(list, new CopyRows(t.name(), temporary, copied)));
        steps.add(new Step(list, new DropTable(t, false)));
        steps.add(new Step(list, new RenameTable(temporary, t.name())));
        for (Index index : t.indexes()) {
            steps.add(new Step(list, new CreateIndex(index, false)));
        }
    }

    /** Dropped tables, each before the dropped tables it references. */
    private static List<TableDropped> dropOrder(List<SchemaChange> changes) {
        List<TableDropped> pending = new ArrayList<>();
        for (SchemaChange c : changes) {
            if (c instanceof TableDropped d) {
                pending.add(d);
            }
        }
        List<TableDropped> order = new ArrayList<>();
        while (!pending.isEmpty()) {
            TableDropped next = pending.get(0);
            for (TableDropped candidate : pending) {
                if (!referenced(candidate, pending)) {
                    next = candidate;
                    break;
                }
            }
            pending.remove(next);
            order.add(next);
        }
        return order;
    }

    private static boolean referenced(TableDropped table, List<TableDropped> others) {
        for (TableDropped other : others) {
            for (ForeignKeyInfo fk : other.info().foreignKeys()) {
                if (other != table && fk.targetTable().equals(table.info().name())) {
                    return true;
                }
            }
        }
        return false;
    }
}
