package org.tabula.schema.inspect;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.tabula.type.SqlType;

/**
 * A column as the database reports it.
 *
 * <pre>{@code
 * ColumnInfo name = Inspector.of(engine).table("users").column("name");
 * name.typeName();      // "character varying(80)" on PostgreSQL, "varchar(80)" on MariaDB
 * name.type();          // SqlTypes.varchar(80), or null where no Tabula type fits
 * }</pre>
 *
 * @param name          the column name
 * @param typeName      the type as the catalog spells it
 * @param type          the Tabula type that reads and writes it, or {@code null} when none fits
 * @param nullable      whether NULL is accepted
 * @param serverDefault the DEFAULT expression as the catalog spells it, or {@code null}
 * @param autoIncrement whether the database generates values (identity, serial, AUTO_INCREMENT, AUTOINCREMENT)
 */
@NullMarked
public record ColumnInfo(String name, String typeName, @Nullable SqlType<?> type, boolean nullable,
                         @Nullable String serverDefault, boolean autoIncrement) {
}
