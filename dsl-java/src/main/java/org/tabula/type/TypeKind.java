package org.tabula.type;

/**
 * The family a {@link SqlType} belongs to, as reflection ({@code Inspector}) and schema
 * comparison describe a column. It is descriptive only: DDL names and value codecs come from
 * the type itself ({@link SqlType#sqlName}, {@link SqlType#bind(TypeDialect, java.sql.PreparedStatement, int, Object)}),
 * so a new type needs no new constant; {@link #OTHER} is there for types that fit none.
 *
 * <pre>{@code
 * SqlTypes.varchar(20).kind();             // TypeKind.VARCHAR
 * EnumType.byName(Status.class).kind();    // TypeKind.ENUM
 * }</pre>
 */
public enum TypeKind {
    /** True/false, as {@link Boolean}. */
    BOOLEAN,
    /** A 32-bit integer, as {@link Integer}. */
    INTEGER,
    /** A 64-bit integer, as {@link Long}. */
    BIGINT,
    /** An exact decimal with optional precision and scale, as {@link java.math.BigDecimal}. */
    DECIMAL,
    /** A double-precision floating point number, as {@link Double}. */
    DOUBLE,
    /** Text with an optional maximum length, as {@link String}. */
    VARCHAR,
    /** Text without a length limit, as {@link String}. */
    TEXT,
    /** A calendar date, as {@link java.time.LocalDate}. */
    DATE,
    /** A time of day without time zone, as {@link java.time.LocalTime}. */
    TIME,
    /** A date and time without time zone, as {@link java.time.LocalDateTime}. */
    TIMESTAMP,
    /** A point in time stored in UTC, as {@link java.time.Instant}. */
    INSTANT,
    /**
     * A date and time with an offset or zone, stored in UTC, as {@link java.time.OffsetDateTime} or
     * {@link java.time.ZonedDateTime} (read back at offset UTC).
     */
    TIMESTAMP_TZ,
    /** A length of time, as {@link java.time.Duration}: {@code interval} on PostgreSQL, microseconds elsewhere. */
    INTERVAL,
    /** An integer of any size, as {@link java.math.BigInteger}. */
    BIG_INTEGER,
    /** Binary data, as {@code byte[]}. */
    BYTES,
    /** A UUID, native on PostgreSQL and text elsewhere, as {@link java.util.UUID}. */
    UUID,
    /** A Java enum stored as text or as a native enum type; see {@link EnumType}. */
    ENUM,
    /** A JSON document; see {@link JsonSqlType}. */
    JSON,
    /** A PostgreSQL array; see {@link ArrayType}. */
    ARRAY,
    /** A value whose type the toolkit does not know, e.g. a column of a {@code text()} result. */
    ANY,
    /** A user-defined type that describes itself in none of the other families. */
    OTHER
}
