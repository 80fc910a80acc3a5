/** Expressions and conditions: immutable AST nodes built by fluent methods. */
@NullMarked
package org.tabula.expr;

import org.jspecify.annotations.NullMarked;
