package org.tabula.error;

/** {@code one()} or {@code oneOrNull()} found more than one row. */
public class MultipleResultsException extends TabulaException {

    public MultipleResultsException(String message) {
        super(message);
    }
}
