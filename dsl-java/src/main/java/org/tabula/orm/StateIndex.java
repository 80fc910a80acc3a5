package org.tabula.orm;

import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The states of a session's objects, found by the object itself (identity, never
 * {@code equals}). Objects made from query rows are only listed at first
 * ({@link #addLoaded}); they enter the identity-hashed index when a lookup by object needs it.
 * Hashing an object by identity makes the JVM write an identity hash into its header and
 * touches a random slot of a large table: a measurable part of loading 100,000 rows, which a
 * read-only unit of work (load, read, commit) never needs, since flushing walks
 * {@link #values()} without the index.
 */
final class StateIndex {

    // Made on first use: an IdentityHashMap allocates its table up front, and a session that
    // only reads never looks an object up.
    private @Nullable Map<Object, EntityState> byEntity;
    private ArrayList<EntityState> unindexed = new ArrayList<>();
    /** The table {@link #reserveIndexed} made last, and for how many objects. */
    private @Nullable Map<Object, EntityState> reservedTable;
    private int reservedSize;

    EntityState get(Object entity) {
        index();
        return byEntity == null ? null : byEntity.get(entity);
    }

    boolean containsKey(Object entity) {
        index();
        return byEntity != null && byEntity.containsKey(entity);
    }

    void put(Object entity, EntityState state) {
        index();
        byEntity().put(entity, state);
    }

    EntityState remove(Object entity) {
        index();
        return byEntity == null ? null : byEntity.remove(entity);
    }

    private Map<Object, EntityState> byEntity() {
        if (byEntity == null) {
            byEntity = new IdentityHashMap<>();
        }
        return byEntity;
    }

    /** The state of an object just made from a row, known not to be in the session yet. */
    void addLoaded(EntityState state) {
        unindexed.add(state);
    }

    /** Room for {@code more} loaded objects in the list of unindexed ones. */
    void reserve(int more) {
        unindexed.ensureCapacity(unindexed.size() + more);
    }

    /** Room for {@code more} objects about to be {@linkplain #put put} (a presized table instead of doubling on the way). */
    void reserveIndexed(int more) {
        index();
        int needed = (byEntity == null ? 0 : byEntity.size()) + more;
        if (needed < 1024 || (byEntity != null && byEntity == reservedTable && needed <= reservedSize)) {
            return;
        }
        Map<Object, EntityState> presized = new IdentityHashMap<>(needed);
        if (byEntity != null) {
            presized.putAll(byEntity);
        }
        byEntity = presized;
        reservedTable = presized;
        reservedSize = needed;
    }

    int size() {
        return (byEntity == null ? 0 : byEntity.size()) + unindexed.size();
    }

    boolean isEmpty() {
        return unindexed.isEmpty() && (byEntity == null || byEntity.isEmpty());
    }

    void clear() {
        if (byEntity != null) {
            byEntity.clear();
        }
        unindexed.clear();
    }

    /** Every state, indexed or not; like a map's values view, not to be modified while iterated. */
    Collection<EntityState> values() {
        if (byEntity == null) {
            return unindexed;      // callers do not modify it (see above)
        }
        if (unindexed.isEmpty()) {
            return byEntity.values();
        }
        Map<Object, EntityState> indexed = byEntity;
        return new AbstractCollection<>() {
            @Override
            public Iterator<EntityState> iterator() {
                Iterator<EntityState> first = indexed.values().iterator();
                Iterator<EntityState> second = unindexed.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return first.hasNext() || second.hasNext();
                    }

                    @Override
                    public EntityState next() {
                        return first.hasNext() ? first.next() : second.next();
                    }
                };
            }

            @Override
            public int size() {
                return StateIndex.this.size();
            }
        };
    }

    private void index() {
        if (unindexed.isEmpty()) {
            return;
        }
        if (unindexed.size() >= 1024) {
            // One presized table instead of doubling through every size on the way.
            Map<Object, EntityState> presized = new IdentityHashMap<>(size());
            if (byEntity != null) {
                presized.putAll(byEntity);
            }
            byEntity = presized;
        }
        Map<Object, EntityState> index = byEntity();
        for (EntityState s : unindexed) {
            index.put(s.entity, s);
        }
        unindexed = new ArrayList<>();
    }
}
