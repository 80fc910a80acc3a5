package org.tabula.micrometer;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.tabula.engine.StatementEvent;

/**
 * The default names and key values of a statement observation: name {@code tabula.statement}
 * (a timer of that name with a registry's meter handler), contextual name (the span's) the kind
 * in capitals ({@code SELECT}); low-cardinality {@code db.system} (sqlite, mysql, mariadb,
 * postgresql), {@code db.operation} (select, insert, update, delete, ddl, text) and
 * {@code outcome} (success, error); high-cardinality {@code db.statement} (the SQL shape, with
 * {@code ?} placeholders, never values; see {@link SqlTag}), {@code db.rows} and
 * {@code db.batch.size}.
 *
 * <pre>{@code
 * // tabula.statement{db.system="postgresql",db.operation="select",outcome="success"}
 * }</pre>
 */
public class DefaultStatementObservationConvention implements StatementObservationConvention {

    /** The observation's (and timer's) name. */
    public static final String NAME = "tabula.statement";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(StatementContext context) {
        return context.event().operation().toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(StatementContext context) {
        StatementEvent e = context.event();
        KeyValues values = KeyValues.of(
                KeyValue.of("db.system", context.database()),
                KeyValue.of("db.operation", e.operation()),
                KeyValue.of("outcome", e.failure() == null ? "success" : "error"));
        return context.sqlTag() == SqlTag.METRICS ? values.and("db.statement", e.sql()) : values;
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(StatementContext context) {
        StatementEvent e = context.event();
        KeyValues values = KeyValues.of(KeyValue.of("db.batch.size", Integer.toString(e.batchSize())));
        if (e.isEnded() && e.rows() >= 0) {
            values = values.and("db.rows", Long.toString(e.rows()));
        }
        return context.sqlTag() == SqlTag.SPANS ? values.and("db.statement", e.sql()) : values;
    }
}
