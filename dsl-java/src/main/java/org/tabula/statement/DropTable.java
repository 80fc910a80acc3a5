package org.tabula.statement;

import org.jspecify.annotations.Nullable;

import org.tabula.expr.SqlVisitor;
import org.tabula.schema.Table;

/** {@code DROP TABLE [IF EXISTS]}. */
public record DropTable(Table table, boolean ifExists) implements Statement {

    @Override
    public boolean returnsRows() {
        return false;
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitDropTable(this);
    }
}
