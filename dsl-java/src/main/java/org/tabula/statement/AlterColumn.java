package org.tabula.statement;

import org.jspecify.annotations.Nullable;

import org.tabula.expr.SqlVisitor;
import org.tabula.schema.Column;

/**
 * Brings an existing column to its declared type, nullability and server default: PostgreSQL
 * alters the named parts ({@code ALTER COLUMN c TYPE / SET NOT NULL / SET DEFAULT}), MySQL and
 * MariaDB redefine the column ({@code MODIFY COLUMN}); SQLite cannot alter a column in place
 * and refuses it ({@code SchemaDiff} rebuilds the table there).
 *
 * <pre>{@code
 * conn.execute(new AlterColumn(USERS.name, true, false, false));   // widen name to its declared VARCHAR
 * }</pre>
 *
 * @param column        the column as now declared
 * @param type          whether to change the type
 * @param nullability   whether to change NULL / NOT NULL
 * @param serverDefault whether to change (or drop) the DEFAULT
 */
public record AlterColumn(Column<?> column, boolean type, boolean nullability, boolean serverDefault) implements Statement {

    @Override
    public boolean returnsRows() {
        return false;
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitAlterColumn(this);
    }
}
