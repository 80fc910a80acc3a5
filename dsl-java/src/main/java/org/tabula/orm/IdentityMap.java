package org.tabula.orm;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every object a session tracks: found by the object itself ({@link StateIndex}) and, once it has
 * a row, by its primary key (one object per key), with the sets of new and deleted objects the
 * next flush writes. Knows nothing of SQL: loading and flushing ask it and tell it.
 */
final class IdentityMap {

    private final StateIndex states = new StateIndex();
    // Not final: reserve() replaces it with a presized copy before a large load.
    private Map<EntityKey, EntityState> identityMap = new HashMap<>();
    private int reserved;
    // Made when first written to: most sessions only read, some only add.
    private @Nullable Set<EntityState> newObjects;
    private @Nullable Set<EntityState> deletedObjects;

    // ---------------------------------------------------------------- by object

    EntityState stateOf(Object entity) {
        return states.get(entity);
    }

    boolean contains(Object entity) {
        return states.containsKey(entity);
    }

    void track(Object entity, EntityState state) {
        states.put(entity, state);
    }

    EntityState untrack(Object entity) {
        return states.remove(entity);
    }

    /** The state of an object just made from a row, known not to be in the session yet. */
    void addLoaded(EntityState state) {
        states.addLoaded(state);      // a new object: not hashed by identity until a lookup needs it
    }

    /** Every tracked state; not to be modified while iterated. */
    Collection<EntityState> states() {
        return states.values();
    }

    // ---------------------------------------------------------------- by key

    EntityState byKey(EntityKey key) {
        return identityMap.get(key);
    }

    /** Whether another object than {@code entity} holds {@code key}. */
    boolean heldByOther(EntityKey key, Object entity) {
        EntityState held = identityMap.get(key);     // one lookup: the map holds no null values
        return held != null && held.entity != entity;
    }

    /** The state already holding {@code key}, or null after {@code state} took its place (one hash lookup per row). */
    EntityState putIfAbsent(EntityKey key, EntityState state) {
        return identityMap.putIfAbsent(key, state);
    }

    void putKey(EntityKey key, EntityState state) {
        identityMap.put(key, state);
    }

    void removeKey(EntityKey key) {
        identityMap.remove(key);
    }

    /** States that have a key (persistent or deleted in the flush to come). */
    Collection<EntityState> keyed() {
        return identityMap.values();
    }

    /**
     * Sizes the identity map (and the list of loaded states) for {@code more} new objects at once:
     * loading 100,000 rows otherwise spends a third of its time rehashing them as they double.
     */
    void reserve(int more) {
        int needed = states.size() + more;
        if (more < 1024 || needed <= reserved) {
            return;
        }
        states.reserve(more);
        Map<EntityKey, EntityState> presizedIdentity = new HashMap<>((int) (needed / 0.75f) + 1);
        presizedIdentity.putAll(identityMap);
        identityMap = presizedIdentity;
        reserved = needed;
    }

    // ---------------------------------------------------------------- new and deleted

    /** Objects to INSERT at the next flush, in the order added. */
    Set<EntityState> newObjects() {
        if (newObjects == null) {
            newObjects = new LinkedHashSet<>();
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
        identityMap.remove(state.key);
        if (deletedObjects != null) {
            deletedObjects.remove(state);
        }
        state.status = EntityState.Status.DELETED;
    }

    /** Whether any tracked or deleted object has relationships (else a flush skips their bookkeeping). */
    boolean hasRelationships() {
        for (EntityState s : states.values()) {
            if (s.mapping.hasRelationships()) {
                return true;
            }
        }
        if (deletedObjects != null) {
            for (EntityState s : deletedObjects) {
                if (s.mapping.hasRelationships()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Forgets every object. */
    void clear() {
        // Cleared, not dropped: a large presized table is a humongous object to G1, and until it
        // is collected, every object it references survives young collections.
        states.clear();
        identityMap.clear();
        if (newObjects != null) {
            newObjects.clear();
        }
        if (deletedObjects != null) {
            deletedObjects.clear();
        }
    }
}
