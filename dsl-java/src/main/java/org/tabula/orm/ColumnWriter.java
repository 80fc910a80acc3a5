package org.tabula.orm;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.List;

/**
 * Sets the column fields of a new entity from a row's values (column attribute order) with one
 * method handle call: the field setters, each fed its element of the array, folded into a single
 * {@code (Object,Object[])void} handle that the JVM compiles as one unit; the mirror of
 * {@link ColumnReader}. Calling each attribute's own setter costs a handle dispatch per field,
 * the ORM's largest cost of loading a row beyond reading it. A value the combined handle cannot
 * take (NULL for a primitive, a value of another class) is set again field by field, which words
 * the error.
 */
final class ColumnWriter {

    /** The most fields one combined handle sets; wider entities are set field by field. */
    private static final int MAX_COMBINED = 64;

    private final List<ColumnAttribute> attributes;
    private final MethodHandle all;     // (Object,Object[])void, or null: field by field

    private ColumnWriter(List<ColumnAttribute> attributes, MethodHandle all) {
        this.attributes = attributes;
        this.all = all;
    }

    static ColumnWriter of(List<ColumnAttribute> attributes) {
        int n = attributes.size();
        if (n == 0 || n > MAX_COMBINED || attributes.stream().anyMatch(a -> a.setter == null)) {
            return new ColumnWriter(attributes, null);
        }
        MethodHandle element = MethodHandles.arrayElementGetter(Object[].class);
        MethodHandle all = null;
        for (int i = 0; i < n; i++) {
            // (Object entity, Object[] values)void: setter_i(entity, values[i])
            MethodHandle set = MethodHandles.filterArguments(attributes.get(i).setter, 1,
                    MethodHandles.insertArguments(element, 1, i));
            // the fields set so far run first (a void combiner), then this one
            all = all == null ? set : MethodHandles.foldArguments(set, all);
        }
        return new ColumnWriter(attributes, all);
    }

    /** Sets {@code entity}'s fields to {@code values}, one per column attribute. */
    void write(Object entity, Object[] values) {
        if (all != null && values.length == attributes.size()) {
            try {
                all.invokeExact(entity, values);
                return;
            } catch (ClassCastException | NullPointerException e) {
                // a value the field cannot take: set field by field, which says which and why
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new OrmException("cannot write the fields of " + EntityState.describe(entity) + ": " + t, t);
            }
        }
        for (int i = 0; i < values.length; i++) {
            attributes.get(i).set(entity, values[i]);
        }
    }
}
