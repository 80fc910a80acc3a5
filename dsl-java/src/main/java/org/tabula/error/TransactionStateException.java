package org.tabula.error;

/**
 * A transaction was asked for in a state that its options forbid: {@code MANDATORY} without a
 * current transaction, {@code NEVER} inside one, joining a transaction with another isolation
 * level, or setting isolation after a transaction's first statement.
 *
 * <pre>{@code
 * engine.begin(TransactionOptions.propagation(Propagation.MANDATORY), work);   // no transaction: throws
 * }</pre>
 */
public class TransactionStateException extends TabulaException {

    /**
     * An exception naming the state and the option: {@code new TransactionStateException("MANDATORY needs a transaction")}.
     *
     * <pre>{@code
     * throw new TransactionStateException("Propagation.MANDATORY and no transaction is open");
     * }</pre>
     *
     * @param message the message
     */
    public TransactionStateException(String message) {
        super(message);
    }
}
