package org.tabula.statement;

import org.jspecify.annotations.Nullable;

import org.tabula.expr.SqlVisitor;

/**
 * {@code ALTER TABLE t DROP COLUMN c}.
 *
 * <pre>{@code
 * conn.execute(new DropColumn("users", "legacy_flag"));
 * }</pre>
 */
public record DropColumn(String table, String column) implements Statement {

    @Override
    public boolean returnsRows() {
        return false;
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitDropColumn(this);
    }
}
