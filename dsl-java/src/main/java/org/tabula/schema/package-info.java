/** Tables, columns, keys and indexes as declared in code, and {@code MetaData} over them. */
@NullMarked
package org.tabula.schema;

import org.jspecify.annotations.NullMarked;
