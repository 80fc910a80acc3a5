/** The exception hierarchy: driver failures translated into one class per kind of failure. */
@NullMarked
package org.tabula.error;

import org.jspecify.annotations.NullMarked;
