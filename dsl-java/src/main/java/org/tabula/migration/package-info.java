/** Schema comparison: the changes between declared and reflected tables, and their DDL plan. */
@NullMarked
package org.tabula.migration;

import org.jspecify.annotations.NullMarked;
