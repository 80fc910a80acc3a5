package org.tabula.orm;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tabula.engine.Connection;
import org.tabula.schema.Column;
import org.tabula.schema.Table;
import org.tabula.statement.Delete;
import org.tabula.statement.Insert;
import org.tabula.statement.Update;

/**
 * What a flush writes for relationships ({@link RelationshipCascades#prepare} finds it): foreign
 * keys taken from related objects, set on each object right before it is written, and the link
 * rows of many-to-many relationships, written after every INSERT and UPDATE.
 */
final class RelationshipFlush {

    private final IdentityMap identity;
    /** child -> (foreign key attribute -> parent object or null), in the order found. */
    final Map<Object, Map<ColumnAttribute, Object>> foreignKeys = new IdentityHashMap<>();
    private final Map<List<Object>, Object[]> linkInserts = new LinkedHashMap<>();
    private final Map<List<Object>, Object[]> linkDeletes = new LinkedHashMap<>();
    private final List<Object[]> linkPurges = new ArrayList<>();    // {link column, owner}
    /** {child, foreign key attribute, parent}: set by an UPDATE once both rows are in (SQLAlchemy's post-update). */
    private final List<Object[]> postUpdates = new ArrayList<>();

    RelationshipFlush(IdentityMap identity) {
        this.identity = identity;
    }

    boolean isEmpty() {
        return foreignKeys.isEmpty() && linkInserts.isEmpty() && linkDeletes.isEmpty() && linkPurges.isEmpty();
    }

    void assign(Object child, ColumnAttribute fk, Object parent) {
        foreignKeys.computeIfAbsent(child, k -> new LinkedHashMap<>()).put(fk, parent);
    }

    void clear(Object child, ColumnAttribute fk) {
        foreignKeys.computeIfAbsent(child, k -> new LinkedHashMap<>()).putIfAbsent(fk, null);
    }

    boolean hasParent(Object child, ColumnAttribute fk) {
        Map<ColumnAttribute, Object> m = foreignKeys.get(child);
        return m != null && m.get(fk) != null;
    }

    /** A link row between {@code owner} and {@code related}; both directions of a many-to-many meet in one key. */
    void link(RelationshipAttribute r, Object owner, Object related, boolean insert) {
        boolean forward = r.linkSource().name().compareTo(r.linkTarget().name()) <= 0;
        Object a = forward ? owner : related;
        Object b = forward ? related : owner;
        Column<?> ca = forward ? r.linkSource() : r.linkTarget();
        Column<?> cb = forward ? r.linkTarget() : r.linkSource();
        List<Object> key = List.of(r.link(), ca, new IdentityKey(a), cb, new IdentityKey(b));
        Object[] op = {r.link(), ca, a, cb, b};
        if (insert) {
            if (linkDeletes.remove(key) == null) {
                linkInserts.put(key, op);
            }
        } else if (linkInserts.remove(key) == null) {
            linkDeletes.put(key, op);
        }
    }

    /** Every link row of {@code owner} goes (it is deleted, and the database does not cascade). */
    void purgeLinks(Column<?> linkColumn, Object owner) {
        linkPurges.add(new Object[] {linkColumn, owner});
    }

    /** Sets the foreign keys of one object from its related objects, right before it is written. */
    void applyForeignKeys(EntityState cs, List<Runnable> undo) {
        applyForeignKeys(cs, undo, Set.of());
    }

