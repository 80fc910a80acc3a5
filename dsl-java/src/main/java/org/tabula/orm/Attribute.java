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
     * <pre>{@code
     * String name = Mapper.mapping(User.class).attribute("name").name();   // "name"
     * }</pre>
     *
     * @return the name, e.g. {@code createdAt}
     */
    String name();

    /**
     * The field's declared type.
     *
     * <pre>{@code
     * Class<?> type = Mapper.mapping(User.class).attribute("age").javaType();   // Integer.class
     * }</pre>
     *
     * @return the declared type
     */
    Class<?> javaType();

    /**
     * The entity class declaring the attribute.
     *
     * <pre>{@code
     * Class<?> owner = Mapper.mapping(User.class).attribute("name").entityClass();   // User.class
     * }</pre>
     *
     * @return the declaring entity class
     */
    Class<?> entityClass();

    /**
     * Reads the attribute of {@code entity} (no reflection: a handle resolved once).
     *
     * <pre>{@code
     * Object name = Mapper.mapping(User.class).attribute("name").get(ann);   // ann.name
     * }</pre>
     *
     * @param entity an instance of {@link #entityClass()}
     * @return the field's current value
     */
    Object get(Object entity);

    /**
     * Writes the attribute of {@code entity}; refused for read-only attributes (record components).
     *
     * <pre>{@code
     * Mapper.mapping(User.class).attribute("name").set(ann, "Ann");   // ann.name = "Ann"
     * }</pre>
     *
     * @param entity an instance of {@link #entityClass()}
     * @param value  the new value of the field
     */
    void set(Object entity, Object value);

    /**
     * Whether {@link #set} works (false for record components).
     *
     * <pre>{@code
     * boolean writable = Mapper.mapping(User.class).attribute("name").isWritable();   // true; false for a record component
     * }</pre>
     *
     * @return true if the attribute can be written
     */
    boolean isWritable();

    /**
     * The attribute named with its entity, for messages.
     *
     * <pre>{@code
     * String where = Mapper.mapping(User.class).attribute("name").qualifiedName();   // "User.name"
     * }</pre>
     *
     * @return e.g. {@code User.name}
     */
    default String qualifiedName() {
        return entityClass().getSimpleName() + "." + name();
    }
}
