package org.tabula.engine;

import java.sql.SQLException;

/**
 * A nested transaction inside a {@link Connection}'s transaction. Rolling it back undoes only
 * what happened since it was set; the outer transaction stays usable.
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

    Savepoint(Connection connection, java.sql.Savepoint savepoint) {
        this.connection = connection;
        this.savepoint = savepoint;
    }

    /** Undoes everything since this savepoint. */
    public void rollback() {
        end();
        try {
            connection.jdbc().rollback(savepoint);
        } catch (SQLException e) {
            throw connection.translate(e, "ROLLBACK TO SAVEPOINT", null);
        }
    }

    /** Keeps the work since this savepoint as part of the outer transaction. */
    public void release() {
        end();
        try {
            connection.jdbc().releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw connection.translate(e, "RELEASE SAVEPOINT", null);
        }
    }

    private void end() {
        if (ended) {
            throw new IllegalStateException("savepoint already rolled back or released");
        }
        ended = true;
    }
}
