package org.tabula.error;

/** {@code one()} or {@code oneOrNull()} found more than one row. */
public class MultipleResultsException extends TabulaException {

    /**
     * An exception saying how many rows were found: {@code new MultipleResultsException("expected one row, got 2")}.
     *
     * <pre>{@code
     * throw new MultipleResultsException("expected at most one row, got several");
     * }</pre>
     *
     * @param message the message
     */
    public MultipleResultsException(String message) {
        super(message);
    }
}
