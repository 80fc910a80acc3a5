package org.tabula.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of statement observations; implement it (or extend
 * {@link DefaultStatementObservationConvention}) to change them, and pass it to
 * {@link TabulaObservations.Builder#statementConvention}, or register it globally on the
 * {@code ObservationRegistry}.
 *
 * <pre>{@code
 * TabulaObservations.builder(observations).statementConvention(new MyConvention()).build();
 * }</pre>
 */
public interface StatementObservationConvention extends ObservationConvention<StatementContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof StatementContext;
    }
}
