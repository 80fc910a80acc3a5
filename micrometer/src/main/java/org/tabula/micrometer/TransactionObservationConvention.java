package org.tabula.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of transaction observations; implement it (or extend
 * {@link DefaultTransactionObservationConvention}) to change them.
 *
 * <pre>{@code
 * TabulaObservations.builder(observations).transactionConvention(new MyTransactionConvention()).build();
 * }</pre>
 */
public interface TransactionObservationConvention extends ObservationConvention<TransactionContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof TransactionContext;
    }
}
