package org.tabula.orm;

/**
 * An attribute that needs the database (a {@link Lazy} value not loaded yet) was read on an
 * object whose session is closed, or that never belonged to one. The message names the attribute.
 */
public class DetachedInstanceException extends OrmException {

    public DetachedInstanceException(String message) {
        super(message);
    }
}
