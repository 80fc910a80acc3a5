package org.tabula.dialect;

import static org.tabula.dialect.CatalogQueries.query;
import static org.tabula.dialect.CatalogQueries.strings;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tabula.schema.ReferentialAction;
import org.tabula.schema.inspect.CheckInfo;
import org.tabula.schema.inspect.ColumnInfo;
import org.tabula.schema.inspect.EnumTypeInfo;
import org.tabula.schema.inspect.ForeignKeyInfo;
import org.tabula.schema.inspect.IndexInfo;
import org.tabula.schema.inspect.TableInfo;
import org.tabula.schema.inspect.UniqueInfo;
import org.tabula.type.SqlType;
import org.tabula.type.SqlTypes;

/** PostgreSQL's catalog, read from pg_catalog for the connection's {@code current_schema()}. */
final class PostgresCatalog implements Catalog {

    private static final String TABLE = "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE n.nspname = current_schema() AND c.relname = ? ";

    /** The attribute names of a key (int2 array column {@code keys} of relation {@code rel}), in key order. */
    private static String names(String keys, String rel) {
        return "ARRAY(SELECT a.attname FROM unnest(" + keys + "::int2[]) WITH ORDINALITY k(num, pos) "
                + "JOIN pg_attribute a ON a.attrelid = " + rel + " AND a.attnum = k.num ORDER BY k.pos)::text[]";
    }

