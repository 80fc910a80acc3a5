package org.tabula.type;

/**
 * The family a {@link SqlType} belongs to. Dialects switch on it to pick DDL names and
 * value codecs, so a new family (enum, JSON, array) is one constant plus one case per dialect.
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
    /** A date and time without time zone, as {@link java.time.LocalDateTime}. */
    TIMESTAMP,
    /** A point in time stored in UTC, as {@link java.time.Instant}. */
    INSTANT,
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
    ANY
}
