package org.tabula.dialect;

import org.tabula.schema.Column;
import org.tabula.schema.Table;
import org.tabula.error.UnsupportedFeatureException;
import org.tabula.statement.AlterColumn;
import org.tabula.statement.LockMode;
import org.tabula.statement.Select;
import org.tabula.type.SqlTypes;

/** SQLite's differences: inline AUTOINCREMENT primary keys, LIMIT -1, no row locks, bare UNION members. */
final class SqliteRenderer extends SqlRenderer {

    SqliteRenderer(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected boolean primaryKeyInline(Table table) {
        return table.primaryKey().size() == 1 && table.primaryKey().get(0).isAutoIncrement();
    }

    @Override
    protected void autoIncrementClause(Column<?> column) {
        if (!column.isPrimaryKey() || column.table().primaryKey().size() != 1) {
            throw new IllegalArgumentException("SQLite can only auto-increment a single-column INTEGER primary key, not "
                    + column.qualifiedName());
        }
        sql.append(" PRIMARY KEY AUTOINCREMENT");
    }

    @Override
    protected void limitClause(Long limit, Long offset) {
        if (limit == null && offset != null) {
            sql.append(" LIMIT -1 OFFSET ");
            parameter(offset, SqlTypes.BIGINT);
            return;
        }
        super.limitClause(limit, offset);
    }

    @Override
    protected void lockClause(LockMode mode) {
        // SQLite locks the whole database for writing; row locks do not exist and the clause would not parse.
    }

    @Override
    protected void setOperand(Select select) {
        render(select);
    }

    /** SQLite changes a column only by rebuilding its table, which {@code SchemaDiff} does. */
    @Override
    public Void visitAlterColumn(AlterColumn statement) {
        throw new UnsupportedFeatureException("SQLite cannot alter column " + statement.column().qualifiedName()
                + " in place; SchemaDiff rebuilds the table instead");
    }
}
