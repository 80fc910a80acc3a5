package org.tabula.dialect;

import static org.tabula.dialect.CatalogQueries.query;
import static org.tabula.dialect.CatalogQueries.strings;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tabula.schema.inspect.CheckInfo;
import org.tabula.schema.inspect.ColumnInfo;
import org.tabula.schema.inspect.IndexInfo;
import org.tabula.schema.inspect.TableInfo;
import org.tabula.schema.inspect.UniqueInfo;
import org.tabula.type.SqlType;
import org.tabula.type.SqlTypes;

/**
 * MySQL's and MariaDB's catalog, read from information_schema for {@code DATABASE()}. Unique
 * keys (whether declared as constraints or created as unique indexes) are reported as unique
 * constraints, the only form the server keeps.
 */
final class MySqlCatalog implements Catalog {

    private static final Map<String, SqlType<?>> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("tinyint(1)", SqlTypes.BOOLEAN);
        TYPES.put("smallint", SqlTypes.INTEGER);
        TYPES.put("mediumint", SqlTypes.INTEGER);
        TYPES.put("int", SqlTypes.INTEGER);
        TYPES.put("bigint", SqlTypes.BIGINT);
        TYPES.put("decimal", SqlTypes.DECIMAL);
        TYPES.put("double", SqlTypes.DOUBLE);
        TYPES.put("float", SqlTypes.DOUBLE);
        TYPES.put("varchar", SqlTypes.VARCHAR);
        TYPES.put("char", SqlTypes.VARCHAR);
        TYPES.put("text", SqlTypes.TEXT);
        TYPES.put("mediumtext", SqlTypes.TEXT);
        TYPES.put("longtext", SqlTypes.TEXT);
        TYPES.put("date", SqlTypes.DATE);
        TYPES.put("time", SqlTypes.LOCAL_TIME);
        TYPES.put("datetime", SqlTypes.TIMESTAMP);
        TYPES.put("timestamp", SqlTypes.TIMESTAMP);
        TYPES.put("blob", SqlTypes.BYTES);
        TYPES.put("longblob", SqlTypes.BYTES);
        TYPES.put("varbinary", SqlTypes.BYTES);
    }

    private final boolean mariaDb;

    MySqlCatalog(boolean mariaDb) {
        this.mariaDb = mariaDb;
    }

    @Override
    public List<String> schemas(Connection conn) throws SQLException {
        return strings(conn, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA ORDER BY SCHEMA_NAME");
    }

    @Override
    public List<String> tableNames(Connection conn) throws SQLException {
        return strings(conn, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
                + "AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME");
    }

    @Override
    public @Nullable TableInfo table(Connection conn, String tableName) throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>();
        query(conn, "SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION", rs -> {
                    String type = rs.getString(2);
                    String extra = rs.getString(5) == null ? "" : rs.getString(5).toLowerCase(Locale.ROOT);
                    SqlType<?> mapped = CatalogQueries.typeFor(canonicalType(type), TYPES);
                    columns.add(new ColumnInfo(rs.getString(1), type, mapped, "YES".equals(rs.getString(3)),
                            reportedDefault(rs.getString(4), extra, mapped), extra.contains("auto_increment")));
                }, tableName);
        if (columns.isEmpty()) {
            return null;
        }
        List<String> primaryKey = strings(conn, "SELECT COLUMN_NAME FROM information_schema.STATISTICS "
                + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME = 'PRIMARY' ORDER BY SEQ_IN_INDEX",
                tableName);
        CatalogQueries.ForeignKeyRows fks = new CatalogQueries.ForeignKeyRows();
        query(conn, "SELECT k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, "
                + "r.DELETE_RULE, r.UPDATE_RULE FROM information_schema.KEY_COLUMN_USAGE k "
                + "JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA "
                + "AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME "
                + "WHERE k.TABLE_SCHEMA = DATABASE() AND k.TABLE_NAME = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL "
                + "ORDER BY k.CONSTRAINT_NAME, k.ORDINAL_POSITION",
                rs -> fks.add(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)), tableName);
        Map<String, List<String>> keyColumns = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        query(conn, "SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM information_schema.STATISTICS "
                + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME <> 'PRIMARY' "
                + "ORDER BY INDEX_NAME, SEQ_IN_INDEX", rs -> {
                    keyColumns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(3));
                    unique.put(rs.getString(1), rs.getInt(2) == 0);
                }, tableName);
        List<UniqueInfo> uniques = new ArrayList<>();
        List<IndexInfo> indexes = new ArrayList<>();
        keyColumns.forEach((name, cols) -> {
            if (unique.get(name)) {
                uniques.add(new UniqueInfo(name, cols));
            } else {
                indexes.add(new IndexInfo(name, cols, false));
            }
        });
        List<CheckInfo> checks = new ArrayList<>();
        query(conn, "SELECT c.CONSTRAINT_NAME, c.CHECK_CLAUSE FROM information_schema.TABLE_CONSTRAINTS t "
                + "JOIN information_schema.CHECK_CONSTRAINTS c ON c.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA "
                + "AND c.CONSTRAINT_NAME = t.CONSTRAINT_NAME "
                + "WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_NAME = ? AND t.CONSTRAINT_TYPE = 'CHECK' "
                + "ORDER BY c.CONSTRAINT_NAME", rs -> checks.add(new CheckInfo(rs.getString(1), rs.getString(2))), tableName);
        return new TableInfo(tableName, columns, primaryKey, fks.keys(true), uniques, indexes, checks);
    }

    /**
     * MariaDB reports a default as SQL (quoted strings, the text {@code NULL} for none); MySQL
     * reports the bare value of a literal and marks expressions DEFAULT_GENERATED.
     */
    private @Nullable String reportedDefault(@Nullable String reported, String extra, @Nullable SqlType<?> type) {
        if (reported == null || (mariaDb && reported.equals("NULL"))) {
            return null;
        }
        if (mariaDb || extra.contains("default_generated") || reported.matches("-?\\d+(\\.\\d+)?")
                || reported.toLowerCase(Locale.ROOT).startsWith("current_timestamp")) {
            return reported;
        }
        return "'" + reported.replace("'", "''") + "'";
    }

    @Override
    public boolean indexExists(Connection conn, String tableName, String indexName) throws SQLException {
        return !strings(conn, "SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() "
                + "AND TABLE_NAME = ? AND INDEX_NAME = ?", tableName, indexName).isEmpty();
    }

    @Override
    public String canonicalType(String typeName) {
        String s = CatalogQueries.squeeze(typeName)
                .replaceFirst("^(smallint|mediumint|int|integer|bigint)\\(\\d+\\)", "$1")
                .replaceFirst("^integer", "int")
                .replaceFirst("^(boolean|bool)$", "tinyint(1)")
                .replaceFirst("^double precision$", "double")
                .replaceFirst("^numeric", "decimal");
        // MariaDB's JSON is a LONGTEXT with a json_valid check and reports itself so.
        return mariaDb && s.equals("json") ? "longtext" : s;
    }

    @Override
    public @Nullable String canonicalDefault(@Nullable String defaultSql) {
        if (defaultSql == null) {
            return null;
        }
        String s = CatalogQueries.lowerOutsideLiterals(CatalogQueries.unwrap(defaultSql));
        return switch (s) {
            case "true" -> "1";
            case "false" -> "0";
            default -> s;
        };
    }
}
