package org.tabula.orm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.tabula.dialect.Dialect;
import org.tabula.engine.Connection;
import org.tabula.expr.Condition;
import org.tabula.expr.Expression;
import org.tabula.result.Row;
import org.tabula.schema.Column;
import org.tabula.schema.ForeignKey;
import org.tabula.schema.Table;
import org.tabula.statement.Delete;
import org.tabula.statement.Insert;
import org.tabula.statement.InsertRow;
import org.tabula.statement.Select;
import org.tabula.statement.Update;

/**
 * The statements of one flush: INSERTs (batched where nothing or only a generated key comes
 * back), UPDATEs of changed columns, DELETEs by key; generated keys, client defaults and server
 * defaults are set on the objects. Every value it sets is recorded in {@code undo}, so that a
 * failed flush leaves the objects as they were.
 */
final class Persistence {

    private final Connection conn;
    private final List<Runnable> undo;
    /**
     * The attributes (bit {@code i}: {@code columnAttributes().get(i)}) whose columns the last
     * {@link #valuesToInsert} row holds, or -1 when there are too many to say: lets rows be
     * grouped into batches without comparing their column names.
     */
    private long columnsSet;

    Persistence(Connection conn, List<Runnable> undo) {
        this.conn = conn;
        this.undo = undo;
    }

    /** Where the values set by this flush are recorded. */
    List<Runnable> undo() {
        return undo;
    }

    // ---------------------------------------------------------------- INSERT

    /** Inserts the new objects of {@code table}, in order; {@code plan} sets their foreign keys first. */
    void insertAll(Table table, List<EntityState> inserts, RelationshipFlush plan) {
        // New objects whose only database-made value is a single generated key are inserted as a
        // batch that returns the keys, unless a row may reference another row of the same table
        // (its foreign key would be taken before the referenced row's key is known).
        Column<?> generatedKey = table.primaryKey().size() == 1 && table.primaryKey().get(0).isAutoIncrement()
                ? table.primaryKey().get(0) : null;
        boolean selfReferencing = referencesItself(table);
        boolean batchesKeys = generatedKey != null && !selfReferencing;
        // Rows of a self-referencing table not yet written: a reference to one of them waits for a post-update.
        Set<Object> unwritten = plan != null && selfReferencing ? unwritten(table, inserts) : Collections.emptySet();
        InsertBatches batches = new InsertBatches(conn, table, generatedKey, undo);
        List<ColumnAttribute> fetch = new ArrayList<>();
        for (EntityState s : inserts) {
            if (s.mapping.table() != table) {
                continue;
            }
            if (plan != null) {
                plan.applyForeignKeys(s, undo, unwritten);
            }
            fetch.clear();
            Map<String, Object> row = valuesToInsert(s, fetch);
            long columns = columnsSet;
            boolean keyed = batchesKeys && fetch.size() == 1 && fetch.get(0).column() == generatedKey && !row.isEmpty();
            if ((keyed || fetch.isEmpty()) && plan == null && row instanceof InsertValues written) {
                // What the INSERT writes is the object's new baseline, and gives its key (a generated
                // key is added when it comes back), taken now while the object is at hand.
                s.snapshot = written.values;
                if (!keyed) {
                    s.key(s.mapping.keyOf(written.values));
                }
            }
            if (keyed) {
                batches.addKeyed(s, row, columns);     // only the generated key comes back
            } else if (fetch.isEmpty()) {
                batches.addPlain(s.mapping, row, columns);
            } else {
                batches.sendKeyed();
                batches.sendPlain();
                insertFetching(table, s, row, fetch);
            }
            unwritten.remove(s.entity);
        }
        batches.sendPlain();
        batches.sendKeyed();
        if (plan != null) {
            plan.postUpdate(conn, undo);
        }
    }

    private static Set<Object> unwritten(Table table, List<EntityState> inserts) {
        Set<Object> out = Collections.newSetFromMap(new IdentityHashMap<>());
        for (EntityState s : inserts) {
            if (s.mapping.table() == table) {
                out.add(s.entity);
            }
        }
        return out;
    }

