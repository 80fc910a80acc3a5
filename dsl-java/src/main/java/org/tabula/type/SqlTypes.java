package org.tabula.type;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The built-in SQL types.
 *
 * <pre>{@code
 * Column<Long> id = bigint("id");                 // via Table helpers
 * SqlType<BigDecimal> money = SqlTypes.decimal(12, 2);
 * }</pre>
 */
public final class SqlTypes {

    private SqlTypes() {
    }

    /** BOOLEAN, as {@link Boolean}; drivers that return numbers (SQLite) are coerced with {@code 0 = false}. */
    public static final BasicType<Boolean> BOOLEAN = new BasicType<>(TypeKind.BOOLEAN, Boolean.class, 0, 0,
            BasicType.BOOLEAN_BINDER,
            BasicType.BOOLEAN_READER,
            v -> v instanceof Number n ? n.intValue() != 0 : null);

    /** INTEGER, as {@link Integer}. */
    public static final BasicType<Integer> INTEGER = new BasicType<>(TypeKind.INTEGER, Integer.class, 0, 0,
            BasicType.INT_BINDER,
            BasicType.INT_READER,
            v -> v instanceof Number n ? Math.toIntExact(n.longValue()) : null);

    /** BIGINT, as {@link Long}. */
    public static final BasicType<Long> BIGINT = new BasicType<>(TypeKind.BIGINT, Long.class, 0, 0,
            BasicType.LONG_BINDER,
            BasicType.LONG_READER,
            v -> v instanceof Number n ? n.longValue() : null);

    /** DOUBLE PRECISION, as {@link Double}. */
    public static final BasicType<Double> DOUBLE = new BasicType<>(TypeKind.DOUBLE, Double.class, 0, 0,
            BasicType.DOUBLE_BINDER,
            BasicType.DOUBLE_READER,
            v -> v instanceof Number n ? n.doubleValue() : null);

    /** DECIMAL without precision; see {@link #decimal(int, int)}. */
    public static final BasicType<BigDecimal> DECIMAL = new BasicType<>(TypeKind.DECIMAL, BigDecimal.class, 0, 0,
            (ps, i, v) -> ps.setBigDecimal(i, v),
            SqlTypes::readDecimal,
            SqlTypes::toDecimal);

    /** VARCHAR without a length (dialects that need one use 255); see {@link #varchar(int)}. */
    public static final BasicType<String> VARCHAR = new BasicType<>(TypeKind.VARCHAR, String.class, 0, 0,
            BasicType.STRING_BINDER,
            BasicType.STRING_READER,
            null);

    /** TEXT without a length limit, as {@link String}. */
    public static final BasicType<String> TEXT = new BasicType<>(TypeKind.TEXT, String.class, 0, 0,
            BasicType.STRING_BINDER,
            BasicType.STRING_READER,
            null);

    /** A date, as {@link LocalDate}. */
    public static final BasicType<LocalDate> DATE = new BasicType<>(TypeKind.DATE, LocalDate.class, 0, 0,
            (ps, i, v) -> ps.setObject(i, v),
            (rs, i) -> rs.getObject(i, LocalDate.class),
            v -> v instanceof String s ? LocalDate.parse(s) : null);

    /** A timestamp without time zone, as {@link LocalDateTime}. */
    public static final BasicType<LocalDateTime> TIMESTAMP = new BasicType<>(TypeKind.TIMESTAMP, LocalDateTime.class, 0, 0,
            (ps, i, v) -> ps.setObject(i, v),
            (rs, i) -> rs.getObject(i, LocalDateTime.class),
            v -> v instanceof String s ? LocalDateTime.parse(s) : null);

    /** A point in time, as {@link Instant}; stored in UTC on every dialect. */
    public static final BasicType<Instant> INSTANT = new BasicType<>(TypeKind.INSTANT, Instant.class, 0, 0,
            (ps, i, v) -> ps.setObject(i, OffsetDateTime.ofInstant(v, ZoneOffset.UTC)),
            (rs, i) -> {
                OffsetDateTime v = rs.getObject(i, OffsetDateTime.class);
                return v == null ? null : v.toInstant();
            },
            v -> v instanceof OffsetDateTime o ? o.toInstant() : null);

