package org.tabula.error;

/** The root of every exception Tabula throws for database work. Unchecked. */
public class TabulaException extends RuntimeException {

    /**
     * An exception with a message: {@code throw new TabulaException("engine is closed")}.
     *
     * <pre>{@code
     * throw new TabulaException("no dialect for jdbc:h2:mem:");
     * }</pre>
     *
     * @param message the message
     */
    public TabulaException(String message) {
        super(message);
    }

    /**
     * An exception with a message and a cause.
     *
     * <pre>{@code
     * throw new TabulaException("cannot read users.settings", e);
     * }</pre>
     *
     * @param message the message
     * @param cause the underlying failure
     */
    public TabulaException(String message, Throwable cause) {
        super(message, cause);
    }
}
