package org.tabula.orm;

/**
 * An UPDATE or DELETE of a flushed object matched no row: someone else deleted it (or changed
 * its key) since it was loaded. The flush is rolled back.
 */
public class StaleDataException extends OrmException {

    /**
     * Creates the exception.
     *
     * @param message names the entity and the row that did not match
     */
    public StaleDataException(String message) {
        super(message);
    }
}
