package org.tabula.type;

/**
 * What a {@link SqlType} may ask of the dialect it is used with: the database family, the
 * dialect's name for messages, and identifier quoting (for types named after a schema object,
 * such as a native enum). {@code org.tabula.dialect.Dialect} implements it; types consult it in
 * {@link SqlType#sqlName}, {@link SqlType#bind(TypeDialect, java.sql.PreparedStatement, int, Object)}
 * and {@link SqlType#read(TypeDialect, java.sql.ResultSet, int)}, so the dialect never switches
 * over the kind of a type.
 *
 * <pre>{@code
 * String ddl = SqlTypes.DURATION.sqlName(Dialect.POSTGRES);   // "INTERVAL"
 * }</pre>
 */
public interface TypeDialect {

    /**
     * A short name for messages: sqlite, mysql, mariadb, postgresql.
     *
     * <pre>{@code
     * String name = Dialect.POSTGRES.name();   // postgresql
     * }</pre>
     *
     * @return the dialect's name
     */
    String name();

    /**
     * The family whose DDL names and value codecs types use here.
     *
     * <pre>{@code
     * DatabaseFamily family = Dialect.MYSQL.family();   // MYSQL, for MariaDB too
     * }</pre>
     *
     * @return the family, never {@code null}
     */
    DatabaseFamily family();

    /**
     * An identifier quoted for this dialect.
     *
     * <pre>{@code
     * dialect.quote("mood");   // "mood" on PostgreSQL
     * }</pre>
     *
     * @param identifier the unquoted name
     * @return the quoted name
     */
    String quote(String identifier);

    /**
     * {@code text} as a quoted SQL string literal for DDL (enum labels), with quotes (and on
     * MySQL backslashes) doubled.
     *
     * <pre>{@code
     * dialect.stringLiteral("it's");   // 'it''s'
     * }</pre>
     *
     * @param text the string
     * @return the literal
     */
    String stringLiteral(String text);
}
