package org.tabula.orm;

import java.lang.invoke.MethodHandle;
import java.util.Objects;
import org.tabula.schema.Column;

/**
 * An attribute stored in one column of the entity's table.
 *
 * <pre>{@code
 * ColumnAttribute name = Mapper.mapping(User.class).attribute("name");
 * Column<?> column = name.column();        // users.name
 * }</pre>
 */
public final class ColumnAttribute extends FieldAttribute {

    private final Column<?> column;
    private final boolean primitive;
    private final boolean deferred;

    /** The value of a deferred column that has not been loaded. */
    static final Object NOT_LOADED = new Object() {
        @Override
        public String toString() {
            return "<not loaded>";
        }
    };

    ColumnAttribute(String name, Class<?> javaType, Class<?> entityClass, Column<?> column,
                    MethodHandle getter, MethodHandle setter) {
        super(name, javaType, entityClass, getter, setter);
        this.column = Objects.requireNonNull(column);
        this.primitive = javaType.isPrimitive();
        this.deferred = javaType == Lazy.class;
    }

    ColumnAttribute withColumn(Column<?> newColumn) {
        return new ColumnAttribute(name, javaType, entityClass, newColumn, getter, setter);
    }

    /**
     * Whether the field is a {@link Lazy} holder: the column is left out of entity queries and
     * selected on first {@code get()}.
     *
     * <pre>{@code
     * boolean deferred = Mapper.mapping(User.class).attribute("bio").isDeferred();   // true: a Lazy<String>
     * }</pre>
     *
     * @return true for a deferred ({@link Lazy}) column
     */
    public boolean isDeferred() {
        return deferred;
    }

    /** The column value held by the entity: the field, or a deferred holder's value ({@link #NOT_LOADED} if unloaded). */
    Object value(Object entity) {
        Object raw = get(entity);
        if (!deferred || raw == null) {
            return raw;
        }
        Lazy<?> holder = (Lazy<?>) raw;
        return holder.isLoaded() ? holder.peek() : NOT_LOADED;
    }

    /** Stores a loaded column value (into the existing holder for a deferred column, so references to it stay valid). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void setValue(Object entity, Object columnValue) {
        if (!deferred) {
            set(entity, columnValue);
            return;
        }
        Object raw = get(entity);
        if (raw instanceof Lazy holder) {
            holder.set(columnValue);
        } else {
            set(entity, Lazy.of(columnValue));
        }
    }

    /**
     * The column this attribute is stored in.
     *
     * <pre>{@code
     * Column<?> column = Mapper.mapping(User.class).attribute("name").column();   // users.name
     * }</pre>
     *
     * @return the mapped column
     */
    public Column<?> column() {
        return column;
    }





    @Override
    public void set(Object entity, Object value) {
        if (setter == null) {
            throw new OrmException(qualifiedName() + " is read-only (a record component)");
        }
        if (value == null && primitive) {
            throw new OrmException("column " + column.qualifiedName() + " is NULL but " + qualifiedName()
                    + " is a primitive " + javaType.getName() + "; declare it with the wrapper type");
        }
        try {
            setter.invokeExact(entity, value);
        } catch (ClassCastException e) {
            throw new OrmException("cannot set " + qualifiedName() + " (" + javaType.getName() + ") to a "
                    + value.getClass().getName() + " from column " + column.qualifiedName(), e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new OrmException("cannot write " + qualifiedName() + ": " + t, t);
        }
    }


    @Override
    public String toString() {
        return qualifiedName() + " -> " + column.qualifiedName();
    }
}