    private static final Map<String, SqlType<?>> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("boolean", SqlTypes.BOOLEAN);
        TYPES.put("smallint", SqlTypes.INTEGER);
        TYPES.put("integer", SqlTypes.INTEGER);
        TYPES.put("bigint", SqlTypes.BIGINT);
        TYPES.put("numeric", SqlTypes.DECIMAL);
        TYPES.put("double precision", SqlTypes.DOUBLE);
        TYPES.put("real", SqlTypes.DOUBLE);
        TYPES.put("character varying", SqlTypes.VARCHAR);
        TYPES.put("text", SqlTypes.TEXT);
        TYPES.put("date", SqlTypes.DATE);
        TYPES.put("timestamp without time zone", SqlTypes.TIMESTAMP);
        TYPES.put("timestamp with time zone", SqlTypes.INSTANT);
        TYPES.put("bytea", SqlTypes.BYTES);
        TYPES.put("uuid", SqlTypes.UUID_TYPE);
        TYPES.put("time without time zone", SqlTypes.LOCAL_TIME);
        TYPES.put("interval", SqlTypes.DURATION);
    }

    @Override
    public List<String> schemas(Connection conn) throws SQLException {
        return strings(conn, "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
                + "AND nspname <> 'information_schema' ORDER BY nspname");
    }

    @Override
    public List<String> tableNames(Connection conn) throws SQLException {
        return strings(conn, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY c.relname");
    }

    @Override
    public @Nullable TableInfo table(Connection conn, String tableName) throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>();
        query(conn, "SELECT a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull, "
                + "pg_get_expr(d.adbin, d.adrelid), a.attidentity, t.typtype "
                + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid "
                + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                + "WHERE n.nspname = current_schema() AND c.relname = ? AND c.relkind IN ('r', 'p') "
                + "AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum", rs -> {
                    String type = rs.getString(2);
                    String dflt = rs.getString(4);
                    String identity = rs.getString(5);
                    boolean serial = dflt != null && dflt.startsWith("nextval(");
                    boolean auto = serial || (identity != null && !identity.isEmpty());
                    SqlType<?> mapped = "e".equals(rs.getString(6)) ? null
                            : CatalogQueries.typeFor(canonicalType(type), TYPES);
                    columns.add(new ColumnInfo(rs.getString(1), type, mapped, rs.getBoolean(3), serial ? null : dflt, auto));
                }, tableName);
        if (columns.isEmpty()) {
            return null;
        }
        List<String> primaryKey = new ArrayList<>();
        List<ForeignKeyInfo> foreignKeys = new ArrayList<>();
        List<UniqueInfo> uniques = new ArrayList<>();
        List<CheckInfo> checks = new ArrayList<>();
        query(conn, "SELECT con.conname, con.contype, pg_get_constraintdef(con.oid), "
                + names("con.conkey", "con.conrelid") + ", ft.relname, " + names("con.confkey", "con.confrelid")
                + ", con.confdeltype, con.confupdtype "
                + "FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_class ft ON ft.oid = con.confrelid "
                + "WHERE n.nspname = current_schema() AND c.relname = ? ORDER BY con.conname", rs -> {
                    String name = rs.getString(1);
                    List<String> keyColumns = texts(rs.getArray(4));
                    switch (rs.getString(2)) {
                        case "p" -> primaryKey.addAll(keyColumns);
                        case "u" -> uniques.add(new UniqueInfo(name, keyColumns));
                        case "c" -> checks.add(new CheckInfo(name, rs.getString(3)));
                        case "f" -> foreignKeys.add(new ForeignKeyInfo(name, keyColumns, rs.getString(5),
                                texts(rs.getArray(6)), action(rs.getString(7)), action(rs.getString(8))));
                        default -> { }
                    }
                }, tableName);
        List<IndexInfo> indexes = new ArrayList<>();
        query(conn, "SELECT i.relname, ix.indisunique, " + names("ix.indkey", "ix.indrelid")
                + " FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class c ON c.oid = ix.indrelid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = current_schema() AND c.relname = ? AND NOT ix.indisprimary "
                + "AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid "
                + "AND con.contype IN ('p', 'u', 'x')) ORDER BY i.relname",
                rs -> indexes.add(new IndexInfo(rs.getString(1), texts(rs.getArray(3)), rs.getBoolean(2))), tableName);
        return new TableInfo(tableName, columns, primaryKey, foreignKeys, uniques, indexes, checks);
    }

    @Override
    public List<EnumTypeInfo> enumTypes(Connection conn) throws SQLException {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        query(conn, "SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid "
                + "JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = current_schema() "
                + "ORDER BY t.typname, e.enumsortorder",
                rs -> labels.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)));
        List<EnumTypeInfo> out = new ArrayList<>();
        labels.forEach((name, values) -> out.add(new EnumTypeInfo(name, values)));
        return out;
    }

    @Override
    public boolean indexExists(Connection conn, String tableName, String indexName) throws SQLException {
        return !strings(conn, "SELECT 1 FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid "
                + "JOIN pg_class c ON c.oid = ix.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = current_schema() AND c.relname = ? AND i.relname = ?", tableName, indexName).isEmpty();
    }

    @Override
    public String canonicalType(String typeName) {
        String s = CatalogQueries.squeeze(typeName).replace("\"", "");
        s = s.replaceFirst("^varchar", "character varying")
                .replaceFirst("^(int|int4)$", "integer")
                .replaceFirst("^int8$", "bigint")
                .replaceFirst("^int2$", "smallint")
                .replaceFirst("^bool$", "boolean")
                .replaceFirst("^float8$", "double precision")
                .replaceFirst("^decimal", "numeric")
                .replaceFirst("^timestamptz$", "timestamp with time zone")
                .replaceFirst("^timetz$", "time with time zone");
        if (s.matches("(timestamp|time)(\\(\\d+\\))?")) {
            s = s + " without time zone";
        }
        return s;
    }

    @Override
    public @Nullable String canonicalDefault(@Nullable String defaultSql) {
        if (defaultSql == null) {
            return null;
        }
        String s = CatalogQueries.unwrap(defaultSql);
        // PostgreSQL reports literals with their cast: 'draft'::character varying, 'happy'::"Mood".
        String previous;
        do {
            previous = s;
            s = CatalogQueries.unwrap(s.replaceFirst("::(\"[^\"]*\"|[a-z_][a-z_ 0-9]*)(\\(\\d+(,\\s*\\d+)?\\))?(\\[\\])?$", ""));
        } while (!s.equals(previous));
        return CatalogQueries.lowerOutsideLiterals(s);
    }

    private static List<String> texts(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.asList((String[]) array.getArray());
    }

    private static ReferentialAction action(@Nullable String code) {
        if (code == null) {
            return ReferentialAction.NO_ACTION;
        }
        return switch (code) {
            case "r" -> ReferentialAction.RESTRICT;
            case "c" -> ReferentialAction.CASCADE;
            case "n" -> ReferentialAction.SET_NULL;
            case "d" -> ReferentialAction.SET_DEFAULT;
            default -> ReferentialAction.NO_ACTION;
        };
    }
}
