package org.tabula.expr;

import org.jspecify.annotations.Nullable;

/**
 * Any node of the statement AST: expressions, tables, joins and whole statements.
 * Nodes are immutable; dialect renderers walk them through {@link SqlVisitor}.
 */
public interface SqlNode {

    /**
     * Double dispatch into the visitor: each node calls its own {@code visitX} method.
     *
     * <pre>{@code
     * Void done = condition.accept(renderer);   // a dialect renderer appends the SQL to its buffer
     * }</pre>
     *
     * @param visitor the visitor
     * @param <R>     what the visit returns
     * @return the visitor's result for this node
     */
    <R extends @Nullable Object> R accept(SqlVisitor<R> visitor);
}
