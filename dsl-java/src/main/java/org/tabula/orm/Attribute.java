package org.tabula.orm;

/**
 * A mapped attribute of an entity: a field the ORM reads and writes. A {@link ColumnAttribute} is
 * stored in a column; a {@link RelationshipAttribute} holds related objects, loaded through its
 * own strategy.
 *
 * <pre>{@code
 * Attribute name = Mapper.mapping(User.class).attribute("name");
 * Object value = name.get(ann);            // ann.name, through a handle resolved once
 * String where = name.qualifiedName();     // "User.name"
 * }</pre>
 */
public interface Attribute {

    /**
     * The field (property) name.
     *
     * @return the name, e.g. {@code createdAt}
     */
    String name();

    /**
     * The field's declared type.
     *
     * @return the declared type
     */
    Class<?> javaType();

    /**
     * The entity class declaring the attribute.
     *
     * @return the declaring entity class
     */
    Class<?> entityClass();

    /**
     * Reads the attribute of {@code entity} (no reflection: a handle resolved once).
     *
     * @param entity an instance of {@link #entityClass()}
     * @return the field's current value
     */
    Object get(Object entity);

    /**
     * Writes the attribute of {@code entity}; refused for read-only attributes (record components).
     *
     * @param entity an instance of {@link #entityClass()}
     * @param value  the new value of the field
     */
    void set(Object entity, Object value);

    /**
     * Whether {@link #set} works (false for record components).
     *
     * @return true if the attribute can be written
     */
    boolean isWritable();

    /**
     * The attribute named with its entity, for messages.
     *
     * @return e.g. {@code User.name}
     */
    default String qualifiedName() {
        return entityClass().getSimpleName() + "." + name();
    }
}