    /** Binary data ({@code BLOB}/{@code BYTEA}), as {@code byte[]}. */
    public static final BasicType<byte[]> BYTES = new BasicType<>(TypeKind.BYTES, byte[].class, 0, 0,
            (ps, i, v) -> ps.setBytes(i, v),
            ResultSet::getBytes,
            v -> v instanceof ByteBuffer b ? toArray(b) : null);

    /** A UUID, as {@link UUID}; native {@code uuid} on PostgreSQL, text elsewhere. */
    public static final BasicType<UUID> UUID_TYPE = new BasicType<>(TypeKind.UUID, UUID.class, 0, 0,
            (ps, i, v) -> ps.setObject(i, v),
            (rs, i) -> rs.getObject(i, UUID.class),
            v -> v instanceof String s ? UUID.fromString(s) : null);

    /** The type of values the toolkit knows nothing about: bound with {@code setObject}, read with {@code getObject}. */
    public static final BasicType<Object> ANY = new BasicType<>(TypeKind.ANY, Object.class, 0, 0,
            (ps, i, v) -> {
                if (v == null) {
                    ps.setNull(i, Types.NULL);
                } else {
                    ps.setObject(i, v);
                }
            },
            ResultSet::getObject,
            null);

    /**
     * {@code VARCHAR(length)}.
     *
     * <pre>{@code
     * Column<String> email = column("email", SqlTypes.varchar(320));
     * }</pre>
     *
     * @param length the maximum length in characters, positive
     * @return the VARCHAR type of that length
     * @throws IllegalArgumentException when {@code length} is not positive
     */
    public static BasicType<String> varchar(int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("varchar length must be positive, got " + length);
        }
        return VARCHAR.withLength(length, 0);
    }

    /**
     * {@code DECIMAL(precision, scale)}.
     *
     * <pre>{@code
     * Column<BigDecimal> price = column("price", SqlTypes.decimal(10, 2));
     * }</pre>
     *
     * @param precision the total number of digits, positive
     * @param scale the digits after the decimal point, between 0 and {@code precision}
     * @return the DECIMAL type with that precision and scale
     * @throws IllegalArgumentException when precision or scale are out of range
     */
    public static BasicType<BigDecimal> decimal(int precision, int scale) {
        if (precision <= 0 || scale < 0 || scale > precision) {
            throw new IllegalArgumentException("invalid decimal(" + precision + ", " + scale + ")");
        }
        return DECIMAL.withLength(precision, scale);
    }

    /**
     * The type that best describes a plain Java value, used for values compared with
     * expressions of unknown type (e.g. in {@code text()} statements).
     *
     * <pre>{@code
     * SqlType<Long> t = SqlTypes.forValue(42L);   // BIGINT
     * }</pre>
     *
     * @param <T> the Java type of the value
     * @param value the value, may be {@code null}
     * @return the matching built-in type, or {@link #ANY} for unknown classes and {@code null}
     */
    @SuppressWarnings("unchecked")
    public static <T extends @Nullable Object> SqlType<T> forValue(T value) {
        SqlType<?> type;
        if (value instanceof String) {
            type = VARCHAR;
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            type = INTEGER;
        } else if (value instanceof Long) {
            type = BIGINT;
        } else if (value instanceof Boolean) {
            type = BOOLEAN;
        } else if (value instanceof Double || value instanceof Float) {
            type = DOUBLE;
        } else if (value instanceof BigDecimal) {
            type = DECIMAL;
        } else if (value instanceof LocalDateTime) {
            type = TIMESTAMP;
        } else if (value instanceof LocalDate) {
            type = DATE;
        } else if (value instanceof Instant) {
            type = INSTANT;
        } else if (value instanceof UUID) {
            type = UUID_TYPE;
        } else if (value instanceof byte[]) {
            type = BYTES;
        } else {
            type = ANY;
        }
        return (SqlType<T>) type;
    }

    private static BigDecimal readDecimal(ResultSet rs, int i) throws SQLException {
        return rs.getBigDecimal(i);
    }

    private static BigDecimal toDecimal(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (v instanceof String s) {
            return new BigDecimal(s);
        }
        return null;
    }

    private static byte[] toArray(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
