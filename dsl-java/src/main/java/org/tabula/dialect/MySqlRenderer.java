package org.tabula.dialect;

import java.util.List;
import org.tabula.expr.Concat;
import org.tabula.expr.Excluded;
import org.tabula.expr.Expression;
import org.tabula.expr.NullOrdering;
import org.tabula.expr.OrderItem;
import org.tabula.schema.Column;
import org.tabula.schema.Table;
import org.tabula.error.UnsupportedFeatureException;
import org.tabula.statement.AlterColumn;
import org.tabula.statement.DropForeignKey;
import org.tabula.statement.DropIndex;
import org.tabula.statement.DropUnique;
import org.tabula.statement.LockMode;
import org.tabula.statement.OnConflict;
import org.tabula.type.SqlTypes;

/** MySQL/MariaDB's differences: CONCAT(), emulated NULLS FIRST/LAST, AUTO_INCREMENT, utf8mb4 tables. */
final class MySqlRenderer extends SqlRenderer {

    MySqlRenderer(Dialect dialect) {
        super(dialect);
    }

    @Override
    public Void visitConcat(Concat concat) {
        sql.append("CONCAT(");
        List<Expression<?>> parts = concat.parts();
        list(parts);
        sql.append(')');
        return null;
    }

    /** MySQL sorts NULLs first ascending and last descending; an {@code x IS NULL} key moves them. */
    @Override
    public Void visitOrderItem(OrderItem item) {
        if (item.nulls() != NullOrdering.DEFAULT) {
            operand(item.expression());
            sql.append(item.nulls() == NullOrdering.LAST ? " IS NULL, " : " IS NOT NULL, ");
        }
        render(item.expression());
        if (item.descending()) {
            sql.append(" DESC");
        }
        return null;
    }

    @Override
    protected void renderNow() {
        sql.append("CURRENT_TIMESTAMP(6)");
    }

    @Override
    protected void limitClause(Long limit, Long offset) {
        if (limit == null && offset != null) {
            sql.append(" LIMIT 18446744073709551615 OFFSET ");
            parameter(offset, SqlTypes.BIGINT);
            return;
        }
        super.limitClause(limit, offset);
    }

    @Override
    protected void lockClause(LockMode mode) {
        if (mode == LockMode.SHARE && ((MySqlDialect) dialect).isMariaDb()) {
            sql.append(" LOCK IN SHARE MODE");
            return;
        }
        super.lockClause(mode);
    }

    /** MySQL upserts on any unique key; DO NOTHING is an update of a key column to itself (unlike INSERT IGNORE, other errors still raise). */
    @Override
    protected void onConflictClause(OnConflict conflict) {
        sql.append(" ON DUPLICATE KEY UPDATE ");
        if (conflict.doesNothing()) {
            quote(conflict.target().get(0).name());
            sql.append(" = ");
            quote(conflict.target().get(0).name());
            return;
        }
        assignments(conflict.assignments());
    }

    @Override
    public Void visitExcluded(Excluded<?> excluded) {
        sql.append("VALUES(");
        quote(excluded.column().name());
        sql.append(')');
        return null;
    }

    @Override
    protected void emptyInsertValues() {
        sql.append(" () VALUES ()");
    }

    @Override
    protected void autoIncrementClause(Column<?> column) {
        sql.append(" AUTO_INCREMENT");
    }

    @Override
    protected void tableOptions(Table table) {
        sql.append(" DEFAULT CHARSET=utf8mb4");
    }

    /** MySQL redefines the whole column; its UNIQUE and CHECK stay as they are (repeating them would add copies). */
    @Override
    public Void visitAlterColumn(AlterColumn statement) {
        alterTable(statement.column().table().name());
        sql.append("MODIFY COLUMN ");
        columnConstraints = false;
        columnDefinition(statement.column());
        return null;
    }

    @Override
    public Void visitDropForeignKey(DropForeignKey statement) {
        alterTableDrop(statement.table(), "FOREIGN KEY", statement.name());
        return null;
    }

    /** A unique key is an index to MySQL. */
    @Override
    public Void visitDropUnique(DropUnique statement) {
        alterTableDrop(statement.table(), "INDEX", statement.name());
        return null;
    }

    /** MySQL's DROP INDEX names the table. */
    @Override
    public Void visitDropIndex(DropIndex drop) {
        if (drop.ifExists() && !((MySqlDialect) dialect).isMariaDb()) {
            throw new UnsupportedFeatureException("DROP INDEX IF EXISTS is not supported by " + dialect.name());
        }
        sql.append(drop.ifExists() ? "DROP INDEX IF EXISTS " : "DROP INDEX ");
        quote(drop.index().name());
        sql.append(" ON ");
        quote(drop.index().table().name());
        return null;
    }
}
