package org.tabula.statement;

import org.jspecify.annotations.Nullable;

import org.tabula.expr.SqlVisitor;

/**
 * Drops a named foreign key: {@code DROP CONSTRAINT} on PostgreSQL, {@code DROP FOREIGN KEY} on MySQL/MariaDB.
 *
 * <pre>{@code
 * conn.execute(new DropForeignKey("posts", "posts_user_id_fkey"));
 * }</pre>
 */
public record DropForeignKey(String table, String name) implements Statement {

    @Override
    public boolean returnsRows() {
        return false;
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitDropForeignKey(this);
    }
}
