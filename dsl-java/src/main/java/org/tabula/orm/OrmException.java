package org.tabula.orm;

import org.tabula.error.TabulaException;

/** A mapping or session misuse: an unmapped class, an object in the wrong state, a stale row. */
public class OrmException extends TabulaException {

    public OrmException(String message) {
        super(message);
    }

    public OrmException(String message, Throwable cause) {
        super(message, cause);
    }
}
