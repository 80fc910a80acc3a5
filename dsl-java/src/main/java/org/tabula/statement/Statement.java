package org.tabula.statement;

import org.tabula.expr.SqlNode;

/**
 * A complete SQL statement: an immutable AST that any dialect can render.
 *
 * <pre>{@code
 * RenderedSql sql = select(USERS.name).from(USERS).where(USERS.id.eq(7L)).toSql(Dialect.POSTGRES);
 * // SELECT "users"."name" FROM "users" WHERE "users"."id" = ?   with bindings [7]
 * }</pre>
 */
public interface Statement extends SqlNode {

    /**
     * Renders this statement for {@code dialect} (any {@link StatementCompiler}): for a
     * {@code Dialect}, a {@code RenderedSql} of SQL text plus ordered bind values.
     */
    default <R> R toSql(StatementCompiler<R> dialect) {
        return dialect.render(this);
    }

    /** Whether executing this statement produces rows (a query, or a DML statement with RETURNING). */
    boolean returnsRows();
}
