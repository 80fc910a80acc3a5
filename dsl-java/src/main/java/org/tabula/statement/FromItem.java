package org.tabula.statement;

import org.tabula.expr.SqlNode;

/** Anything that can stand in a FROM clause: a table, an alias, a subquery, a join. */
public interface FromItem extends SqlNode {
}
