package org.tabula.dialect;

import java.util.List;
import org.tabula.expr.Expression;
import org.tabula.expr.Like;
import org.tabula.schema.Column;

/** PostgreSQL's differences: native ILIKE, rows inserted in VALUES order by a sentinel. */
final class PostgresRenderer extends SqlRenderer {

    PostgresRenderer(Dialect dialect) {
        super(dialect);
    }

    @Override
    public Void visitLike(Like like) {
        if (!like.caseInsensitive()) {
            return super.visitLike(like);
        }
        operand(like.expression());
        sql.append(like.negated() ? " NOT ILIKE " : " ILIKE ");
        render(like.pattern());
        if (like.escaped()) {
            sql.append(" ESCAPE '").append(Like.ESCAPE_CHAR).append('\'');
        }
        return null;
    }

    /**
     * In row order: {@code SELECT p1, p2 FROM (VALUES (CAST(? AS t1), CAST(? AS t2), 0), ...)
     * AS imv (p1, p2, imv_sentinel) ORDER BY imv_sentinel}, SQLAlchemy's insertmanyvalues form:
     * sequence defaults are then drawn in row order. The casts give the VALUES columns the target
     * columns' types (without length or precision, so that a too long value still fails as it
     * would in a plain INSERT instead of being cut by the cast).
     */
    @Override
    protected void valueRows(List<Column<?>> columns, List<List<Expression<?>>> rows) {
        if (!rowOrder || rows.size() < 2) {
            super.valueRows(columns, rows);
            return;
        }
        int width = columns.size();
        sql.append(" SELECT ");
        for (int i = 0; i < width; i++) {
            sql.append(i > 0 ? ", " : "").append("p").append(i + 1);
        }
        sql.append(" FROM (VALUES ");
        String[] types = new String[width];
        for (int i = 0; i < width; i++) {
            types[i] = dialect.typeName(columns.get(i).type(), null).replaceFirst("\\(.*\\)", "");
        }
        for (int r = 0; r < rows.size(); r++) {
            sql.append(r > 0 ? ", (" : "(");
            List<Expression<?>> row = rows.get(r);
            for (int i = 0; i < width; i++) {
                sql.append("CAST(");
                value(columns.get(i), row.get(i));
                sql.append(" AS ").append(types[i]).append("), ");
            }
            sql.append(r).append(')'); // the sentinel: SQL structure, not a value, so not a parameter
        }
        sql.append(") AS imv (");
        for (int i = 0; i < width; i++) {
            sql.append("p").append(i + 1).append(", ");
        }
        sql.append("imv_sentinel) ORDER BY imv_sentinel");
    }
}
