package org.tabula.schema.inspect;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A CHECK constraint as the database reports it (PostgreSQL and MariaDB/MySQL; SQLite keeps
 * checks only inside the table's CREATE text and reports none).
 *
 * <pre>{@code
 * inspector.table("items").checks();   // [CheckInfo[name=items_qty_check, expression=CHECK ((qty > 0))]]
 * }</pre>
 *
 * @param name       the constraint name, or {@code null}
 * @param expression the condition as the catalog spells it
 */
@NullMarked
public record CheckInfo(@Nullable String name, String expression) {
}
