package org.tabula.micrometer;

/**
 * Whether and where a statement's SQL becomes the {@code db.statement} key value. Tabula sends
 * values as bind parameters, so the SQL is the statement's shape with {@code ?} placeholders and
 * never holds a value (except what a hand-written {@code text(...)} spells out, and the constants
 * of DDL). The shape still varies with the query (one per distinct SQL text, e.g. per IN-list
 * length), so by default it goes to spans only.
 *
 * <pre>{@code
 * TabulaObservations.builder(observations).sql(SqlTag.OFF).build();   // no SQL anywhere
 * }</pre>
 */
public enum SqlTag {
    /** No SQL in observations. */
    OFF,
    /** The SQL as a high-cardinality key value: on spans, not on metrics (the default). */
    SPANS,
    /**
     * The SQL as a low-cardinality key value too, so metrics are per SQL text: only for
     * applications with a bounded set of statements.
     */
    METRICS
}
