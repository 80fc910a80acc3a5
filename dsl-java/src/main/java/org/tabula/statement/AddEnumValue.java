package org.tabula.statement;

import org.jspecify.annotations.Nullable;

import org.tabula.expr.SqlVisitor;

/**
 * {@code ALTER TYPE name ADD VALUE 'label'} (PostgreSQL's named enum types).
 *
 * <pre>{@code
 * conn.execute(new AddEnumValue("mood", "excited"));
 * }</pre>
 */
public record AddEnumValue(String typeName, String label) implements Statement {

    @Override
    public boolean returnsRows() {
        return false;
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitAddEnumValue(this);
    }
}
