package org.tabula.statement;

import org.jspecify.annotations.Nullable;

import org.tabula.expr.SqlVisitor;
import org.tabula.schema.Index;

/** {@code DROP INDEX [IF EXISTS]}. */
public record DropIndex(Index index, boolean ifExists) implements Statement {

    @Override
    public boolean returnsRows() {
        return false;
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitDropIndex(this);
    }
}
