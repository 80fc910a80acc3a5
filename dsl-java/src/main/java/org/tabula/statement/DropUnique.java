package org.tabula.statement;

import org.jspecify.annotations.Nullable;

import org.tabula.expr.SqlVisitor;

/**
 * Drops a named unique constraint: {@code DROP CONSTRAINT} on PostgreSQL, {@code DROP INDEX} on MySQL/MariaDB (a unique key there).
 *
 * <pre>{@code
 * conn.execute(new DropUnique("users", "users_email_key"));
 * }</pre>
 */
public record DropUnique(String table, String name) implements Statement {

    @Override
    public boolean returnsRows() {
        return false;
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitDropUnique(this);
    }
}
