package org.tabula.type;

/**
 * The family a {@link SqlType} belongs to. Dialects switch on it to pick DDL names and
 * value codecs, so a new family (enum, JSON, array) is one constant plus one case per dialect.
 */
public enum TypeKind {
    BOOLEAN, INTEGER, BIGINT, DECIMAL, DOUBLE, VARCHAR, TEXT,
    DATE, TIMESTAMP, INSTANT, BYTES, UUID,
    ENUM, JSON, ARRAY,
    /** A value whose type the toolkit does not know, e.g. a column of a {@code text()} result. */
    ANY
}
