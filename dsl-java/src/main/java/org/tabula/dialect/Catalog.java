package org.tabula.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.tabula.schema.inspect.EnumTypeInfo;
import org.tabula.schema.inspect.TableInfo;

/**
 * The catalog questions of one database, answered from information_schema, pg_catalog or
 * sqlite_master and PRAGMAs. {@link Dialect#catalog()} returns it; {@code Inspector} and
 * {@code MetaData} ask it instead of writing catalog SQL themselves. Names are bound as parameters.
 *
 * <pre>{@code
 * try (var conn = engine.connect()) {
 *     List<String> tables = engine.dialect().catalog().tableNames(conn.jdbc());
 * }
 * }</pre>
 */
@NullMarked
public interface Catalog {

    /**
     * The schemas (databases on MySQL/MariaDB, attached databases on SQLite) the connection can see.
     *
     * <pre>{@code
     * List<String> schemas = Dialect.POSTGRES.catalog().schemas(conn.jdbc());
     * }</pre>
     *
     * @param conn an open connection
     * @return the schema names
     * @throws SQLException when the catalog cannot be read
     */
    List<String> schemas(Connection conn) throws SQLException;

    /**
     * The base tables of the connection's current schema, by name.
     *
     * <pre>{@code
     * List<String> tables = engine.dialect().catalog().tableNames(conn.jdbc());
     * }</pre>
     *
     * @param conn an open connection
     * @return the table names
     * @throws SQLException when the catalog cannot be read
     */
    List<String> tableNames(Connection conn) throws SQLException;

    /**
     * A table of the current schema, or {@code null} when there is none by that name.
     *
     * <pre>{@code
     * TableInfo users = engine.dialect().catalog().table(conn.jdbc(), "users");   // null when there is none
     * }</pre>
     *
     * @param conn an open connection
     * @param tableName the table name
     * @return the table's columns, keys and indexes, or {@code null}
     * @throws SQLException when the catalog cannot be read
     */
    @Nullable TableInfo table(Connection conn, String tableName) throws SQLException;

    /**
     * The named enum types of the current schema (PostgreSQL only; empty elsewhere).
     *
     * <pre>{@code
     * List<EnumTypeInfo> types = Dialect.POSTGRES.catalog().enumTypes(conn.jdbc());
     * }</pre>
     *
     * @param conn an open connection
     * @return the enum types with their labels
     * @throws SQLException when the catalog cannot be read
     */
    default List<EnumTypeInfo> enumTypes(Connection conn) throws SQLException {
        return List.of();
    }

    /**
     * Whether an index of this name exists on the table.
     *
     * <pre>{@code
     * boolean there = engine.dialect().catalog().indexExists(conn.jdbc(), "posts", "ix_posts_title");
     * }</pre>
     *
     * @param conn an open connection
     * @param tableName the table name
     * @param indexName the index name
     * @return {@code true} when the index exists
     * @throws SQLException when the catalog cannot be read
     */
    boolean indexExists(Connection conn, String tableName, String indexName) throws SQLException;

    /**
     * A type name in one spelling, so that the DDL Tabula writes and the catalog's report of it
     * compare equal ({@code VARCHAR(20)} and {@code character varying(20)} on PostgreSQL).
     *
     * <pre>{@code
     * String type = Dialect.POSTGRES.catalog().canonicalType("character varying(80)");   // compared with the model's type
     * }</pre>
     *
     * @param typeName a type name as written in DDL or reported by the catalog
     * @return the canonical spelling
     */
    String canonicalType(String typeName);

    /**
     * A DEFAULT expression in one spelling (casts, quoting and synonyms removed), or
     * {@code null} for no default.
     *
     * <pre>{@code
     * String sql = Dialect.POSTGRES.catalog().canonicalDefault("'DRAFT'::character varying");   // the default as the model writes it
     * }</pre>
     *
     * @param defaultSql a DEFAULT expression, or {@code null}
     * @return the canonical spelling, or {@code null}
     */
    @Nullable String canonicalDefault(@Nullable String defaultSql);

    /**
     * Runs {@code work} on a connection where dropping and re-creating a referenced table
     * neither fails nor fires ON DELETE actions, then checks that every foreign key still holds.
     * SQLite's table rebuild needs it (foreign keys can be switched off only outside a
     * transaction); elsewhere it just runs the work.
     *
     * <pre>{@code
     * engine.dialect().catalog().withoutForeignKeyActions(conn.jdbc(), () -> report(conn));   // e.g. while SQLite rebuilds a table
     * }</pre>
     *
     * @param conn an open connection
     * @param work what to run
     * @throws SQLException when a foreign key no longer holds or the setting cannot change
     */
    default void withoutForeignKeyActions(Connection conn, Runnable work) throws SQLException {
        work.run();
    }
}
