package org.tabula.statement;

import org.tabula.expr.SqlNode;

/**
 * What turns a statement into something to run: a dialect, whose result is SQL text plus
 * bindings. The seam that lets {@link Statement#toSql} stay a convenience while the AST depends
 * on no dialect (the dependency points from {@code dialect} to {@code statement}, never back).
 *
 * <pre>{@code
 * RenderedSql sql = select(USERS.name).from(USERS).toSql(Dialect.POSTGRES);   // Dialect is a StatementCompiler<RenderedSql>
 * }</pre>
 *
 * @param <R> what a compiled statement is
 */
@FunctionalInterface
public interface StatementCompiler<R> {

    /**
     * Compiles {@code node} (a statement or an expression).
     *
     * <pre>{@code
     * RenderedSql sql = Dialect.SQLITE.render(select(USERS.name).from(USERS));
     * }</pre>
     *
     * @param node the statement to compile
     * @return the compiled statement
     */
    R render(SqlNode node);
}
