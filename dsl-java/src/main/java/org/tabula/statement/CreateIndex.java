package org.tabula.statement;

import org.jspecify.annotations.Nullable;

import org.tabula.expr.SqlVisitor;
import org.tabula.schema.Index;

/** {@code CREATE [UNIQUE] INDEX [IF NOT EXISTS]}. */
public record CreateIndex(Index index, boolean ifNotExists) implements Statement {

    @Override
    public boolean returnsRows() {
        return false;
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitCreateIndex(this);
    }
}
