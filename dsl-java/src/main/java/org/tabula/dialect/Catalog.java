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

    /** The schemas (databases on MySQL/MariaDB, attached databases on SQLite) the connection can see. */
    List<String> schemas(Connection conn) throws SQLException;

    /** The base tables of the connection's current schema, by name. */
    List<String> tableNames(Connection conn) throws SQLException;

    /** A table of the current schema, or {@code null} when there is none by that name. */
    @Nullable TableInfo table(Connection conn, String tableName) throws SQLException;

    /** The named enum types of the current schema (PostgreSQL only; empty elsewhere). */
    default List<EnumTypeInfo> enumTypes(Connection conn) throws SQLException {
        return List.of();
    }

    /** Whether an index of this name exists on the table. */
    boolean indexExists(Connection conn, String tableName, String indexName) throws SQLException;

    /**
     * A type name in one spelling, so that the DDL Tabula writes and the catalog's report of it
     * compare equal ({@code VARCHAR(20)} and {@code character varying(20)} on PostgreSQL).
     */
    String canonicalType(String typeName);

    /**
     * A DEFAULT expression in one spelling (casts, quoting and synonyms removed), or
     * {@code null} for no default.
     */
    @Nullable String canonicalDefault(@Nullable String defaultSql);

    /**
     * Runs {@code work} on a connection where dropping and re-creating a referenced table
     * neither fails nor fires ON DELETE actions, then checks that every foreign key still holds.
     * SQLite's table rebuild needs it (foreign keys can be switched off only outside a
     * transaction); elsewhere it just runs the work.
     */
    default void withoutForeignKeyActions(Connection conn, Runnable work) throws SQLException {
        work.run();
    }
}
