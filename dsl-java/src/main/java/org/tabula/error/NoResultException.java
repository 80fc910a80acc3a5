package org.tabula.error;

/** {@code one()} or {@code scalarOne()} found no row. */
public class NoResultException extends TabulaException {

    public NoResultException(String message) {
        super(message);
    }
}