    /**
     * Sets the foreign keys of one object about to be inserted. A parent among {@code unwritten}
     * (a row of the same table inserted later in this flush, or the object itself) cannot be
     * referenced yet: the key is inserted NULL and set by an UPDATE after the table's rows are in
     * ({@link #postUpdate}), which breaks a cycle of rows as SQLAlchemy's post-update does. A NOT
     * NULL foreign key cannot wait: that is an error naming the table, the column and the rows.
     */
    void applyForeignKeys(EntityState cs, List<Runnable> undo, Set<Object> unwritten) {
        Object child = cs.entity;
        Map<ColumnAttribute, Object> assignments = foreignKeys.get(child);
        if (assignments == null || identity.isDeleted(cs)) {
            return;
        }
        for (Map.Entry<ColumnAttribute, Object> fk : assignments.entrySet()) {
            Object parent = fk.getValue();
            Object value = null;
            if (parent != null && unwritten.contains(parent)) {
                ColumnAttribute attr = fk.getKey();
                if (!attr.column().isNullable()) {
                    String column = attr.column().qualifiedName();
                    throw new OrmException("cannot insert " + EntityState.describe(child) + " into "
                            + attr.column().table().name() + ": its NOT NULL foreign key " + column + " ("
                            + attr.qualifiedName() + ") references " + EntityState.describe(parent)
                            + ", a row of the same table written after it (the rows reference each other in a cycle);"
                            + " make " + column + " nullable so the flush can set it by an UPDATE once both rows are in");
                }
                postUpdates.add(new Object[] {child, attr, parent});
            } else if (parent != null) {
                value = primaryKeyOf(parent);
                if (value == null) {
                    throw new OrmException("cannot set " + fk.getKey().qualifiedName() + " of " + EntityState.describe(child)
                            + ": its related " + EntityState.describe(parent) + " has no primary key yet (is it in the session? a cycle?)");
                }
            }
            if (!EntityState.same(fk.getKey().value(child), value)) {
                Persistence.setWithUndo(fk.getKey(), child, value, undo);
            }
        }
    }

    /**
     * The foreign keys {@link #applyForeignKeys(EntityState, List, Set)} left NULL, now that the
     * rows they reference are inserted: one UPDATE of the key per row.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void postUpdate(Connection conn, List<Runnable> undo) {
        for (Object[] p : postUpdates) {
            Object child = p[0];
            ColumnAttribute attr = (ColumnAttribute) p[1];
            Object value = primaryKeyOf(p[2]);
            Persistence.setWithUndo(attr, child, value, undo);
            EntityMapping<?> mapping = Mapper.mapping(child.getClass());
            Object[] key = new Object[mapping.primaryKey().size()];
            for (int i = 0; i < key.length; i++) {
                key[i] = mapping.primaryKey().get(i).value(child);
            }
            conn.execute(Update.of(mapping.table()).set((Column) attr.column(), value)
                    .where(mapping.whereKey(EntityKey.ofParts(mapping.entityClass(), key))));
        }
        postUpdates.clear();
    }

    /** Deletes and inserts link rows: purges first, then single deletes, then one batch per link table and column pair. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void writeLinks(Connection conn) {
        for (Object[] purge : linkPurges) {
            Column c = (Column) purge[0];
            conn.execute(Delete.from(c.table()).where(c.eq(primaryKeyOf(purge[1]))));
        }
        for (Object[] op : linkDeletes.values()) {
            Column a = (Column) op[1];
            Column b = (Column) op[3];
            Object ka = primaryKeyOf(op[2]);
            Object kb = primaryKeyOf(op[4]);
            if (ka != null && kb != null) {
                conn.execute(Delete.from((Table) op[0]).where(a.eq(ka), b.eq(kb)));
            }
        }
        Map<List<Object>, List<Map<String, Object>>> batches = new LinkedHashMap<>();
        for (Object[] op : linkInserts.values()) {
            Object ka = primaryKeyOf(op[2]);
            Object kb = primaryKeyOf(op[4]);
            if (ka == null || kb == null) {
                throw new OrmException("cannot link " + EntityState.describe(op[2]) + " and " + EntityState.describe(op[4])
                        + " in " + ((Table) op[0]).name() + ": one of them was not saved (add it to the session)");
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(((Column) op[1]).name(), ka);
            row.put(((Column) op[3]).name(), kb);
            batches.computeIfAbsent(List.of(op[0], op[1], op[3]), k -> new ArrayList<>()).add(row);
        }
        for (Map.Entry<List<Object>, List<Map<String, Object>>> e : batches.entrySet()) {
            conn.execute(Insert.into((Table) e.getKey().get(0)), e.getValue());
        }
    }

    private static Object primaryKeyOf(Object entity) {
        return Mapper.mapping(entity.getClass()).primaryKey().get(0).value(entity);
    }
}
