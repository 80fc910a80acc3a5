package org.tabula.result;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Widening and narrowing of numbers read from untyped columns. */
final class Conversions {

    private Conversions() {
    }

    @SuppressWarnings("unchecked")
    static <T extends @Nullable Object> T convert(Object v, Class<T> type) {
        if (v == null || type.isInstance(v)) {
            return (T) v;
        }
        if (v instanceof Number n) {
            if (type == Long.class) {
                return (T) Long.valueOf(n.longValue());
            }
            if (type == Integer.class) {
                return (T) Integer.valueOf(Math.toIntExact(n.longValue()));
            }
            if (type == Double.class) {
                return (T) Double.valueOf(n.doubleValue());
            }
            if (type == BigDecimal.class) {
                return (T) (n instanceof BigInteger b ? new BigDecimal(b) : new BigDecimal(n.toString()));
            }
            if (type == Boolean.class) {
                return (T) Boolean.valueOf(n.intValue() != 0);
            }
            if (type == BigInteger.class) {
                return (T) (n instanceof BigDecimal d ? d.toBigIntegerExact() : new BigDecimal(n.toString()).toBigIntegerExact());
            }
        }
        if (type == String.class) {
            return (T) v.toString();
        }
        throw new ClassCastException("cannot convert " + v.getClass().getSimpleName() + " to " + type.getSimpleName());
    }
}
