package org.tabula.statement;

import org.jspecify.annotations.Nullable;

import org.tabula.expr.SqlVisitor;
import org.tabula.schema.Column;

/**
 * {@code ALTER TABLE t ADD COLUMN ...}: adds a declared column to its table's existing table.
 *
 * <pre>{@code
 * conn.execute(new AddColumn(USERS.nickname));   // ALTER TABLE "users" ADD COLUMN "nickname" VARCHAR(40)
 * }</pre>
 */
public record AddColumn(Column<?> column) implements Statement {

    @Override
    public boolean returnsRows() {
        return false;
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitAddColumn(this);
    }
}
