package org.tabula.error;

/** The root of every exception Tabula throws for database work. Unchecked. */
public class TabulaException extends RuntimeException {

    public TabulaException(String message) {
        super(message);
    }

    public TabulaException(String message, Throwable cause) {
        super(message, cause);
    }
}
