package org.tabula.orm;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * Reads the column values of an entity (column attribute order, as {@link ColumnAttribute#value})
 * with one method handle call: the field getters combined into a single {@code (Object)Object[]}
 * handle, which the JVM compiles as one unit with the field reads inlined. Calling each
 * attribute's own getter costs a handle dispatch per field, the larger part of inserting a new
 * object's values.
 */
final class ColumnReader {

    /** The most fields one combined handle reads (a handle takes at most 255 arguments); wider entities read field by field. */
    private static final int MAX_COMBINED = 200;

    private final List<ColumnAttribute> attributes;
    private final MethodHandle all;     // (Object)Object[], or null: field by field
    private final int[] deferred;

    private ColumnReader(List<ColumnAttribute> attributes, MethodHandle all, int[] deferred) {
        this.attributes = attributes;
        this.all = all;
        this.deferred = deferred;
    }

    static ColumnReader of(List<ColumnAttribute> attributes) {
        int n = attributes.size();
        int[] deferred = attributes.stream().filter(ColumnAttribute::isDeferred).mapToInt(attributes::indexOf).toArray();
        if (n == 0 || n > MAX_COMBINED) {
            return new ColumnReader(attributes, null, deferred);
        }
        MethodHandle[] getters = new MethodHandle[n];
        for (int i = 0; i < n; i++) {
            getters[i] = attributes.get(i).getter;
        }
        MethodHandle collect = MethodHandles.identity(Object[].class).asCollector(Object[].class, n);
        MethodHandle each = MethodHandles.filterArguments(collect, 0, getters);
        MethodHandle all = MethodHandles.permuteArguments(each, MethodType.methodType(Object[].class, Object.class), new int[n]);
        return new ColumnReader(attributes, all, deferred);
    }

    /** A new array of {@code entity}'s column values; an unloaded deferred column is {@link ColumnAttribute#NOT_LOADED}. */
    Object[] read(Object entity) {
        if (all == null) {
            Object[] values = new Object[attributes.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = attributes.get(i).value(entity);
            }
            return values;
        }
        Object[] values;
        try {
            values = (Object[]) all.invokeExact(entity);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new OrmException("cannot read the fields of " + EntityState.describe(entity) + ": " + t, t);
        }
        for (int i : deferred) {
            if (values[i] instanceof Lazy<?> holder) {
                values[i] = holder.isLoaded() ? holder.peek() : ColumnAttribute.NOT_LOADED;
            }
        }
        return values;
    }
}
