package org.tabula.orm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

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
    /** States whose keys are to be put in {@link #identityMap} before its next use ({@link #putKeyLater}). */
    private ArrayList<EntityState> unkeyed = new ArrayList<>();
    private final NewObjects newObjects = new NewObjects();
    private final Set<EntityState> deletedObjects = new LinkedHashSet<>();
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
            newObjects.reserve(more);
        }
    }

    /** Every tracked state; not to be modified while iterated. */
    Collection<EntityState> states() {
        return states.values();
    }

    // ---------------------------------------------------------------- by key

    EntityState byKey(EntityKey key) {
        return keys().get(key);
    }

    /** Whether another object than {@code entity} holds {@code key}. */
    boolean heldByOther(EntityKey key, Object entity) {
        EntityState held = keys().get(key);     // one lookup: the map holds no null values
        return held != null && held.entity != entity;
    }

    /** The state already holding {@code key}, or null after {@code state} took its place (one hash lookup per row). */
    EntityState putIfAbsent(EntityKey key, EntityState state) {
        return keys().putIfAbsent(key, state);
    }

    /** Whether any object is held by its key (else no object can clash with a new one's key). */
    boolean hasKeys() {
        return !identityMap.isEmpty() || !unkeyed.isEmpty();
    }

    /**
     * Puts the key of an object just inserted ({@code state.key}) when a lookup by key first needs
     * it: a flush of 100,000 new objects that no lookup follows (insert, commit, close) then
     * hashes none of their keys. Lookups see the same map as if it had been put now.
     */
    void putKeyLater(EntityState state) {
        unkeyed.add(state);
    }

    /** Room for {@code more} keys about to be put later (a flush's inserted objects). */
    void reserveKeys(int more) {
        unkeyed.ensureCapacity(unkeyed.size() + more);
    }

    /** The map by key, with the keys put later entered first. */
    private Map<EntityKey, EntityState> keys() {
        if (!unkeyed.isEmpty()) {
            int needed = identityMap.size() + unkeyed.size();
            if (unkeyed.size() >= 1024 && needed > reserved) {
                // One presized table instead of doubling through every size on the way.
                Map<EntityKey, EntityState> presized = new HashMap<>((int) (needed / 0.75f) + 1);
                presized.putAll(identityMap);
                identityMap = presized;
                reserved = needed;
            }
            for (EntityState s : unkeyed) {
                identityMap.put(s.key, s);
            }
            unkeyed = new ArrayList<>();
        }
        return identityMap;
    }

    void putKey(EntityKey key, EntityState state) {
        keys().put(key, state);
    }

    void removeKey(EntityKey key) {
        keys().remove(key);
    }

    /** States that have a key (persistent or deleted in the flush to come). */
    Collection<EntityState> keyed() {
        return keys().values();
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
        presizedIdentity.putAll(keys());
        identityMap = presizedIdentity;
        reserved = needed;
    }

    // ---------------------------------------------------------------- new and deleted

    /** Objects to INSERT at the next flush, in the order added. */
    NewObjects newObjects() {
        return newObjects;
    }

    /** Objects to DELETE at the next flush, in the order deleted. */
    Set<EntityState> deletedObjects() {
        return deletedObjects;
    }

    boolean isDeleted(EntityState state) {
        return deletedObjects.contains(state);
    }

    /** A row deleted behind the session's back (bulk delete, ON DELETE CASCADE): the object leaves the session. */
    void forgetDeleted(EntityState state) {
        states.remove(state.entity);
        keys().remove(state.key);
        deletedObjects.remove(state);
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
        identityMap.clear();
        unkeyed.clear();
        newObjects.clear();
        deletedObjects.clear();
        relationships = false;
    }
}
