/** Tabula's entry point: {@link org.tabula.Sql}, the static builders of statements and expressions.
 * Everything in Tabula's packages is non-null unless annotated {@code @Nullable} (JSpecify). */
@NullMarked
package org.tabula;

import org.jspecify.annotations.NullMarked;
