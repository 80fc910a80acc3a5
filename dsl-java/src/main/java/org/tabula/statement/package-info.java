/** Statements: SELECT, INSERT, UPDATE, DELETE, raw {@code text()} SQL and DDL, as immutable AST nodes. */
@NullMarked
package org.tabula.statement;

import org.jspecify.annotations.NullMarked;
