package org.tabula.statement;

import org.jspecify.annotations.Nullable;

import org.tabula.expr.SqlVisitor;
import org.tabula.type.EnumType;

/** {@code DROP TYPE IF EXISTS name} for a native enum (PostgreSQL). */
public record DropEnumType(EnumType<?> type) implements Statement {

    @Override
    public boolean returnsRows() {
        return false;
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitDropEnumType(this);
    }
}
