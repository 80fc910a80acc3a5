/** The engine: connection pool, connections, transactions and their options. */
@NullMarked
package org.tabula.engine;

import org.jspecify.annotations.NullMarked;
