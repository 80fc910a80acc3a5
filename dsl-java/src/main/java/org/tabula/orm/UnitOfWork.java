package org.tabula.orm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tabula.schema.Table;
import org.tabula.schema.TableOrder;

/**
 * The flush of one session: what changed since the last one, in which order it is written
 * (tables by their foreign keys, {@link TableOrder}), written by {@link Persistence} with the
 * relationship plan of {@link RelationshipCascades}, then made the new baseline. Also remembers
 * what the transaction inserted and deleted, so that a rollback can undo it in the session.
 */
final class UnitOfWork {

    private final Session session;
    private final IdentityMap identity;
    private final Loader loader;
    private final RelationshipCascades relationships;
    private boolean flushing;
    private final List<EntityState> insertedInTransaction = new ArrayList<>();
    private final List<EntityState> deletedInTransaction = new ArrayList<>();

    UnitOfWork(Session session, IdentityMap identity, Loader loader, RelationshipCascades relationships) {
        this.session = session;
        this.identity = identity;
        this.loader = loader;
        this.relationships = relationships;
    }

    boolean isFlushing() {
        return flushing;
    }

    /** See {@link Session#flush()}; on a failed write, undoes the values it set and lets the session roll back. */
    void flush() {
        flush(false);
    }

    /**
     * {@link #flush()}; with {@code expire} (a commit that expires every object), also expires
     * every persistent object on the way, in the pass over them that the flush makes anyway,
     * where nothing can load one of them before the commit: not when relationships are flushed
     * (their cascades may load objects). Returns whether it did; if not, the caller expires them.
     * Objects expired before their changes are written are still written: expiry only makes the
     * next load overwrite an object's fields.
     */
    boolean flush(boolean expire) {
        if (flushing) {
            return false;
        }
        flushing = true;
        RelationshipFlush plan;
        try {
            plan = identity.hasRelationships() ? relationships.prepare() : null;
        } catch (RuntimeException | Error e) {
            flushing = false;
            throw e;
        }
        List<EntityState> inserts = identity.newObjects().toList();
        List<EntityState> deletes = new ArrayList<>(identity.deletedObjects());
        Map<Table, List<EntityState>> persistentByTable = new LinkedHashMap<>();
        Set<Table> tables = new LinkedHashSet<>();
        boolean anyChange = !inserts.isEmpty() || !deletes.isEmpty() || (plan != null && !plan.isEmpty());
        expire &= plan == null;
        if (!collectPersistent(persistentByTable, tables, anyChange, expire)) {
            flushing = false;
            return expire;
        }
        List<Runnable> undo = new ArrayList<>();
        List<EntityState> updated = new ArrayList<>();
        try {
            write(new Persistence(session.connection(), undo), plan, inserts, persistentByTable, tables, deletes, updated);
        } catch (RuntimeException | Error e) {
            for (int i = undo.size() - 1; i >= 0; i--) {
                undo.get(i).run();
            }
            flushing = false;
            session.abortFlush(e);
            throw e;
        }
        flushing = false;
        afterWrite(inserts, updated, deletes, plan, expire);
        return expire;
    }

    /**
     * Groups the persistent objects by table, and collects the tables of every tracked object
     * (one pass over them); whether there is anything to write ({@code anyChange}, or changed columns).
     */
    private boolean collectPersistent(Map<Table, List<EntityState>> persistentByTable, Set<Table> tables, boolean anyChange,
                                      boolean expire) {
        Table last = null;
        List<EntityState> lastList = null;
        boolean noDeletes = identity.deletedObjects().isEmpty();     // else a hash lookup per object
        for (EntityState s : identity.states()) {
            Table table = s.mapping.table();
            if (table != last) {      // objects come in runs of one table: hash once per run
                tables.add(table);
                last = table;
                lastList = null;
            }
            if (s.status == EntityState.Status.PERSISTENT && (noDeletes || !identity.isDeleted(s))) {
                if (expire) {
                    s.expired = true;
                }
                if (lastList == null) {
                    lastList = persistentByTable.computeIfAbsent(table, t -> new ArrayList<>());
                }
                lastList.add(s);
                if (!anyChange && !s.changedColumns().isEmpty()) {
                    anyChange = true;
                }
            }
        }
        return anyChange;
    }

    /** INSERTs and UPDATEs table by table (parents first), link rows, then DELETEs (children first). */
    private void write(Persistence persistence, RelationshipFlush plan, List<EntityState> inserts,
                       Map<Table, List<EntityState>> persistentByTable, Set<Table> tracked, List<EntityState> deletes,
                       List<EntityState> updated) {
        List<Table> order = tableOrder(inserts, tracked, deletes);
        for (Table table : order) {
            persistence.insertAll(table, inserts, plan);
            for (EntityState s : persistentByTable.getOrDefault(table, List.of())) {
                if (plan != null) {
                    plan.applyForeignKeys(s, persistence.undo());
                }
                List<Integer> changed = s.changedColumns();
                if (!changed.isEmpty()) {
                    persistence.update(s, changed);
                    updated.add(s);
                }
            }
        }
        if (plan != null) {
            plan.writeLinks(session.connection());
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            persistence.deleteAll(order.get(i), deletes);
        }
    }

