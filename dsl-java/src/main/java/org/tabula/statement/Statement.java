package org.tabula.statement;

import org.tabula.dialect.Dialect;
import org.tabula.dialect.RenderedSql;
import org.tabula.expr.SqlNode;

/**
 * A complete SQL statement: an immutable AST that any {@link Dialect} can render.
 *
 * <pre>{@code
 * RenderedSql sql = select(USERS.name).from(USERS).where(USERS.id.eq(7L)).toSql(Dialect.POSTGRES);
 * // SELECT "users"."name" FROM "users" WHERE "users"."id" = ?   with bindings [7]
 * }</pre>
 */
public interface Statement extends SqlNode {

    /**
     * Renders this statement for {@code dialect}: SQL text plus ordered bind values.
     *
     * @param dialect the database: {@code select(USERS).toSql(Dialect.POSTGRES).sql()}
     * @return the SQL and its bound values
     */
    default RenderedSql toSql(Dialect dialect) {
        return dialect.render(this);
    }

    /**
     * Whether executing this statement produces rows (a query, or a DML statement with RETURNING).
     *
     * @return {@code true} for queries and statements with RETURNING
     */
    boolean returnsRows();
}
