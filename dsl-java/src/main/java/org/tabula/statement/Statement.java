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
     *
     * <pre>{@code
     * RenderedSql sql = select(USERS.name).from(USERS).toSql(Dialect.POSTGRES);
     * }</pre>
     *
     * @param <R> what the compiler makes of a statement
     * @param dialect the compiler: {@code select(USERS).toSql(Dialect.POSTGRES).sql()}
     * @return the compiled statement: for a {@code Dialect}, the SQL and its bound values
     */
    default <R> R toSql(StatementCompiler<R> dialect) {
        return dialect.render(this);
    }

    /**
     * Whether executing this statement produces rows (a query, or a DML statement with RETURNING).
     *
     * <pre>{@code
     * boolean rows = select(USERS.name).returnsRows();   // true; delete(USERS).allRows().returnsRows() is false
     * }</pre>
     *
     * @return {@code true} for queries and statements with RETURNING
     */
    boolean returnsRows();
}
