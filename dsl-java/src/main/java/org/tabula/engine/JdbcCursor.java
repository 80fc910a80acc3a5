package org.tabula.engine;

import org.jspecify.annotations.Nullable;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.tabula.dialect.RenderedSql;
import org.tabula.result.ResultColumns;
import org.tabula.result.Row;
import org.tabula.result.RowCursor;

/** Reads rows from an open JDBC result set on demand; closes it at the end or when asked. */
final class JdbcCursor implements RowCursor {

    private final StatementRunner runner;
    private final Cursors cursors;
    private final PreparedStatement statement;
    private final ResultSet resultSet;
    private final ResultColumns columns;
    private final RenderedSql rendered;
    private final long notNull;
    private boolean closed;

    JdbcCursor(StatementRunner runner, Cursors cursors, PreparedStatement statement, ResultSet resultSet,
               ResultColumns columns, RenderedSql rendered) {
        this.runner = runner;
        this.cursors = cursors;
        this.statement = statement;
        this.resultSet = resultSet;
        this.columns = columns;
        this.rendered = rendered;
        this.notNull = StatementRunner.notNullColumns(rendered, columns);
    }

    @Override
    public @Nullable Row next() {
        if (closed) {
            return null;
        }
        try {
            if (!resultSet.next()) {
                close();
                return null;
            }
            return runner.readRow(resultSet, columns, notNull);
        } catch (SQLException e) {
            close();
            throw runner.failed(e, rendered);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        cursors.closed(this);
        try {
            resultSet.close();
        } catch (SQLException ignored) {
            // closing the statement below releases it anyway
        }
        try {
            statement.close();
        } catch (SQLException ignored) {
            // nothing more can be done; the connection's close releases the rest
        }
    }
}
