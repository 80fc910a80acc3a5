package org.tabula.error;

/** {@code one()} or {@code scalarOne()} found no row. */
public class NoResultException extends TabulaException {

    /**
     * An exception for an empty result: {@code new NoResultException("expected one row, got none")}.
     *
     * <pre>{@code
     * throw new NoResultException("expected one row, got none");
     * }</pre>
     *
     * @param message the message
     */
    public NoResultException(String message) {
        super(message);
    }
}
