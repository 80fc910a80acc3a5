package org.tabula.orm;

import java.lang.invoke.MethodHandle;

/**
 * What every mapped field shares: its name and types, and the accessor handles resolved once
 * when the entity is mapped, so reading or writing an attribute is one handle call.
 */
abstract class FieldAttribute implements Attribute {

    /** The field name. */
    protected final String name;
    /** The field's declared type. */
    protected final Class<?> javaType;
    /** The entity class declaring the field. */
    protected final Class<?> entityClass;
    /** Reads the field: {@code (Object)Object}. */
    protected final MethodHandle getter;   // (Object)Object
    /** Writes the field: {@code (Object,Object)void}, or null when read-only. */
    protected final MethodHandle setter;   // (Object,Object)void, or null

    FieldAttribute(String name, Class<?> javaType, Class<?> entityClass, MethodHandle getter, MethodHandle setter) {
        this.name = name;
        this.javaType = javaType;
        this.entityClass = entityClass;
        this.getter = getter;
        this.setter = setter;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Class<?> javaType() {
        return javaType;
    }

    @Override
    public final Class<?> entityClass() {
        return entityClass;
    }

    @Override
    public final Object get(Object entity) {
        try {
            return getter.invokeExact(entity);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new OrmException("cannot read " + qualifiedName() + ": " + t, t);
        }
    }

    @Override
    public final boolean isWritable() {
        return setter != null;
    }
}
