package org.tabula.engine;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.tabula.dialect.RenderedSql;
import org.tabula.result.ResultColumns;

/**
 * The streaming results open on a connection. A streaming result does not outlive its
 * transaction: MySQL refuses any other statement, COMMIT included, while one is open, and
 * PostgreSQL's cursor ends with the transaction; so commit, rollback and close end them first.
 */
final class Cursors {

    private final List<JdbcCursor> open = new ArrayList<>(2);

    /** A cursor over {@code rs}, open until it is read to the end or closed. */
    JdbcCursor open(StatementRunner runner, PreparedStatement ps, ResultSet rs, ResultColumns columns,
                    RenderedSql rendered) {
        JdbcCursor cursor = new JdbcCursor(runner, this, ps, rs, columns, rendered);
        open.add(cursor);
        return cursor;
    }

    /** Whether some stream of the connection is still open. */
    boolean anyOpen() {
        return !open.isEmpty();
    }

    void closed(JdbcCursor cursor) {
        open.remove(cursor);
    }

    void closeAll() {
        if (open.isEmpty()) {
            return;
        }
        for (JdbcCursor c : new ArrayList<>(open)) {
            c.close();
        }
    }
}