    /**
     * The column values to insert for a new object (client defaults applied); the attributes whose
     * values the database makes (generated keys, server defaults) go to {@code fetch} instead.
     * The row is an {@link InsertValues} over all the object's column values (those of
     * {@code fetch} as they were), or for a mapping of 64 attributes or more an {@link InsertRow}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Map<String, Object> valuesToInsert(EntityState s, List<ColumnAttribute> fetch) {
        List<ColumnAttribute> attributes = s.mapping.columnAttributes();
        int n = attributes.size();
        InsertRow wide = n < Long.SIZE ? null : InsertRow.of(s.mapping.table());
        Object[] values = s.mapping.read(s.entity);
        long set = 0;
        for (int i = 0; i < n; i++) {
            ColumnAttribute a = attributes.get(i);
            Column<?> c = a.column();
            Object v = values[i];
            if (v == ColumnAttribute.NOT_LOADED) {
                throw new OrmException("cannot insert " + EntityState.describe(s.entity) + ": " + a.qualifiedName()
                        + " is a Lazy holder that was never loaded; give it a value with Lazy.of(...)");
            }
            if (c.isAutoIncrement() && isUnsetNumber(a, v)) {
                fetch.add(a);
            } else {
                if (v == null && c.defaultValue() != null) {
                    v = c.defaultValue().get();
                    setWithUndo(a, s.entity, v, undo);
                }
                if (v == null && c.hasServerValue()) {
                    fetch.add(a);
                } else if (wide != null) {
                    wide.set((Column) c, v);
                } else {
                    set |= 1L << i;
                }
            }
            values[i] = v;
        }
        columnsSet = wide == null ? set : -1;
        return wide == null ? new InsertValues(s.mapping.columnNames(), values, set) : wide;
    }

    /** One INSERT whose database-made values are read back: RETURNING, else the generated key and a SELECT. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void insertFetching(Table table, EntityState s, Map<String, Object> row, List<ColumnAttribute> fetch) {
        Insert insert = Insert.into(table);
        for (Map.Entry<String, Object> e : row.entrySet()) {
            insert = insert.set((Column) table.column(e.getKey()), e.getValue());
        }
        if (row.isEmpty()) {
            throw new OrmException("cannot insert " + EntityState.describe(s.entity) + ": every column of " + table.name()
                    + " is generated by the database; give at least one value");
        }
        if (conn.dialect().supportsReturning(Dialect.ReturningSupport.INSERT)) {
            Row back = conn.execute(insert.returning(columns(fetch))).one();
            for (ColumnAttribute a : fetch) {
                setWithUndo(a, s.entity, back.get(a.column()), undo);
            }
            return;
        }
        Row key = conn.execute(insert).insertedPrimaryKey();
        List<ColumnAttribute> rest = new ArrayList<>();
        for (ColumnAttribute a : fetch) {
            if (a.column().isPrimaryKey() && key != null) {
                setWithUndo(a, s.entity, key.get(a.column()), undo);
            } else {
                rest.add(a);
            }
        }
        if (!rest.isEmpty()) {
            readBack(table, s, rest);
        }
    }

    /** Server defaults of a row just inserted, selected by its (now known) primary key. */
    private void readBack(Table table, EntityState s, List<ColumnAttribute> rest) {
        EntityKey entityKey = s.mapping.keyOf(s.mapping.read(s.entity));
        if (entityKey == null) {
            throw new OrmException("cannot read back the server defaults of " + EntityState.describe(s.entity)
                    + ": its primary key is unknown after the insert");
        }
        Row back = conn.execute(Select.of(Arrays.asList(columns(rest))).from(table).where(s.mapping.whereKey(entityKey))).one();
        for (ColumnAttribute a : rest) {
            setWithUndo(a, s.entity, back.get(a.column()), undo);
        }
    }

    private static Expression<?>[] columns(List<ColumnAttribute> attrs) {
        Expression<?>[] cols = new Expression<?>[attrs.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = attrs.get(i).column();
        }
        return cols;
    }

    private static boolean isUnsetNumber(ColumnAttribute a, Object v) {
        // Kotlin `var id: Long = 0` and Java `long id`: zero means "not assigned yet" for generated keys.
        return v == null || (a.javaType().isPrimitive() && v instanceof Number n && n.longValue() == 0);
    }

    private static boolean referencesItself(Table table) {
        for (ForeignKey fk : table.foreignKeys()) {
            if (fk.targetTable() == table) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- UPDATE and DELETE

    /** UPDATE of the changed columns of one object (plus {@code onUpdate} columns), by its key. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void update(EntityState s, List<Integer> changed) {
        List<ColumnAttribute> attrs = s.mapping.columnAttributes();
        Update update = Update.of(s.mapping.table());
        for (int i : changed) {
            ColumnAttribute a = attrs.get(i);
            if (a.column().isPrimaryKey()) {
                throw new OrmException("the primary key " + a.qualifiedName() + " of " + s.key()
                        + " was changed; delete the object and add a new one instead");
            }
            update = update.set((Column) a.column(), a.value(s.entity));
        }
        for (int i = 0; i < attrs.size(); i++) {
            ColumnAttribute a = attrs.get(i);
            Supplier<?> onUpdate = a.column().onUpdate();
            if (onUpdate != null && !changed.contains(i)) {
                Object v = onUpdate.get();
                setWithUndo(a, s.entity, v, undo);
                update = update.set((Column) a.column(), v);
            }
        }
        long count = conn.execute(update.where(s.mapping.whereKey(s.key()))).rowCount();
        if (count == 0) {
            throw new StaleDataException("UPDATE of " + s.key() + " in " + s.mapping.table().name()
                    + " matched no row: it was deleted since it was loaded");
        }
    }

    /** DELETEs of the deleted objects of {@code table}, one statement per chunk of keys. */
    void deleteAll(Table table, List<EntityState> deletes) {
        List<EntityState> mine = new ArrayList<>();
        for (EntityState s : deletes) {
            if (s.mapping.table() == table) {
                mine.add(s);
            }
        }
        for (int from = 0; from < mine.size(); from += Loader.IN_CHUNK) {
            List<EntityState> chunk = mine.subList(from, Math.min(mine.size(), from + Loader.IN_CHUNK));
            EntityMapping<?> mapping = chunk.get(0).mapping;
            List<Condition> keys = new ArrayList<>();
            for (EntityState s : chunk) {
                keys.add(s.mapping.whereKey(s.key()));
            }
            long count = conn.execute(Delete.from(table).where(Loader.whereAnyKey(mapping, chunk, keys))).rowCount();
            if (count != chunk.size()) {
                throw new StaleDataException("DELETE from " + table.name() + " expected to remove " + chunk.size()
                        + " row(s) but removed " + count + ": some were deleted since they were loaded");
            }
        }
    }

    /** Sets a column attribute, recording how to put the old value back if the flush fails. */
    static void setWithUndo(ColumnAttribute a, Object entity, Object value, List<Runnable> undo) {
        Object old = a.isDeferred() ? a.value(entity) : a.get(entity);
        a.setValue(entity, value);
        undo.add(() -> {
            if (old != ColumnAttribute.NOT_LOADED) {
                a.setValue(entity, old);
            }
        });
    }
}
