package org.tabula.orm;

/**
 * An UPDATE or DELETE of a flushed object matched no row: someone else deleted it (or changed
 * its key) since it was loaded. The flush is rolled back.
 *
 * <pre>{@code
 * User ann = session.getOne(User.class, id);
 * // ... another transaction deletes the row ...
 * ann.name = "Ann";
 * session.flush();    // StaleDataException: the UPDATE matched no row
 * }</pre>
 */
public class StaleDataException extends OrmException {

    /**
     * Creates the exception.
     *
     * <pre>{@code
     * throw new StaleDataException("UPDATE users matched no row for User#1");
     * }</pre>
     *
     * @param message names the entity and the row that did not match
     */
    public StaleDataException(String message) {
        super(message);
    }
}
