package org.tabula.orm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tabula.schema.ForeignKey;
import org.tabula.schema.ReferentialAction;
import org.tabula.schema.Table;

/**
 * Relationships in the unit of work. Before a flush: save-update cascades, foreign keys and link
 * rows from the changes of {@link Ref}s and {@link RelatedList}s, orphans, delete cascades (the
 * {@link RelationshipFlush} plan). After it: the changes are forgotten, and what the database's
 * {@code ON DELETE CASCADE} / {@code SET NULL} did is applied to the objects the session holds.
 */
final class RelationshipCascades {

    private final Session session;
    private final IdentityMap identity;

    RelationshipCascades(Session session, IdentityMap identity) {
        this.session = session;
        this.identity = identity;
    }

    // ---------------------------------------------------------------- before the flush

    /** Adds the related objects reachable through save-update cascades (those already loaded). */
    void cascadeAdd(EntityState state) {
        if (!state.mapping.hasRelationships()) {
            return;
        }
        for (RelationshipAttribute r : state.mapping.relationships()) {
            if (!r.cascade().contains(Cascade.SAVE_UPDATE)) {
                continue;
            }
            RelationHolder holder = RelationHolder.of(r.get(state.entity));
            if (holder != null) {
                for (Object related : new ArrayList<>(holder.loadedValues())) {
                    if (!identity.contains(related) && Mapper.isMapped(related.getClass())) {
                        session.add(related);
                    }
                }
            }
        }
    }

    /** Cascades, orphans and foreign keys from the relationship changes since the last flush. */
    RelationshipFlush prepare() {
        RelationshipFlush plan = new RelationshipFlush(identity);
        for (EntityState s : new ArrayList<>(identity.states())) {
            if (!identity.isDeleted(s)) {
                cascadeAdd(s);
            }
        }
        Map<Object, RelationshipAttribute> orphanCandidates = new IdentityHashMap<>();
        for (EntityState s : new ArrayList<>(identity.states())) {
            if (!s.mapping.hasRelationships() || identity.isDeleted(s)) {
                continue;
            }
            for (RelationshipAttribute r : s.mapping.relationships()) {
                RelationHolder holder = RelationHolder.of(r.get(s.entity));
                if (holder != null) {
                    collectChanges(s, r, holder, plan, orphanCandidates);
                }
            }
        }
        for (Map.Entry<Object, RelationshipAttribute> e : orphanCandidates.entrySet()) {
            Object orphan = e.getKey();
            if (!plan.hasParent(orphan, e.getValue().remoteForeignKey()) && identity.contains(orphan)) {
                session.delete(orphan);
            }
        }
        cascadeDeletes(plan);
        plan.foreignKeys.values().removeIf(Map::isEmpty);
        return plan;
    }

    /** The foreign keys, link rows and orphan candidates from the changes of one relationship of {@code s}. */
    private void collectChanges(EntityState s, RelationshipAttribute r, RelationHolder holder, RelationshipFlush plan,
                                Map<Object, RelationshipAttribute> orphanCandidates) {
        switch (r.kind()) {
            case MANY_TO_ONE: {
                Ref<?> ref = ((RelationHolder.One) holder).ref;
                if (ref.isChanged()) {
                    plan.assign(s.entity, r.localForeignKey(), ref.peek());
                }
                break;
            }
            case ONE_TO_ONE: {
                Ref<?> ref = ((RelationHolder.One) holder).ref;
                if (ref.isChanged()) {
                    Object old = ref.original();
                    if (old != null && old != ref.peek()) {
                        plan.clear(old, r.remoteForeignKey());
                        if (r.cascade().contains(Cascade.DELETE_ORPHAN)) {
                            orphanCandidates.put(old, r);
                        }
                    }
                    if (ref.peek() != null) {
                        plan.assign(ref.peek(), r.remoteForeignKey(), s.entity);
                    }
                }
                break;
            }
            case ONE_TO_MANY:
                collectListChanges(s, r, ((RelationHolder.Many) holder).list, plan, orphanCandidates);
                break;
            default: {
                RelatedList<?> list = ((RelationHolder.Many) holder).list;
                for (Object added : list.added()) {
                    plan.link(r, s.entity, added, true);
                }
                for (Object removed : list.removed()) {
                    plan.link(r, s.entity, removed, false);
                }
            }
        }
    }

    private void collectListChanges(EntityState s, RelationshipAttribute r, RelatedList<?> list, RelationshipFlush plan,
                                    Map<Object, RelationshipAttribute> orphanCandidates) {
        for (Object removed : list.removed()) {
            plan.clear(removed, r.remoteForeignKey());
            if (r.cascade().contains(Cascade.DELETE_ORPHAN)) {
                orphanCandidates.put(removed, r);
            }
        }
        for (Object added : list.added()) {
            plan.assign(added, r.remoteForeignKey(), s.entity);
        }
        if (r.cascade().contains(Cascade.DELETE_ORPHAN)) {
            for (Object discarded : list.discarded()) {
                EntityState ds = identity.stateOf(discarded);
                if (ds != null && ds.status == EntityState.Status.PENDING) {
                    orphanCandidates.put(discarded, r);     // never saved: simply not inserted
                }
            }
        }
    }

