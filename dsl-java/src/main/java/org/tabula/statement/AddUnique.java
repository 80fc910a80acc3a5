package org.tabula.statement;

import org.jspecify.annotations.Nullable;

import java.util.List;
import org.tabula.expr.SqlVisitor;
import org.tabula.schema.Column;

/**
 * {@code ALTER TABLE t ADD CONSTRAINT name UNIQUE (...)} over columns of one table.
 *
 * <pre>{@code
 * conn.execute(new AddUnique("uq_users_email", List.of(USERS.email)));
 * }</pre>
 */
public record AddUnique(String name, List<Column<?>> columns) implements Statement {

    /**
     * Copies the columns: {@code new AddUnique("uq_users_email", List.of(USERS.email))}.
     *
     * @param name the constraint's name
     * @param columns its columns, in key order
     */
    public AddUnique {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("unique constraint " + name + " has no columns");
        }
    }

    /**
     * The table the constraint belongs to.
     *
     * <pre>{@code
     * String table = new AddUnique("uq_users_email", List.of(USERS.email)).table();   // "users"
     * }</pre>
     *
     * @return the table's name: {@code "users"}
     */
    public String table() {
        return columns.get(0).table().name();
    }

    @Override
    public boolean returnsRows() {
        return false;
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitAddUnique(this);
    }
}
