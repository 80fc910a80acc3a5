package org.tabula.orm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every object a session tracks: found by the object itself ({@link StateIndex}) and, once it has
 * a row, by its primary key (one object per key), with the sets of new and deleted objects the
 * next flush writes. Knows nothing of SQL: loading and flushing ask it and tell it.
 */
final class IdentityMap {

    private final StateIndex states = new StateIndex();
    // Made when first written to: most sessions only read, some only add.
    private @Nullable NewObjects newObjects;
    private @Nullable Set<EntityState> deletedObjects;
    /** States whose keys are to be put in the table by key before its next use ({@link #putKeyLater}). */
    private @Nullable ArrayList<EntityState> unkeyed;
    /**
     * Whether an object of a mapping with relationships was tracked since the last {@link #clear()}:
     * decided per object as it is tracked (one field read) instead of by a pass over every object
     * at each flush. It may stay true after such objects left; a flush then only does
     * relationship bookkeeping that finds nothing to do.
     */
    private boolean relationships;

    // ---------------------------------------------------------------- by object

    EntityState stateOf(Object entity) {
        return states.get(entity);
    }

    boolean contains(Object entity) {
        return states.containsKey(entity);
    }

    void track(Object entity, EntityState state) {
        states.put(entity, state);
        relationships |= state.mapping.hasRelationships();
    }

    EntityState untrack(Object entity) {
        return states.remove(entity);
    }

    /** The state of an object just made from a row, known not to be in the session yet. */
    void addLoaded(EntityState state) {
        states.addLoaded(state);      // a new object: not hashed by identity until a lookup needs it
        relationships |= state.mapping.hasRelationships();
    }

    /** Room for {@code more} objects about to be added (tracked and new) at once. */
    void reserveNew(int more) {
        if (more >= 1024) {
            states.reserveIndexed(more);
            newObjects().reserve(more);
        }
    }

    /** Every tracked state; not to be modified while iterated. */
    Collection<EntityState> states() {
        return states.values();
    }

    // ---------------------------------------------------------------- by key

    // The states by key, in an open-addressing table (linear probing) of the states themselves,
    // each found by its own key: no map entry per loaded row. Null until the first key.
    private EntityState @Nullable [] byKey;
    private int keyCount;
    /** Whether keys are hashed by all their bits, after a run of colliding keys (a stride, say) made probes long. */
    private boolean scrambled;

    EntityState byKey(EntityKey key) {
        enterUnkeyed();
        EntityState[] table = byKey;
        if (table == null || key == null) {
            return null;
        }
        int mask = table.length - 1;
        for (int i = slot(key.hashCode(), mask); ; i = (i + 1) & mask) {
            EntityState s = table[i];
            if (s == null || s.keyEquals(key)) {
                return s;
            }
        }
    }

    /** Whether another object than {@code entity} holds {@code key}. */
    boolean heldByOther(EntityKey key, Object entity) {
        EntityState held = byKey(key);
        return held != null && held.entity != entity;
    }

    /**
     * The state already holding {@code key}, or null after {@code state} took its place (one
     * probe sequence per row); {@code state.key} must be {@code key} (or null: then it is set).
     */
    EntityState putIfAbsent(EntityKey key, EntityState state) {
        return put(key, state, false);
    }

    /** {@link #putIfAbsent(EntityKey, EntityState)} of a state that holds its key (maybe a bare key value). */
    EntityState putIfAbsent(EntityState state) {
        enterUnkeyed();
        return put(state, false);
    }

    /** Makes {@code state} (whose {@code key} is {@code key}, or null: then it is set) the holder of its key. */
    void putKey(EntityKey key, EntityState state) {
        put(key, state, true);
    }

    private EntityState put(EntityKey key, EntityState state, boolean replace) {
        if (key == null) {
            return null;      // no row yet: found by object only
        }
        enterUnkeyed();
        if (!state.hasKey()) {
            state.key(key);      // the table finds each state by its own key
        }
        return put(state, replace);
    }

    private EntityState put(EntityState state, boolean replace) {
        ensureRoom(keyCount + 1);
        EntityState[] table = byKey;
        int mask = table.length - 1;
        int probes = 0;
        for (int i = slot(state.keyHash(), mask); ; i = (i + 1) & mask) {
            EntityState s = table[i];
            if (s == null) {
                table[i] = state;
                keyCount++;
                return null;
            }
            if (s.sameKey(state)) {
                if (replace) {
                    table[i] = state;
                }
                return s;
            }
            if (++probes == 32 && !scrambled) {
                scrambled = true;
                resize(table.length);
                return put(state, replace);
            }
        }
    }

    void removeKey(EntityKey key) {
        enterUnkeyed();
        EntityState[] table = byKey;
        if (table == null || key == null) {
            return;
        }
        int mask = table.length - 1;
        int i = slot(key.hashCode(), mask);
        while (true) {
            EntityState s = table[i];
            if (s == null) {
                return;
            }
            if (s.keyEquals(key)) {
                break;
            }
            i = (i + 1) & mask;
        }
        // Backward-shift deletion: later states of the same probe run move up, so that no
        // lookup stops at the hole before reaching them.
        table[i] = null;
        keyCount--;
        for (int j = (i + 1) & mask; table[j] != null; j = (j + 1) & mask) {
            int home = slot(table[j].keyHash(), mask);
            boolean stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
            if (!stays) {
                table[i] = table[j];
                table[j] = null;
                i = j;
            }
        }
    }

