package org.tabula.error;

/** The root of every exception Tabula throws for database work. Unchecked. */
public class TabulaException extends RuntimeException {

    /**
     * An exception with a message: {@code throw new TabulaException("engine is closed")}.
     *
     * @param message the message
     */
    public TabulaException(String message) {
        super(message);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message the message
     * @param cause the underlying failure
     */
    public TabulaException(String message, Throwable cause) {
        super(message, cause);
    }
}
