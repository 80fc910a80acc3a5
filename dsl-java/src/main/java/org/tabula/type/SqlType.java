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

    /**
     * The family of this type, on which dialects switch for DDL names and value codecs.
     *
     * <pre>{@code
     * TypeKind kind = SqlTypes.varchar(20).kind();   // TypeKind.VARCHAR
     * }</pre>
     *
     * @return the type's kind, never {@code null}
     */
    TypeKind kind();

    /**
     * The Java class of values of this type.
     *
     * <pre>{@code
     * Class<Long> type = SqlTypes.BIGINT.javaType();   // Long.class
     * }</pre>
     *
     * @return the class of {@code T} (the raw class for generic types such as {@code List})
     */
    Class<T> javaType();

    /**
     * Length for {@code varchar(n)}, precision for decimals; 0 when not applicable.
     *
     * <pre>{@code
     * int length = SqlTypes.varchar(20).length();   // 20
     * }</pre>
     *
     * @return the length or precision, or 0
     */
    default int length() {
        return 0;
    }

    /**
     * Scale for decimals; 0 when not applicable.
     *
     * <pre>{@code
     * int scale = SqlTypes.decimal(10, 2).scale();   // 2
     * }</pre>
     *
     * @return the scale, or 0
     */
    default int scale() {
        return 0;
    }

    /**
     * Binds a non-null value with standard JDBC. Nulls never reach this method: the caller
     * binds them with {@code setNull}.
     *
     * <pre>{@code
     * SqlTypes.INSTANT.bind(ps, 1, Instant.now());
     * }</pre>
     *
     * @param ps the statement to bind to
     * @param index the 1-based parameter index
     * @param value the value, never {@code null}
     * @throws SQLException when the driver rejects the value
     */
    void bind(PreparedStatement ps, int index, T value) throws SQLException;

    /**
     * Reads a value (or {@code null}) with standard JDBC.
     *
     * <pre>{@code
     * ResultSet rs = ps.executeQuery();
     * Instant at = rs.next() ? SqlTypes.INSTANT.read(rs, 1) : null;
     * }</pre>
     *
     * @param rs the result set, positioned on a row
     * @param index the 1-based column index
     * @return the value, or {@code null} for SQL {@code NULL}
     * @throws SQLException when the driver cannot read the column
     */
    @Nullable T read(ResultSet rs, int index) throws SQLException;

    /**
     * Converts a loosely typed value (from a map of parameters, or a driver) to {@code T}.
     *
     * <pre>{@code
     * Long id = SqlTypes.BIGINT.coerce(42);   // 42L
     * }</pre>
     *
     * @param value the value to convert, may be {@code null}
     * @return the value as a {@code T}, or {@code null} for {@code null}
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
