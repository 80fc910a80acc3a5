package org.tabula.statement;

import org.jspecify.annotations.Nullable;

import java.util.List;
import org.tabula.expr.SqlVisitor;

/**
 * {@code INSERT INTO to (columns) SELECT columns FROM from}: the copy step of a table rebuild.
 *
 * <pre>{@code
 * conn.execute(new CopyRows("users", "_tabula_new_users", List.of("id", "name")));
 * }</pre>
 */
public record CopyRows(String from, String to, List<String> columns) implements Statement {

    /**
     * Copies the column list: {@code new CopyRows("users", "users_new", List.of("id", "name"))}.
     *
     * @param from the table rows are read from
     * @param to the table they are inserted into
     * @param columns the columns copied, present in both
     */
    public CopyRows {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("copying rows from " + from + " to " + to + " needs columns");
        }
    }

    @Override
    public boolean returnsRows() {
        return false;
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitCopyRows(this);
    }
}
