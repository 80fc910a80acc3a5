package org.tabula.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.tabula.dialect.Dialect;
import org.tabula.dialect.RenderedSql;
import org.tabula.error.DatabaseException;
import org.tabula.error.ErrorKind;
import org.tabula.schema.Column;
import org.tabula.schema.Table;

/**
 * Driver exceptions into Tabula's hierarchy, in one pass: unwrapped and classified by the dialect
 * once, named after the statement's table and, for integrity and data errors, the columns of that
 * table the driver's message mentions (MySQL says {@code for key 'PRIMARY'} or
 * {@code Column 'x'} without the table). Remembers that the connection is broken when the
 * dialect says the connection was lost.
 */
final class ErrorTranslator {

    private final Dialect dialect;
    private final RunningStatement running;
    private boolean broken;

    ErrorTranslator(Dialect dialect, RunningStatement running) {
        this.dialect = dialect;
        this.running = running;
    }

    /** A failure of a rendered statement, named after its table and the columns its message names. */
    DatabaseException translate(SQLException e, RenderedSql rendered) {
        return translate(e, rendered.sql(), rendered.context(), rendered.table());
    }

    /** A failure of connection-level SQL ({@code "COMMIT"}, {@code "SAVEPOINT"}...) or of reading rows. */
    DatabaseException translate(SQLException e, String sql, String context) {
        return translate(e, sql, context, null);
    }

    private DatabaseException translate(SQLException e, String sql, String context, Table table) {
        e = dialect.databaseError(e);
        if (running.takeCancelled()) {
            return DatabaseException.of(ErrorKind.CANCELED, e, sql, context);
        }
        ErrorKind kind = dialect.classify(e);
        if (kind == ErrorKind.CONNECTION) {
            broken = true;
            if (dialect.serverClosedConnection(e)) {
                context = (context == null ? "" : context + ": ") + "the server closed the connection";
            }
        } else if (table != null && kind != ErrorKind.OTHER && kind != ErrorKind.CANCELED
                && kind != ErrorKind.TRANSACTION_CONFLICT) {
            List<String> named = columnsNamedIn(e.getMessage(), table, kind);
            if (!named.isEmpty()) {
                context = context + " (column" + (named.size() > 1 ? "s " : " ") + String.join(", ", named) + ")";
            }
        }
        return DatabaseException.of(kind, e, sql, context);
    }

    /** Whether an error said the connection is gone: it must not go back to the pool. */
    boolean broken() {
        return broken;
    }

    private List<String> columnsNamedIn(String message, Table table, ErrorKind kind) {
        List<String> out = new ArrayList<>();
        if (message == null) {
            return out;
        }
        int nl = message.indexOf('\n');
        String first = nl < 0 ? message : message.substring(0, nl);
        for (Column<?> c : table.columns()) {
            if (mentions(first, c.name())) {
                out.add(c.qualifiedName());
            }
        }
        if (out.isEmpty() && kind == ErrorKind.UNIQUE_VIOLATION && dialect.namesPrimaryKey(first)) {
            for (Column<?> c : table.primaryKey()) {
                out.add(c.qualifiedName());
            }
        }
        return out;
    }

    /**
     * Whether {@code name} appears in {@code message} as an identifier: between delimiters, at
     * least one of them a quote, dot, parenthesis or underscore, so plain words do not count.
     */
    private static boolean mentions(String message, String name) {
        String marks = "'\"`.()_";
        for (int at = message.indexOf(name); at >= 0; at = message.indexOf(name, at + 1)) {
            int end = at + name.length();
            char before = at == 0 ? ' ' : message.charAt(at - 1);
            char after = end == message.length() ? ' ' : message.charAt(end);
            boolean bounded = (before == ' ' || marks.indexOf(before) >= 0) && (after == ' ' || marks.indexOf(after) >= 0);
            if (bounded && (marks.indexOf(before) >= 0 || marks.indexOf(after) >= 0)) {
                return true;
            }
        }
        return false;
    }
}
