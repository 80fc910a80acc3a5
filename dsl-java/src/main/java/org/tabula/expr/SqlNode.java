package org.tabula.expr;

/**
 * Any node of the statement AST: expressions, tables, joins and whole statements.
 * Nodes are immutable; dialect renderers walk them through {@link SqlVisitor}.
 */
public interface SqlNode {

    /** Double dispatch into the visitor: each node calls its own {@code visitX} method. */
    <R> R accept(SqlVisitor<R> visitor);
}
