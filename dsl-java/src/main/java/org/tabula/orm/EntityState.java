package org.tabula.orm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What a session knows about one object it tracks. */
final class EntityState {

    enum Status { PENDING, PERSISTENT, DELETED }

    final EntityMapping<?> mapping;
    /** The tracked object; set once (a state made for a row is registered before its object exists). */
    Object entity;
    /** Column values as last loaded or flushed (column attribute order); null while pending. */
    Object[] snapshot;
    // Its key: an EntityKey, or for a row loaded with a single-column key the bare key value until
    // an EntityKey is asked for (most loaded objects are never looked up by key: no key object per
    // row). Null while it has none (pending).
    private Object key;
    Status status;
    boolean expired;
    /** Its slot in the session's {@link NewObjects} while it waits to be inserted, else -1. */
    int newIndex = -1;
    /** Relationships a query asked never to load lazily (LoadOption.raise). */
    java.util.Set<RelationshipAttribute> raise;

    EntityState(EntityMapping<?> mapping, Object entity, Status status) {
        this.mapping = mapping;
        this.entity = entity;
        this.status = status;
    }

    /** Its key, made now if it holds a bare key value; null if it has none. */
    EntityKey key() {
        Object k = key;
        if (k == null || k instanceof EntityKey) {
            return (EntityKey) k;
        }
        EntityKey made = EntityKey.of(mapping.entityClass(), k);
        key = made;
        return made;
    }

    boolean hasKey() {
        return key != null;
    }

    void key(EntityKey value) {
        key = value;
    }

    /** The value of its single-column key (the key made when asked for). */
    void keyValue(Object value) {
        key = value;
    }

    /** The hash code of its key ({@link EntityKey#hashCode()}); it must have one. */
    int keyHash() {
        Object k = key;
        return k instanceof EntityKey e ? e.hashCode() : EntityKey.hash(mapping.entityClass(), k);
    }

    /** Whether its key is {@code other}. */
    boolean keyEquals(EntityKey other) {
        Object k = key;
        return k instanceof EntityKey e ? e.equals(other) : k != null && other.isSingle(mapping.entityClass(), k);
    }

    /** Whether its key is the key of {@code other} (which has one). */
    boolean sameKey(EntityState other) {
        Object o = other.key;
        if (o instanceof EntityKey e) {
            return keyEquals(e);
        }
        Object k = key;
        return k instanceof EntityKey e ? e.isSingle(other.mapping.entityClass(), o)
                : mapping.entityClass() == other.mapping.entityClass() && k.equals(o);
    }

    /** Indexes (column attribute order) of the columns whose values differ from the snapshot. */
    List<Integer> changedColumns() {
        if (snapshot == null) {
            return List.of();
        }
        List<ColumnAttribute> attrs = mapping.columnAttributes();
        List<Integer> changed = null;
        for (int i = 0; i < attrs.size(); i++) {
            if (!same(snapshot[i], attrs.get(i).value(entity))) {
                if (changed == null) {
                    changed = new ArrayList<>(2);
                }
                changed.add(i);
            }
        }
        return changed == null ? List.of() : changed;
    }

    /** Equal column values: BigDecimals by value (2.0 is 2.00), arrays by content. */
    static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.deepEquals(a, b);
    }

    /** An object for messages: its class and identity. */
    static String describe(Object entity) {
        return entity.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(entity));
    }

    @Override
    public String toString() {
        return mapping.entityClass().getSimpleName() + (key == null ? "(pending)" : key().values().toString());
    }
}
