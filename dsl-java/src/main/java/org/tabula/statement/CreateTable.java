package org.tabula.statement;

import org.tabula.expr.SqlVisitor;
import org.tabula.schema.Table;

/** {@code CREATE TABLE [IF NOT EXISTS]} with columns, keys and constraints (indexes are separate). */
public record CreateTable(Table table, boolean ifNotExists) implements Statement {

    @Override
    public boolean returnsRows() {
        return false;
    }

    @Override
    public <R> R accept(SqlVisitor<R> visitor) {
        return visitor.visitCreateTable(this);
    }
}
