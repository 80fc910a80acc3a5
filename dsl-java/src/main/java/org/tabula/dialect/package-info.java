/** Dialects: how each database spells the AST as SQL, binds and reads values, and names its errors. */
@NullMarked
package org.tabula.dialect;

import org.jspecify.annotations.NullMarked;
