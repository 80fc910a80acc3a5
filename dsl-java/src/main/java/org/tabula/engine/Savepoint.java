package org.tabula.engine;

/**
 * A nested transaction inside a {@link Connection}'s transaction. Rolling it back undoes only
 * what happened since it was set; the outer transaction stays usable. A statement that fails after
 * it was set dooms only the savepoint: roll it back to go on ({@link #release()} rolls it back too,
 * and says so with a {@link org.tabula.error.TransactionRolledBackException}).
 *
 * <pre>{@code
 * Savepoint sp = conn.savepoint();
 * try {
 *     conn.execute(insert(USERS).set(USERS.email, maybeDuplicate));
 *     sp.release();
 * } catch (UniqueViolationException e) {
 *     sp.rollback();
 * }
 * }</pre>
 */
public final class Savepoint {

    private final Connection connection;
    private final java.sql.Savepoint savepoint;
    private boolean ended;
    private Throwable failure;
    /** What listeners were told when it was set; null when nobody listens. */
    TransactionEvent event;

    Savepoint(Connection connection, java.sql.Savepoint savepoint) {
        this.connection = connection;
        this.savepoint = savepoint;
    }

    /**
     * Undoes everything since this savepoint.
     *
     * <pre>{@code
     * Savepoint sp = conn.savepoint();
     * conn.execute(delete(POSTS).where(POSTS.userId.eq(id)));
     * sp.rollback();   // the posts are back; the transaction goes on
     * }</pre>
     */
    public void rollback() {
        checkNotEnded();
        connection.rollbackTo(this);
    }

    /**
     * Keeps the work since this savepoint as part of the outer transaction.
     *
     * <pre>{@code
     * Savepoint sp = conn.savepoint();
     * conn.execute(insert(USERS).set(USERS.name, "ann"));
     * sp.release();   // kept; committed with the transaction
     * }</pre>
     */
    public void release() {
        checkNotEnded();
        connection.release(this);
    }

    /**
     * Whether this savepoint was rolled back or released (or ended with its transaction).
     *
     * <pre>{@code
     * boolean done = conn.savepoint().isEnded();   // false until rollback() or release()
     * }</pre>
     *
     * @return {@code true} after {@code rollback()} or {@code release()}
     */
    public boolean isEnded() {
        return ended;
    }

    java.sql.Savepoint jdbc() {
        return savepoint;
    }

    Throwable failure() {
        return failure;
    }

    void fail(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
    }

    void end() {
        ended = true;
    }

    private void checkNotEnded() {
        if (ended) {
            throw new IllegalStateException("savepoint already rolled back or released");
        }
    }
}
