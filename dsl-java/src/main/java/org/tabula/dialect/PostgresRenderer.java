package org.tabula.dialect;

import org.tabula.expr.Like;

/** PostgreSQL's differences: native ILIKE. */
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
}