    /**
     * Tables touched by the flush, parents before children. {@code tracked}: the tables of every
     * tracked object, so that tables whose foreign keys change are placed after their parents.
     */
    private static List<Table> tableOrder(List<EntityState> inserts, Set<Table> tracked, List<EntityState> deletes) {
        Set<Table> tables = new LinkedHashSet<>();
        addTables(tables, inserts);
        tables.addAll(tracked);
        addTables(tables, deletes);
        return TableOrder.parentsFirst(tables);
    }

    private static void addTables(Set<Table> tables, List<EntityState> states) {
        Table last = null;
        for (EntityState s : states) {
            if (s.mapping.table() != last) {
                last = s.mapping.table();
                tables.add(last);
            }
        }
    }

    /** What was written is the new baseline: snapshots, keys, states and relationship changes. */
    private void afterWrite(List<EntityState> inserts, List<EntityState> updated, List<EntityState> deletes,
                            RelationshipFlush plan, boolean expire) {
        identity.reserveKeys(inserts.size());
        for (EntityState s : inserts) {
            // A batched INSERT left the values it wrote as the snapshot, and their key; relationship
            // work (post-updates of foreign keys) may change an object after its INSERT, so then it is read again.
            if (s.snapshot == null || plan != null) {
                s.snapshot = s.mapping.read(s.entity);
                s.key(s.mapping.keyOf(s.snapshot));
            } else if (!s.hasKey()) {
                s.key(s.mapping.keyOf(s.snapshot));
            }
            s.status = EntityState.Status.PERSISTENT;
            s.expired = expire;
            identity.putKeyLater(s);
        }
        insertedInTransaction.addAll(inserts);
        identity.newObjects().removeAll(inserts);
        for (EntityState s : updated) {
            s.snapshot = s.mapping.read(s.entity);
        }
        for (EntityState s : deletes) {
            s.status = EntityState.Status.DELETED;
            identity.untrack(s.entity);
            identity.removeKey(s.key());
            deletedInTransaction.add(s);
        }
        for (EntityState s : deletes) {
            identity.deletedObjects().remove(s);
        }
        if (plan != null) {
            relationships.clearChanges(deletes);
        }
        if (!deletes.isEmpty()) {
            relationships.reflectDatabaseDeletes(deletes, deletedInTransaction);
        }
    }

    // ---------------------------------------------------------------- transaction end

    /** After COMMIT: the transaction's inserts and deletes are final. */
    void committed() {
        insertedInTransaction.clear();
        deletedInTransaction.clear();
    }

    /**
     * After ROLLBACK: objects added in the transaction leave the session, objects deleted in it
     * return, and every object is expired with its unflushed changes discarded.
     */
    void rolledBack() {
        for (EntityState s : identity.newObjects().toList()) {
            identity.untrack(s.entity);
        }
        identity.newObjects().clear();
        for (EntityState s : insertedInTransaction) {
            identity.untrack(s.entity);
            if (s.hasKey()) {
                identity.removeKey(s.key());
            }
        }
        insertedInTransaction.clear();
        for (EntityState s : deletedInTransaction) {
            s.status = EntityState.Status.PERSISTENT;
            identity.track(s.entity, s);
            identity.putKey(s.key(), s);
        }
        deletedInTransaction.clear();
        identity.deletedObjects().clear();
        for (EntityState s : identity.states()) {
            discardChanges(s);
            s.expired = true;
            loader.bindRelationships(s, true);      // related objects and collections reload, unsaved changes to them are dropped
        }
    }

    /**
     * Puts an object's last loaded or flushed column values back into its changed fields: changes
     * not flushed by then belong to the rolled back transaction, and a later flush must not write them.
     */
    private void discardChanges(EntityState s) {
        for (int i : s.changedColumns()) {
            ColumnAttribute a = s.mapping.columnAttributes().get(i);
            Object kept = s.snapshot[i];
            if (kept == ColumnAttribute.NOT_LOADED) {
                a.set(s.entity, loader.deferredHolder(new Object[] {s.entity}, a));
            } else {
                a.setValue(s.entity, kept);
            }
        }
    }

    /** Forgets the transaction's inserts and deletes (the session is closed). */
    void clear() {
        insertedInTransaction.clear();
        deletedInTransaction.clear();
    }
}
