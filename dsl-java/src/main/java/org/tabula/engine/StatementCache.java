package org.tabula.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prepared statements kept open on one physical connection, by SQL text, so that a query run
 * again on it skips the prepare: sqlite-jdbc parses and plans the SQL on every
 * {@code prepareStatement}, a tenth of a small query's time. The statements are the driver's own,
 * prepared past HikariCP's proxy, which would close them when the connection goes back to the pool.
 *
 * <p>A statement is taken out while it runs and put back once its rows are read and its result
 * set closed (which ends SQLite's read of the database), so a query run inside another's row
 * mapper prepares a statement of its own. A pooled connection has one borrower at a time, so the
 * cache needs no lock; the pool's hand-off orders one borrower's use before the next.
 */
final class StatementCache {

    private final java.sql.Connection physical;
    private final int capacity;
    // access order: the least recently used statement is the first, closed when the cache is full
    private final LinkedHashMap<String, PreparedStatement> idle;

    StatementCache(java.sql.Connection physical, int capacity) {
        this.physical = physical;
        this.capacity = capacity;
        this.idle = new LinkedHashMap<>(Math.min(capacity, 64) * 2, 0.75f, true);
    }

    /** A statement for {@code sql}: one kept from an earlier run, or a new one. */
    PreparedStatement take(String sql) throws SQLException {
        PreparedStatement kept = idle.remove(sql);
        return kept != null ? kept : physical.prepareStatement(sql);
    }

    /** Keeps {@code statement}, run and read to the end, for the next run of {@code sql}. */
    void release(String sql, PreparedStatement statement) {
        try {
            statement.clearParameters();
        } catch (SQLException e) {
            StatementRunner.closeQuietly(statement);
            return;
        }
        PreparedStatement other = idle.put(sql, statement);
        if (other != null) {
            StatementRunner.closeQuietly(other);   // a second one made while the first was out
        }
        if (idle.size() > capacity) {
            Iterator<Map.Entry<String, PreparedStatement>> eldest = idle.entrySet().iterator();
            StatementRunner.closeQuietly(eldest.next().getValue());
            eldest.remove();
        }
    }

    /** Whether the pool has closed the connection (its statements with it). */
    boolean connectionClosed() {
        try {
            return physical.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** How many statements are kept: for tests. */
    int size() {
        return idle.size();
    }
}
