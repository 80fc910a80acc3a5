package org.tabula.orm;

import org.tabula.error.TabulaException;

/**
 * A mapping or session misuse: an unmapped class, an object in the wrong state, a stale row.
 *
 * <pre>{@code
 * session.select(String.class);   // OrmException: class java.lang.String is not mapped: annotate it with @Entity ...
 * }</pre>
 */
public class OrmException extends TabulaException {

    /**
     * Creates the exception.
     *
     * <pre>{@code
     * throw new OrmException("class java.lang.String is not mapped: annotate it with @Entity");
     * }</pre>
     *
     * @param message what was misused, naming the class or attribute
     */
    public OrmException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * <pre>{@code
     * throw new OrmException("cannot read User.name", e);
     * }</pre>
     *
     * @param message what failed, naming the class or attribute
     * @param cause   the underlying failure
     */
    public OrmException(String message, Throwable cause) {
        super(message, cause);
    }
}
