package org.tabula.error;

/** {@code one()} or {@code oneOrNull()} found more than one row. */
public class MultipleResultsException extends TabulaException {

    /**
     * An exception saying how many rows were found: {@code new MultipleResultsException("expected one row, got 2")}.
     *
     * @param message the message
     */
    public MultipleResultsException(String message) {
        super(message);
    }
}
