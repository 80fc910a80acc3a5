package org.tabula.micrometer;

import io.micrometer.observation.Observation;
import org.tabula.engine.StatementEvent;

/**
 * What an observation of one statement carries for its {@link StatementObservationConvention}:
 * the statement's event (SQL, kind, rows, failure), the database and how the SQL may be tagged.
 *
 * <pre>{@code
 * class MyConvention extends DefaultStatementObservationConvention {
 *     public KeyValues getLowCardinalityKeyValues(StatementContext c) {
 *         return super.getLowCardinalityKeyValues(c).and("app.tenant", Tenant.current());
 *     }
 * }
 * }</pre>
 */
public final class StatementContext extends Observation.Context {

    private final StatementEvent event;
    private final SqlTag sqlTag;

    StatementContext(StatementEvent event, SqlTag sqlTag) {
        this.event = event;
        this.sqlTag = sqlTag;
    }

    /** The statement (complete with duration, rows and failure once it ended). */
    public StatementEvent event() {
        return event;
    }

    /** The database: {@code sqlite}, {@code mysql}, {@code mariadb} or {@code postgresql}. */
    public String database() {
        return event.engine().dialect().name();
    }

    /** Where the SQL may appear. */
    public SqlTag sqlTag() {
        return sqlTag;
    }
}
