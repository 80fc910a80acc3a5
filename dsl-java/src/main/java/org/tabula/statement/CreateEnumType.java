package org.tabula.statement;

import org.jspecify.annotations.Nullable;

import org.tabula.expr.SqlVisitor;
import org.tabula.type.EnumType;

/** {@code CREATE TYPE name AS ENUM (...)} for a native enum (PostgreSQL). */
public record CreateEnumType(EnumType<?> type) implements Statement {

    @Override
    public boolean returnsRows() {
        return false;
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitCreateEnumType(this);
    }
}
