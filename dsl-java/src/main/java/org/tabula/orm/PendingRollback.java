package org.tabula.orm;

/**
 * Whether a session's transaction was rolled back by a failed flush and awaits
 * {@link Session#rollback()}: SQLAlchemy's deactivated {@code SessionTransaction}. While it does,
 * the session refuses work, so that nothing of the failed unit of work is written by a later
 * flush or commit, and no work is done in a transaction that silently is not the one the caller
 * thinks it is.
 */
final class PendingRollback {

    private Throwable flushFailure;

    /** The flush failed with {@code failure}; its transaction has been rolled back. */
    void enter(Throwable failure) {
        flushFailure = failure;
    }

    /** {@link Session#rollback()} began a new transaction. */
    void clear() {
        flushFailure = null;
    }

    /** Refuses work while a rollback is pending, naming the failure that caused it. */
    void check() {
        if (flushFailure != null) {
            throw new PendingRollbackException(flushFailure);
        }
    }
}
