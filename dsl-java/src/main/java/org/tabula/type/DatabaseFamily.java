package org.tabula.type;

/**
 * The database a {@link SqlType} is asked about, as a type sees it: types name their DDL and
 * bind and read their values per family (see {@link TypeDialect}). MySQL and MariaDB share one
 * family; a dialect added through {@code DialectProvider} is {@link #OTHER} unless it says otherwise,
 * and gets each type's standard-SQL form.
 *
 * <pre>{@code
 * SqlType<Money> money = SqlTypes.converted(SqlTypes.decimal(12, 2), Money.class, Money::new, Money::amount)
 *         .withSqlName(DatabaseFamily.POSTGRESQL, "money_amount");   // a domain on PostgreSQL
 * }</pre>
 */
public enum DatabaseFamily {
    /** SQLite: dates, times, UUIDs and big numbers kept as text. */
    SQLITE,
    /** MySQL and MariaDB. */
    MYSQL,
    /** PostgreSQL: native {@code uuid}, {@code timestamptz}, {@code interval}, arrays, {@code jsonb}. */
    POSTGRESQL,
    /** Any other database: the standard SQL name and plain JDBC binding of each type. */
    OTHER
}
