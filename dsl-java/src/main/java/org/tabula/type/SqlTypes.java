package org.tabula.type;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.function.Function;

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
    public static final BasicType<Boolean> BOOLEAN = BasicType.builder(TypeKind.BOOLEAN, Boolean.class)
            .sqlName("BOOLEAN").jdbcType(Types.BOOLEAN)
            .binder(BasicType.BOOLEAN_BINDER).reader(BasicType.BOOLEAN_READER)
            .coercion(v -> v instanceof Number n ? n.intValue() != 0 : null)
            .on(DatabaseFamily.MYSQL, b -> b.castName(t -> "SIGNED"))
            .build();

    /** INTEGER, as {@link Integer}. */
    public static final BasicType<Integer> INTEGER = BasicType.builder(TypeKind.INTEGER, Integer.class)
            .sqlName("INTEGER").jdbcType(Types.INTEGER)
            .binder(BasicType.INT_BINDER).reader(BasicType.INT_READER)
            .coercion(v -> v instanceof Number n ? Math.toIntExact(n.longValue()) : null)
            .on(DatabaseFamily.MYSQL, b -> b.sqlName("INT").castName(t -> "SIGNED"))
            .build();

    /** BIGINT, as {@link Long}. */
    public static final BasicType<Long> BIGINT = BasicType.builder(TypeKind.BIGINT, Long.class)
            .sqlName("BIGINT").jdbcType(Types.BIGINT)
            .binder(BasicType.LONG_BINDER).reader(BasicType.LONG_READER)
            .coercion(v -> v instanceof Number n ? n.longValue() : null)
            .on(DatabaseFamily.MYSQL, b -> b.castName(t -> "SIGNED"))
            .build();

    /** DOUBLE PRECISION, as {@link Double}. */
    public static final BasicType<Double> DOUBLE = BasicType.builder(TypeKind.DOUBLE, Double.class)
            .sqlName("DOUBLE PRECISION").jdbcType(Types.DOUBLE)
            .binder(BasicType.DOUBLE_BINDER).reader(BasicType.DOUBLE_READER)
            .coercion(v -> v instanceof Number n ? n.doubleValue() : null)
            .on(DatabaseFamily.SQLITE, b -> b.sqlName("REAL"))
            .on(DatabaseFamily.MYSQL, b -> b.sqlName("DOUBLE"))
            .build();

    /**
     * DECIMAL without precision, as {@link BigDecimal}; see {@link #decimal(int, int)}. SQLite
     * keeps the digits as text and reads them back at the declared scale.
     */
    public static final BasicType<BigDecimal> DECIMAL = BasicType.builder(TypeKind.DECIMAL, BigDecimal.class)
            .sqlName(t -> t.length() > 0 ? "NUMERIC(" + t.length() + ", " + t.scale() + ")" : "NUMERIC")
            .jdbcType(Types.NUMERIC)
            .binder((ps, i, v) -> ps.setBigDecimal(i, v)).reader(SqlTypes::readDecimal)
            .coercion(SqlTypes::toDecimal)
            .on(DatabaseFamily.SQLITE, b -> b
                    .binder((ps, i, v) -> ps.setString(i, v.toPlainString()))
                    .reader(decimalText(b.scale())))
            .on(DatabaseFamily.MYSQL, b -> b.sqlName(t -> t.length() > 0
                    ? "DECIMAL(" + t.length() + ", " + t.scale() + ")" : "DECIMAL(65, 30)"))
            .build();

    /** VARCHAR without a length (dialects that need one use 255); see {@link #varchar(int)}. */
    public static final BasicType<String> VARCHAR = BasicType.builder(TypeKind.VARCHAR, String.class)
            .sqlName(t -> t.length() > 0 ? "VARCHAR(" + t.length() + ")" : "VARCHAR").jdbcType(Types.VARCHAR)
            .binder(BasicType.STRING_BINDER).reader(BasicType.STRING_READER)
            .on(DatabaseFamily.MYSQL, b -> b.sqlName(t -> "VARCHAR(" + (t.length() > 0 ? t.length() : 255) + ")")
                    .castName(t -> "CHAR"))
            .build();

    /** TEXT without a length limit, as {@link String} ({@code LONGTEXT} on MySQL). */
    public static final BasicType<String> TEXT = BasicType.builder(TypeKind.TEXT, String.class)
            .sqlName("TEXT").jdbcType(Types.VARCHAR)
            .binder(BasicType.STRING_BINDER).reader(BasicType.STRING_READER)
            .on(DatabaseFamily.MYSQL, b -> b.sqlName("LONGTEXT").castName(t -> "CHAR"))
            .build();

    /** A date, as {@link LocalDate}; ISO text ({@code 2024-01-31}) on SQLite. */
    public static final BasicType<LocalDate> DATE = BasicType.builder(TypeKind.DATE, LocalDate.class)
            .sqlName("DATE").jdbcType(Types.DATE)
            .binder((ps, i, v) -> ps.setObject(i, v)).reader((rs, i) -> rs.getObject(i, LocalDate.class))
            .coercion(v -> v instanceof String s ? parseDate(s) : null)
            .on(DatabaseFamily.SQLITE, b -> b
                    .binder((ps, i, v) -> ps.setString(i, v.toString()))
                    .reader((rs, i) -> {
                        String s = rs.getString(i);
                        return s == null ? null : parseDate(s);
                    }))
            .build();

    /** A timestamp without time zone, as {@link LocalDateTime}; text on SQLite, {@code DATETIME(6)} on MySQL. */
    public static final BasicType<LocalDateTime> TIMESTAMP = BasicType.builder(TypeKind.TIMESTAMP, LocalDateTime.class)
            .sqlName("TIMESTAMP").jdbcType(Types.TIMESTAMP)
            .binder((ps, i, v) -> ps.setObject(i, v)).reader((rs, i) -> rs.getObject(i, LocalDateTime.class))
            .coercion(v -> v instanceof String s ? TextForms.parseTimestamp(s) : null)
            .on(DatabaseFamily.SQLITE, b -> b
                    .binder((ps, i, v) -> ps.setString(i, TextForms.TIMESTAMP.format(v)))
                    .reader((rs, i) -> {
                        String s = rs.getString(i);
                        return s == null ? null : TextForms.parseTimestamp(s);
                    }))
            // As text: Connector/J reads MariaDB's "5.5.5-" version prefix as MySQL 5.5 and drops fractional seconds.
            .on(DatabaseFamily.MYSQL, b -> b.sqlName("DATETIME(6)")
                    .binder((ps, i, v) -> ps.setString(i, TextForms.TIMESTAMP.format(v))))
            .build();

    /**
     * A point in time, as {@link Instant}; stored in UTC on every dialect ({@code timestamptz} on
     * PostgreSQL, {@code DATETIME(6)} in UTC on MySQL, UTC text on SQLite).
     */
    public static final BasicType<Instant> INSTANT = utc(TypeKind.INSTANT, Instant.class,
            odt -> odt.toInstant(), i -> OffsetDateTime.ofInstant(i, ZoneOffset.UTC));

    /**
     * A date and time with an offset, as {@link OffsetDateTime}, stored as the instant it names
     * in UTC (as {@link #INSTANT}): the offset is not kept, values read back at offset
     * {@link ZoneOffset#UTC} ({@code 12:00+02:00} is read as {@code 10:00Z}, the same instant).
     */
    public static final BasicType<OffsetDateTime> OFFSET_DATE_TIME = utc(TypeKind.TIMESTAMP_TZ, OffsetDateTime.class,
            odt -> odt, odt -> odt);

    /**
     * A date and time in a zone, as {@link ZonedDateTime}, stored as the instant it names in UTC
     * (as {@link #INSTANT}): the zone is not kept, values read back in zone {@link ZoneOffset#UTC}.
     */
    public static final BasicType<ZonedDateTime> ZONED_DATE_TIME = utc(TypeKind.TIMESTAMP_TZ, ZonedDateTime.class,
            OffsetDateTime::toZonedDateTime, ZonedDateTime::toOffsetDateTime);

    /**
     * A time of day, as {@link LocalTime}, to the microsecond: {@code TIME} on PostgreSQL,
     * {@code TIME(6)} on MySQL, text ({@code 12:34:56.123456}) on SQLite.
     */
    public static final BasicType<LocalTime> LOCAL_TIME = BasicType.builder(TypeKind.TIME, LocalTime.class)
            .sqlName("TIME").jdbcType(Types.TIME)
            .binder((ps, i, v) -> ps.setObject(i, v)).reader((rs, i) -> rs.getObject(i, LocalTime.class))
            .coercion(v -> v instanceof String s ? TextForms.parseTime(s)
                    : v instanceof java.sql.Time t ? t.toLocalTime() : null)
            .on(DatabaseFamily.SQLITE, SqlTypes::timeAsText)
            .on(DatabaseFamily.MYSQL, b -> timeAsText(b).sqlName("TIME(6)").jdbcType(Types.TIME))
            .build();

    /**
     * A length of time, as {@link Duration}, to the microsecond (finer parts are truncated towards
     * zero): a native {@code INTERVAL} on PostgreSQL, a {@code BIGINT} count of microseconds on
     * MySQL and SQLite. PostgreSQL intervals with months or years (not written by Tabula) read as
     * 30-day months and 365.25-day years, as its {@code extract(epoch ...)} counts them.
     */
    public static final BasicType<Duration> DURATION = BasicType.builder(TypeKind.INTERVAL, Duration.class)
            .sqlName("BIGINT").jdbcType(Types.BIGINT)
            .binder((ps, i, v) -> ps.setLong(i, TextForms.micros(v)))
            .reader((rs, i) -> {
                long v = rs.getLong(i);
                return rs.wasNull() ? null : TextForms.ofMicros(v);
            })
            .coercion(SqlTypes::toDuration)
            .on(DatabaseFamily.POSTGRESQL, b -> b.sqlName("INTERVAL").jdbcType(Types.OTHER)
                    .binder((ps, i, v) -> ps.setObject(i, TextForms.intervalText(v), Types.OTHER))
                    .reader((rs, i) -> {
                        String s = rs.getString(i);
                        return s == null ? null : TextForms.parseInterval(s);
                    }))
            .build();

    /**
     * An integer of any size, as {@link BigInteger}: {@code NUMERIC(65, 0)} on PostgreSQL,
     * {@code DECIMAL(65, 0)} on MySQL (its largest), text on SQLite (whose numbers stop at 64
     * bits; such a column sorts as text). See {@link #bigInteger(int)} for another precision.
     */
    public static final BasicType<BigInteger> BIG_INTEGER = BasicType.builder(TypeKind.BIG_INTEGER, BigInteger.class)
            .length(65, 0)
            .sqlName(t -> "NUMERIC(" + t.length() + ", 0)").jdbcType(Types.NUMERIC)
            .binder((ps, i, v) -> ps.setBigDecimal(i, new BigDecimal(v)))
            .reader((rs, i) -> {
                BigDecimal d = rs.getBigDecimal(i);
                return d == null ? null : d.toBigIntegerExact();
            })
            .coercion(SqlTypes::toBigInteger)
            .on(DatabaseFamily.SQLITE, b -> b.sqlName("TEXT").jdbcType(Types.VARCHAR)
                    .binder((ps, i, v) -> ps.setString(i, v.toString()))
                    .reader((rs, i) -> {
                        String s = rs.getString(i);
                        return s == null ? null : new BigInteger(s);
                    }))
            .on(DatabaseFamily.MYSQL, b -> b.sqlName(t -> "DECIMAL(" + t.length() + ", 0)"))
            .build();

    /** Binary data ({@code BLOB}/{@code BYTEA}), as {@code byte[]}. */
    public static final BasicType<byte[]> BYTES = BasicType.builder(TypeKind.BYTES, byte[].class)
            .sqlName("BYTEA").jdbcType(Types.BINARY)
            .binder((ps, i, v) -> ps.setBytes(i, v)).reader(ResultSet::getBytes)
            .coercion(v -> v instanceof ByteBuffer b ? toArray(b) : null)
            .on(DatabaseFamily.SQLITE, b -> b.sqlName("BLOB"))
            .on(DatabaseFamily.MYSQL, b -> b.sqlName("LONGBLOB").castName(t -> "BINARY"))
            .build();

    /**
     * A UUID, as {@link UUID}: native {@code uuid} on PostgreSQL, {@code CHAR(36)} text
     * ({@code 123e4567-e89b-12d3-a456-426614174000}) on MySQL and SQLite, readable by eye and by
     * any tool. A 16-byte {@code BINARY(16)} form is a user-defined type away; see
     * {@link #converted}.
     */
    public static final BasicType<UUID> UUID_TYPE = BasicType.builder(TypeKind.UUID, UUID.class)
            .sqlName("UUID").jdbcType(Types.OTHER)
            .binder((ps, i, v) -> ps.setObject(i, v)).reader((rs, i) -> rs.getObject(i, UUID.class))
            .coercion(v -> v instanceof String s ? UUID.fromString(s) : null)
            .on(DatabaseFamily.SQLITE, SqlTypes::uuidAsText)
            .on(DatabaseFamily.MYSQL, b -> uuidAsText(b).castName(t -> "CHAR(36)"))
            .on(DatabaseFamily.OTHER, SqlTypes::uuidAsText)
            .build();

    /** The type of values the toolkit knows nothing about: bound with {@code setObject}, read with {@code getObject}. */
    public static final BasicType<Object> ANY = BasicType.builder(TypeKind.ANY, Object.class)
            .sqlName("TEXT").jdbcType(Types.NULL)
            .binder((ps, i, v) -> {
                if (v == null) {
                    ps.setNull(i, Types.NULL);
                } else {
                    ps.setObject(i, v);
                }
            })
            .reader(ResultSet::getObject)
            .on(DatabaseFamily.SQLITE, b -> b.sqlName(""))
            .on(DatabaseFamily.MYSQL, b -> b.sqlName("LONGTEXT").castName(t -> "CHAR"))
            .build();

    /**
     * A type for values of {@code javaType} stored as {@code stored}, TypeDecorator style:
     * {@code fromDatabase} turns a stored value into a {@code T} on reading, {@code toDatabase}
     * back on binding; DDL name, NULL code and the stored value's codec are {@code stored}'s on
     * every database, unless {@link ConvertedType#withSqlName} or {@link ConvertedType#on} says
     * otherwise for one. Neither function sees {@code null}: NULL stays NULL.
     *
     * <pre>{@code
     * record EmailAddress(String value) { }
     * static final SqlType<EmailAddress> EMAIL = SqlTypes.converted(SqlTypes.varchar(254),
     *         EmailAddress.class, EmailAddress::new, EmailAddress::value);
     *
     * Column<EmailAddress> email = column("email", EMAIL);
     * }</pre>
     *
     * @param <T> the Java type the application uses
     * @param <S> the Java type of the stored type
     * @param stored the type the column has in the database
     * @param javaType the class of {@code T}
     * @param fromDatabase a stored value (never {@code null}) to a {@code T}
     * @param toDatabase a {@code T} (never {@code null}) to its stored value
     * @return the type
     */
    public static <T extends @Nullable Object, S extends @Nullable Object> ConvertedType<T, S> converted(
            SqlType<S> stored, Class<T> javaType, Function<? super S, ? extends T> fromDatabase,
            Function<? super T, ? extends S> toDatabase) {
        return ConvertedType.of(stored, javaType, fromDatabase, toDatabase);
    }

    /**
     * {@code NUMERIC(precision, 0)} for {@link BigInteger} values (text on SQLite).
     *
     * <pre>{@code
     * Column<BigInteger> supply = column("supply", SqlTypes.bigInteger(40));
     * }</pre>
     *
     * @param precision the most digits, between 1 and 65 (MySQL's limit)
     * @return the type
     * @throws IllegalArgumentException when {@code precision} is out of range
     */
    public static BasicType<BigInteger> bigInteger(int precision) {
        if (precision <= 0 || precision > 65) {
            throw new IllegalArgumentException("bigInteger precision must be between 1 and 65, got " + precision);
        }
        return BIG_INTEGER.withLength(precision, 0);
    }

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
        } else if (value instanceof LocalTime) {
            type = LOCAL_TIME;
        } else if (value instanceof OffsetDateTime) {
            type = OFFSET_DATE_TIME;
        } else if (value instanceof ZonedDateTime) {
            type = ZONED_DATE_TIME;
        } else if (value instanceof Duration) {
            type = DURATION;
        } else if (value instanceof BigInteger) {
            type = BIG_INTEGER;
        } else if (value instanceof byte[]) {
            type = BYTES;
        } else {
            type = ANY;
        }
        return (SqlType<T>) type;
    }

    /** The built-in type of {@code kind} with one DDL name, for types made by {@code new BasicType(kind, ...)}. */
    static @Nullable BasicType<?> builtIn(TypeKind kind) {
        return switch (kind) {
            case BOOLEAN -> BOOLEAN;
            case INTEGER -> INTEGER;
            case BIGINT -> BIGINT;
            case DECIMAL -> DECIMAL;
            case DOUBLE -> DOUBLE;
            case VARCHAR -> VARCHAR;
            case TEXT -> TEXT;
            case DATE -> DATE;
            case TIME -> LOCAL_TIME;
            case TIMESTAMP -> TIMESTAMP;
            case INSTANT -> INSTANT;
            case TIMESTAMP_TZ -> OFFSET_DATE_TIME;
            case INTERVAL -> DURATION;
            case BIG_INTEGER -> BIG_INTEGER;
            case BYTES -> BYTES;
            case UUID -> UUID_TYPE;
            case ANY -> ANY;
            case ENUM, JSON, ARRAY, OTHER -> null;
        };
    }

    /**
     * A type stored as UTC: {@code timestamptz} bound as an offset date-time on PostgreSQL and
     * other databases, UTC text in {@code DATETIME(6)} on MySQL (see TIMESTAMP) and on SQLite.
     */
    private static <T> BasicType<T> utc(TypeKind kind, Class<T> javaType, Function<OffsetDateTime, T> fromUtc,
                                        Function<T, OffsetDateTime> toOffset) {
        return BasicType.builder(kind, javaType)
                .sqlName("TIMESTAMP WITH TIME ZONE").jdbcType(Types.TIMESTAMP_WITH_TIMEZONE)
                .binder((ps, i, v) -> ps.setObject(i, toOffset.apply(v).withOffsetSameInstant(ZoneOffset.UTC)))
                .reader((rs, i) -> {
                    OffsetDateTime v = rs.getObject(i, OffsetDateTime.class);
                    return v == null ? null : fromUtc.apply(v.withOffsetSameInstant(ZoneOffset.UTC));
                })
                .coercion(v -> {
                    OffsetDateTime o = toUtc(v);
                    return o == null ? null : fromUtc.apply(o);
                })
                .on(DatabaseFamily.SQLITE, b -> b.sqlName("TIMESTAMP")
                        .binder((ps, i, v) -> ps.setString(i, utcText(toOffset.apply(v))))
                        .reader((rs, i) -> {
                            String s = rs.getString(i);
                            return s == null ? null : fromUtc.apply(TextForms.parseTimestamp(s).atOffset(ZoneOffset.UTC));
                        }))
                .on(DatabaseFamily.MYSQL, b -> b.sqlName("DATETIME(6)")
                        .binder((ps, i, v) -> ps.setString(i, utcText(toOffset.apply(v))))
                        .reader((rs, i) -> {
                            LocalDateTime t = rs.getObject(i, LocalDateTime.class);
                            return t == null ? null : fromUtc.apply(t.atOffset(ZoneOffset.UTC));
                        }))
                .build();
    }

    private static String utcText(OffsetDateTime v) {
        return TextForms.TIMESTAMP.format(v.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
    }

    /** What drivers and parameter maps hold for a UTC time: an offset, zoned or local (UTC) date-time, an instant, text. */
    private static @Nullable OffsetDateTime toUtc(Object v) {
        OffsetDateTime o = v instanceof OffsetDateTime x ? x
                : v instanceof ZonedDateTime z ? z.toOffsetDateTime()
                : v instanceof Instant i ? i.atOffset(ZoneOffset.UTC)
                : v instanceof LocalDateTime l ? l.atOffset(ZoneOffset.UTC)
                : v instanceof java.sql.Timestamp t ? t.toInstant().atOffset(ZoneOffset.UTC)
                : v instanceof String s ? parseUtc(s)
                : null;
        return o == null ? null : o.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static OffsetDateTime parseUtc(String s) {
        try {
            return OffsetDateTime.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return TextForms.parseTimestamp(s).atOffset(ZoneOffset.UTC);
        }
    }

    private static BasicType.Builder<LocalTime> timeAsText(BasicType.Builder<LocalTime> b) {
        return b.jdbcType(Types.VARCHAR)
                .binder((ps, i, v) -> ps.setString(i, TextForms.TIME.format(v)))
                .reader((rs, i) -> {
                    String s = rs.getString(i);
                    return s == null ? null : TextForms.parseTime(s);
                });
    }

    private static BasicType.Builder<UUID> uuidAsText(BasicType.Builder<UUID> b) {
        return b.sqlName("CHAR(36)").jdbcType(Types.CHAR)
                .binder((ps, i, v) -> ps.setString(i, v.toString()))
                .reader((rs, i) -> {
                    String s = rs.getString(i);
                    return s == null ? null : UUID.fromString(s);
                });
    }

    private static LocalDate parseDate(String s) {
        return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    }

    /** SQLite's NUMERIC affinity keeps {@code 12.50} as the real 12.5: the declared scale comes back on reading. */
    private static BasicType.Reader<BigDecimal> decimalText(int scale) {
        return (rs, i) -> {
            String s = rs.getString(i);
            if (s == null) {
                return null;
            }
            BigDecimal d = new BigDecimal(s);
            return scale > 0 ? d.setScale(scale, RoundingMode.HALF_UP) : d;
        };
    }

    private static @Nullable Duration toDuration(Object v) {
        if (v instanceof Long || v instanceof Integer) {
            return TextForms.ofMicros(((Number) v).longValue());
        }
        if (v instanceof String s) {
            return s.startsWith("P") || s.startsWith("-P") ? Duration.parse(s) : TextForms.parseInterval(s);
        }
        // PostgreSQL's PGInterval, without a compile-time dependency on the driver
        return v.getClass().getSimpleName().equals("PGInterval") ? TextForms.parseInterval(v.toString()) : null;
    }

    private static @Nullable BigInteger toBigInteger(Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return BigInteger.valueOf(((Number) v).longValue());
        }
        if (v instanceof BigDecimal d) {
            return d.toBigIntegerExact();
        }
        if (v instanceof String s) {
            return new BigInteger(s.trim());
        }
        return null;
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
