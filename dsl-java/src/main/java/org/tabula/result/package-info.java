/** Results of executed statements: rows, typed scalars, mapping into records. */
@NullMarked
package org.tabula.result;

import org.jspecify.annotations.NullMarked;
