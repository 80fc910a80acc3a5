package org.tabula.orm;

/**
 * A mapped attribute of an entity: a field the ORM reads and writes. A {@link ColumnAttribute} is
 * stored in a column; a {@link RelationshipAttribute} holds related objects, loaded through its
 * own strategy.
 */
public interface Attribute {

    /** The field (property) name, e.g. {@code createdAt}. */
    String name();

    /** The field's declared type. */
    Class<?> javaType();

    /** The entity class declaring the attribute. */
    Class<?> entityClass();

    /** Reads the attribute of {@code entity} (no reflection: a handle resolved once). */
    Object get(Object entity);

    /** Writes the attribute of {@code entity}; refused for read-only attributes (record components). */
    void set(Object entity, Object value);

    /** Whether {@link #set} works (false for record components). */
    boolean isWritable();

    /** {@code User.name}, for messages. */
    default String qualifiedName() {
        return entityClass().getSimpleName() + "." + name();
    }
}