    /** States that have a key (persistent or deleted in the flush to come): a copy. */
    Collection<EntityState> keyed() {
        enterUnkeyed();
        List<EntityState> out = new ArrayList<>(keyCount);
        if (byKey != null) {
            for (EntityState s : byKey) {
                if (s != null) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** Whether any object is held by its key (else no object can clash with a new one's key). */
    boolean hasKeys() {
        return keyCount > 0 || (unkeyed != null && !unkeyed.isEmpty());
    }

    /**
     * Puts the key of an object just inserted ({@code state.key}) when a lookup by key first needs
     * it: a flush of 100,000 new objects that no lookup follows (insert, commit, close) then
     * hashes none of their keys. Lookups see the same table as if it had been put now.
     */
    void putKeyLater(EntityState state) {
        if (unkeyed == null) {
            unkeyed = new ArrayList<>();
        }
        unkeyed.add(state);
    }

    /** Room for {@code more} keys about to be put later (a flush's inserted objects). */
    void reserveKeys(int more) {
        if (unkeyed == null) {
            unkeyed = new ArrayList<>(more);
        } else {
            unkeyed.ensureCapacity(unkeyed.size() + more);
        }
    }

    /** Enters the keys put later, in one presized pass, before the table by key is read or written. */
    private void enterUnkeyed() {
        ArrayList<EntityState> pending = unkeyed;
        if (pending == null || pending.isEmpty()) {
            return;
        }
        unkeyed = null;      // before the puts: put() comes back here
        ensureRoom(keyCount + pending.size());
        for (EntityState s : pending) {
            if (s.hasKey()) {
                put(s, true);
            }
        }
    }

    private int slot(int h, int mask) {
        if (scrambled) {
            // Fibonacci hashing: the top bits of the product depend on every bit of the hash.
            return (h * 0x9E3779B9) >>> Integer.numberOfLeadingZeros(mask);
        }
        // As HashMap spreads: consecutive keys (the usual primary keys) take consecutive slots,
        // so a load of many rows writes the table in order instead of missing the cache per row.
        return (h ^ (h >>> 16)) & mask;
    }

    private void resize(int capacity) {
        EntityState[] old = byKey;
        EntityState[] table = new EntityState[capacity];
        int mask = capacity - 1;
        if (old != null) {
            for (EntityState s : old) {
                if (s != null) {
                    int i = slot(s.keyHash(), mask);
                    while (table[i] != null) {
                        i = (i + 1) & mask;
                    }
                    table[i] = s;
                }
            }
        }
        byKey = table;
    }

    /**
     * Sizes the identity map (and the list of loaded states) for {@code more} new objects at once:
     * loading 100,000 rows otherwise spends a third of its time rehashing them as they double.
     */
    void reserve(int more) {
        if (more < 1024) {
            if (byKey == null && more > 4 && unkeyed == null) {
                ensureRoom(more);     // the first query's rows: no resize while they enter
            }
            return;
        }
        states.reserve(more);
        enterUnkeyed();
        ensureRoom(keyCount + more);
    }

    /** Grows the table by key, if needed, to hold {@code needed} keys at most half full (at least 16 slots). */
    private void ensureRoom(int needed) {
        if (byKey == null || needed * 2 > byKey.length) {
            resize(Math.max(16, Integer.highestOneBit(needed) * 4));
        }
    }

    // ---------------------------------------------------------------- new and deleted

    /** Objects to INSERT at the next flush, in the order added. */
    NewObjects newObjects() {
        if (newObjects == null) {
            newObjects = new NewObjects();
        }
        return newObjects;
    }

    /** Objects to DELETE at the next flush, in the order deleted. */
    Set<EntityState> deletedObjects() {
        if (deletedObjects == null) {
            deletedObjects = new LinkedHashSet<>();
        }
        return deletedObjects;
    }

    boolean isDeleted(EntityState state) {
        return deletedObjects != null && !deletedObjects.isEmpty() && deletedObjects.contains(state);
    }

    /** Whether the session tracks nothing at all (then a flush has nothing to look at). */
    boolean isEmpty() {
        return states.isEmpty() && (newObjects == null || newObjects.isEmpty())
                && (deletedObjects == null || deletedObjects.isEmpty());
    }

    /** A row deleted behind the session's back (bulk delete, ON DELETE CASCADE): the object leaves the session. */
    void forgetDeleted(EntityState state) {
        states.remove(state.entity);
        if (state.hasKey()) {
            removeKey(state.key());
        }
        if (deletedObjects != null) {
            deletedObjects.remove(state);
        }
        state.status = EntityState.Status.DELETED;
    }

    /** Whether a tracked (or deleted) object may have relationships (else a flush skips their bookkeeping). */
    boolean hasRelationships() {
        return relationships;
    }

    /** Forgets every object. */
    void clear() {
        // Cleared, not dropped: a large presized table is a humongous object to G1, and until it
        // is collected, every object it references survives young collections.
        states.clear();
        if (byKey != null) {
            Arrays.fill(byKey, null);
            keyCount = 0;
        }
        if (newObjects != null) {
            newObjects.clear();
        }
        if (deletedObjects != null) {
            deletedObjects.clear();
        }
        unkeyed = null;
        relationships = false;
    }
}
