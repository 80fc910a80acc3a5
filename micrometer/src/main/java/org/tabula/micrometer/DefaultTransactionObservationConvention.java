package org.tabula.micrometer;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default names and key values of a transaction observation: name {@code tabula.transaction}
 * (a timer whose count per {@code outcome} counts commits and rollbacks), contextual name
 * {@code transaction}; low-cardinality {@code db.system} and {@code outcome} (commit, rollback,
 * commit_failed).
 *
 * <pre>{@code
 * // tabula.transaction{db.system="mariadb",outcome="rollback"}
 * }</pre>
 */
public class DefaultTransactionObservationConvention implements TransactionObservationConvention {

    /** The observation's (and timer's) name. */
    public static final String NAME = "tabula.transaction";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(TransactionContext context) {
        return "transaction";
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(TransactionContext context) {
        return KeyValues.of(KeyValue.of("db.system", context.database()), KeyValue.of("outcome", context.outcome()));
    }
}
