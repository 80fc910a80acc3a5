package org.tabula.error;

/**
 * A statement was refused because an earlier statement of the same transaction failed: the
 * transaction can only be rolled back (PostgreSQL's "current transaction is aborted", the same on
 * every database). Roll back, or run statements that may fail in a savepoint
 * ({@code conn.nested(...)}) so that only the savepoint is lost. The cause is the earlier failure.
 *
 * <pre>{@code
 * try { conn.execute(insertDuplicate); } catch (UniqueViolationException e) { }
 * conn.execute(select(USERS.id).from(USERS));   // TransactionAbortedException
 * conn.rollback();                              // usable again
 * }</pre>
 */
public class TransactionAbortedException extends TabulaException {

    /**
     * An exception for a statement run after a failed one; the cause is that failure.
     *
     * <pre>{@code
     * throw new TransactionAbortedException("the transaction is aborted; roll it back", sqlException);
     * }</pre>
     *
     * @param message what happened, naming the earlier failure
     * @param cause the earlier failure
     */
    public TransactionAbortedException(String message, Throwable cause) {
        super(message, cause);
    }
}
