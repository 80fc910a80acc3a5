package org.tabula.orm;

/**
 * An UPDATE or DELETE of a flushed object matched no row: someone else deleted it (or changed
 * its key) since it was loaded. The flush is rolled back.
 */
public class StaleDataException extends OrmException {

    public StaleDataException(String message) {
        super(message);
    }
}
