package org.tabula.orm;

/**
 * An attribute that needs the database (a {@link Lazy} value not loaded yet) was read on an
 * object whose session is closed, or that never belonged to one. The message names the attribute.
 */
public class DetachedInstanceException extends OrmException {

    /**
     * Creates the exception.
     *
     * @param message names the attribute that could not be loaded
     */
    public DetachedInstanceException(String message) {
        super(message);
    }
}
