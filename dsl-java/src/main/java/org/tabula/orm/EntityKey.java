package org.tabula.orm;

import java.util.Arrays;
import java.util.List;

/**
 * Identity of a persistent object: its mapped class and primary key values. A single-column key
 * holds its value directly (no list): one key is made per loaded row, so it is kept to one
 * small object.
 */
final class EntityKey {

    private final Class<?> entityClass;
    /** The key value, or for a composite key an {@code Object[]} of its parts. */
    private final Object value;
    private final boolean composite;

    private EntityKey(Class<?> entityClass, Object value, boolean composite) {
        this.entityClass = entityClass;
        this.value = value;
        this.composite = composite;
    }

    /** The key of a single-column primary key. */
    static EntityKey of(Class<?> entityClass, Object value) {
        return new EntityKey(entityClass, value, false);
    }

    /** The key of a primary key of any number of columns ({@code parts} is not copied). */
    static EntityKey ofParts(Class<?> entityClass, Object[] parts) {
        return parts.length == 1 ? of(entityClass, parts[0]) : new EntityKey(entityClass, parts, true);
    }

    /** {@link #hashCode()} of the key {@code of(entityClass, value)}, without making it. */
    static int hash(Class<?> entityClass, Object value) {
        return 31 * entityClass.hashCode() + value.hashCode();
    }

    /** Whether this is the key {@code of(entityClass, value)}. */
    boolean isSingle(Class<?> entityClass, Object value) {
        return !composite && this.entityClass == entityClass && this.value.equals(value);
    }

    /** The key values in primary key column order. */
    List<Object> values() {
        return composite ? Arrays.asList((Object[]) value) : List.of(value);
    }

    /** The value of a single-column key, or the list of values of a composite one. */
    Object single() {
        return composite ? values() : value;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof EntityKey other) || other.entityClass != entityClass || other.composite != composite) {
            return false;
        }
        return composite ? Arrays.equals((Object[]) value, (Object[]) other.value) : value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return composite ? 31 * entityClass.hashCode() + Arrays.hashCode((Object[]) value) : hash(entityClass, value);
    }

    @Override
    public String toString() {
        return entityClass.getSimpleName() + values();
    }
}
