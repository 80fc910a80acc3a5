package org.tabula.type;

import org.jspecify.annotations.Nullable;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A SQL data type together with its Java representation.
 *
 * <p>The default {@link #bind} / {@link #read} use plain JDBC calls; dialects replace them per
 * {@link TypeKind} where a database stores a value differently (SQLite keeps dates as text,
 * PostgreSQL has native {@code uuid}). Instances are immutable and shared.
 *
 * <pre>{@code
 * SqlType<String> name = SqlTypes.varchar(50);
 * SqlType<BigDecimal> price = SqlTypes.decimal(10, 2);
 * }</pre>
 *
 * @param <T> the Java type of values
 */
public interface SqlType<T extends @Nullable Object> {

    /** The family of this type. */
    TypeKind kind();

    /** The Java class of values of this type. */
    Class<T> javaType();

    /** Length for {@code varchar(n)}, precision for decimals; 0 when not applicable. */
    default int length() {
        return 0;
    }

    /** Scale for decimals; 0 when not applicable. */
    default int scale() {
        return 0;
    }

    /** Binds a non-null value with standard JDBC. */
    void bind(PreparedStatement ps, int index, T value) throws SQLException;

    /** Reads a value (or {@code null}) with standard JDBC. */
    @Nullable T read(ResultSet rs, int index) throws SQLException;

    /**
     * Converts a loosely typed value (from a map of parameters, or a driver) to {@code T}.
     *
     * @throws IllegalArgumentException when the value cannot represent a {@code T}
     */
    default @Nullable T coerce(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        Class<T> type = javaType();
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        throw new IllegalArgumentException("expected a value of type " + type.getSimpleName()
                + " but got " + value.getClass().getSimpleName());
    }
}
