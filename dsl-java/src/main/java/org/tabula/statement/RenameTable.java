package org.tabula.statement;

import org.jspecify.annotations.Nullable;

import org.tabula.expr.SqlVisitor;

/**
 * {@code ALTER TABLE from RENAME TO to}.
 *
 * <pre>{@code
 * conn.execute(new RenameTable("users_new", "users"));
 * }</pre>
 */
public record RenameTable(String from, String to) implements Statement {

    @Override
    public boolean returnsRows() {
        return false;
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitRenameTable(this);
    }
}
