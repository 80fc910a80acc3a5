package org.tabula.orm;

/** What a session knows about one object it tracks. */
final class EntityState {

    enum Status { PENDING, PERSISTENT, DELETED }

    final EntityMapping<?> mapping;
    /** The tracked object; set once (a state made for a row is registered before its object exists). */
    Object entity;
    /** Column values as last loaded or flushed (column attribute order); null while pending. */
    Object[] snapshot;
    EntityKey key;
    Status status;
    boolean expired;
    /** Relationships a query asked never to load lazily (LoadOption.raise). */
    java.util.Set<RelationshipAttribute> raise;

    EntityState(EntityMapping<?> mapping, Object entity, Status status) {
        this.mapping = mapping;
        this.entity = entity;
        this.status = status;
    }

    @Override
    public String toString() {
        return mapping.entityClass().getSimpleName() + (key == null ? "(pending)" : key.values().toString());
    }
}
