/** Reading what a database holds: tables, columns, keys, indexes and checks from its catalog. */
@NullMarked
package org.tabula.schema.inspect;

import org.jspecify.annotations.NullMarked;
