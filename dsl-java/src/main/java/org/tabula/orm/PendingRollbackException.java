package org.tabula.orm;

/**
 * The session's transaction was rolled back because a flush failed, and the session refuses
 * further work until {@link Session#rollback()} starts a new transaction: SQLAlchemy's
 * {@code PendingRollbackError}. The failure of the flush is the cause.
 *
 * <pre>{@code
 * try {
 *     session.flush();                      // UniqueViolationException: everything flushed so far is rolled back
 * } catch (UniqueViolationException e) {
 *     session.get(User.class, 1L);          // PendingRollbackException, caused by e
 *     session.rollback();                   // pending changes are gone; the session works again
 * }
 * }</pre>
 */
public class PendingRollbackException extends OrmException {

    /**
     * Refuses work after {@code flushFailure}, naming it.
     *
     * <pre>{@code
     * throw new PendingRollbackException(sqlException);
     * }</pre>
     *
     * @param flushFailure the exception that made the flush fail
     */
    public PendingRollbackException(Throwable flushFailure) {
        super("This Session's transaction has been rolled back due to a previous exception during flush ("
                + flushFailure.getClass().getSimpleName() + ": " + flushFailure.getMessage()
                + "). Call rollback() to begin a new transaction.", flushFailure);
    }
}
