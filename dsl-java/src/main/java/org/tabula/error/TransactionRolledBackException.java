package org.tabula.error;

/**
 * A commit (or the end of a {@code begin} block, or the release of a savepoint) found that an
 * earlier statement of the transaction had failed, so it rolled the transaction (or savepoint)
 * back instead. The cause is that earlier failure. A program that expects a statement to fail and
 * wants to go on runs it in a savepoint ({@code conn.nested(...)}).
 *
 * <pre>{@code
 * engine.begin(conn -> {
 *     conn.execute(insert(USERS).set(USERS.name, "ann"));
 *     try {
 *         conn.execute(insert(USERS).set(USERS.name, "ann"));   // unique violation, swallowed
 *     } catch (UniqueViolationException ignored) { }
 * });                                                            // throws TransactionRolledBackException: nothing written
 * }</pre>
 */
public class TransactionRolledBackException extends TabulaException {

    /**
     * An exception for a commit that rolled back; the cause is the failure that doomed it.
     *
     * <pre>{@code
     * throw new TransactionRolledBackException("a statement failed inside the transaction; nothing was written", sqlException);
     * }</pre>
     *
     * @param message what happened, naming the earlier failure
     * @param cause the earlier failure
     */
    public TransactionRolledBackException(String message, Throwable cause) {
        super(message, cause);
    }
}