    /** Delete cascades (and nulling of children left behind), breadth first through the graph. */
    private void cascadeDeletes(RelationshipFlush plan) {
        List<EntityState> work = new ArrayList<>(identity.deletedObjects());
        for (int i = 0; i < work.size(); i++) {
            EntityState s = work.get(i);
            if (!s.mapping.hasRelationships()) {
                continue;
            }
            for (RelationshipAttribute r : s.mapping.relationships()) {
                if (r.kind() == RelationshipAttribute.Kind.MANY_TO_ONE) {
                    continue;
                }
                RelationHolder h = r.holder(s.entity);
                if (r.kind() == RelationshipAttribute.Kind.MANY_TO_MANY) {
                    if (!r.passiveDeletes()) {
                        plan.purgeLinks(r.linkSource(), s.entity);
                    }
                    continue;
                }
                if (!h.isLoaded() && r.passiveDeletes()) {
                    continue;          // the database's ON DELETE does it; reflected after the flush
                }
                cascadeDelete(r, h, plan, work);
            }
        }
    }

    private void cascadeDelete(RelationshipAttribute r, RelationHolder h, RelationshipFlush plan, List<EntityState> work) {
        List<Object> children = new ArrayList<>(h.loadAll());
        boolean cascadeDelete = r.cascade().contains(Cascade.DELETE);
        for (Object child : children) {
            EntityState cs = identity.stateOf(child);
            if (cs == null || identity.isDeleted(cs)) {
                continue;
            }
            if (cascadeDelete) {
                session.delete(child);
                if (cs.status == EntityState.Status.PERSISTENT) {
                    work.add(cs);
                }
            } else if (!r.passiveDeletes() && !plan.hasParent(child, r.remoteForeignKey())) {
                plan.clear(child, r.remoteForeignKey());
            }
        }
    }

    // ---------------------------------------------------------------- after the flush

    /** The relationship changes just written are the new baseline. */
    void clearChanges(List<EntityState> deletes) {
        for (EntityState s : identity.states()) {
            clearRelationshipChanges(s);
        }
        for (EntityState s : deletes) {
            clearRelationshipChanges(s);
        }
    }

    private static void clearRelationshipChanges(EntityState state) {
        if (!state.mapping.hasRelationships()) {
            return;
        }
        for (RelationshipAttribute r : state.mapping.relationships()) {
            RelationHolder holder = RelationHolder.of(r.get(state.entity));
            if (holder != null) {
                holder.clearChanges();
            }
        }
    }

    /**
     * After DELETEs: what the database's ON DELETE CASCADE / SET NULL did to rows whose objects
     * this session holds, applied to those objects (expunged as deleted / foreign key set to null).
     * Objects deleted that way join {@code deletedInTransaction}: a rollback brings them back.
     */
    void reflectDatabaseDeletes(List<EntityState> deleted, List<EntityState> deletedInTransaction) {
        Map<Table, Set<Object>> gone = new HashMap<>();
        for (EntityState d : deleted) {
            if (d.hasKey() && d.key().values().size() == 1) {
                gone.computeIfAbsent(d.mapping.table(), t -> new HashSet<>()).add(d.key().values().get(0));
            }
        }
        // Rounds: a cascade may delete rows that other held rows reference in turn.
        while (!gone.isEmpty()) {
            Map<Table, Set<Object>> next = new HashMap<>();
            for (EntityState s : new ArrayList<>(identity.states())) {
                if (s.status == EntityState.Status.PERSISTENT) {
                    reflectOn(s, gone, next, deletedInTransaction);
                }
            }
            gone = next;
        }
        forgetDeletedInRelationships(deletedInTransaction);
    }

    /** Applies the database's ON DELETE of the rows in {@code gone} to one held object. */
    private void reflectOn(EntityState s, Map<Table, Set<Object>> gone, Map<Table, Set<Object>> next,
                           List<EntityState> deletedInTransaction) {
        for (ColumnAttribute a : s.mapping.columnAttributes()) {
            ForeignKey fk = a.column().foreignKey();
            Set<Object> keys = fk == null ? null : gone.get(fk.targetTable());
            if (keys == null) {
                continue;
            }
            Object value = a.value(s.entity);
            if (value == null || !keys.contains(value)) {
                continue;
            }
            if (fk.onDelete() == ReferentialAction.CASCADE) {
                identity.forgetDeleted(s);
                deletedInTransaction.add(s);
                if (s.hasKey() && s.key().values().size() == 1) {
                    next.computeIfAbsent(s.mapping.table(), t -> new HashSet<>()).add(s.key().values().get(0));
                }
                return;
            } else if (fk.onDelete() == ReferentialAction.SET_NULL) {
                a.setValue(s.entity, null);
                if (s.snapshot != null) {
                    s.snapshot[s.mapping.indexOf(a)] = null;
                }
            }
        }
    }

    /** Loaded references to deleted objects become null, loaded collections drop them. */
    private void forgetDeletedInRelationships(List<EntityState> deletedInTransaction) {
        Map<Object, Boolean> deleted = new IdentityHashMap<>();
        for (EntityState d : deletedInTransaction) {
            deleted.put(d.entity, Boolean.TRUE);
        }
        if (deleted.isEmpty()) {
            return;
        }
        for (EntityState s : identity.states()) {
            if (!s.mapping.hasRelationships()) {
                continue;
            }
            for (RelationshipAttribute r : s.mapping.relationships()) {
                RelationHolder h = RelationHolder.of(r.get(s.entity));
                if (h == null || !h.isLoaded()) {
                    continue;
                }
                h.forget(deleted);
            }
        }
    }
}
