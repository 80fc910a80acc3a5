/** SQL types and their Java representations. */
@NullMarked
package org.tabula.type;

import org.jspecify.annotations.NullMarked;
