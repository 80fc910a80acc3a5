package org.tabula.dialect;

import static org.tabula.dialect.CatalogQueries.query;
import static org.tabula.dialect.CatalogQueries.strings;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.tabula.error.IntegrityException;
import org.tabula.schema.inspect.ColumnInfo;
import org.tabula.schema.inspect.IndexInfo;
import org.tabula.schema.inspect.TableInfo;
import org.tabula.schema.inspect.UniqueInfo;
import org.tabula.type.SqlType;
import org.tabula.type.SqlTypes;

/**
 * SQLite's catalog, read from sqlite_master and the table-valued PRAGMA functions. SQLite keeps
 * no names for foreign keys and CHECK constraints only inside the CREATE text, so neither is
 * named or reported.
 */
final class SqliteCatalog implements Catalog {

    private static final Map<String, SqlType<?>> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("boolean", SqlTypes.BOOLEAN);
        TYPES.put("int", SqlTypes.INTEGER);
        TYPES.put("integer", SqlTypes.INTEGER);
        TYPES.put("smallint", SqlTypes.INTEGER);
        TYPES.put("bigint", SqlTypes.BIGINT);
        TYPES.put("numeric", SqlTypes.DECIMAL);
        TYPES.put("decimal", SqlTypes.DECIMAL);
        TYPES.put("real", SqlTypes.DOUBLE);
        TYPES.put("double", SqlTypes.DOUBLE);
        TYPES.put("double precision", SqlTypes.DOUBLE);
        TYPES.put("varchar", SqlTypes.VARCHAR);
        TYPES.put("char", SqlTypes.VARCHAR);
        TYPES.put("text", SqlTypes.TEXT);
        TYPES.put("date", SqlTypes.DATE);
        TYPES.put("time", SqlTypes.LOCAL_TIME);
        TYPES.put("timestamp", SqlTypes.TIMESTAMP);
        TYPES.put("datetime", SqlTypes.TIMESTAMP);
        TYPES.put("blob", SqlTypes.BYTES);
    }

    @Override
    public List<String> schemas(Connection conn) throws SQLException {
        return strings(conn, "SELECT name FROM pragma_database_list ORDER BY seq");
    }

    @Override
    public List<String> tableNames(Connection conn) throws SQLException {
        return strings(conn, "SELECT name FROM sqlite_master WHERE type = 'table' "
                + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
    }

    @Override
    public @Nullable TableInfo table(Connection conn, String tableName) throws SQLException {
        List<String> create = strings(conn, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", tableName);
        if (create.isEmpty()) {
            return null;
        }
        boolean autoIncrement = create.get(0) != null && create.get(0).toUpperCase(Locale.ROOT).contains("AUTOINCREMENT");
        List<String[]> rows = new ArrayList<>();
        TreeMap<Integer, String> keyOrder = new TreeMap<>();
        query(conn, "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid", rs -> {
            rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            if (rs.getInt(5) > 0) {
                keyOrder.put(rs.getInt(5), rs.getString(1));
            }
        }, tableName);
        List<String> primaryKey = new ArrayList<>(keyOrder.values());
        List<ColumnInfo> columns = new ArrayList<>();
        for (String[] r : rows) {
            boolean key = primaryKey.contains(r[0]);
            // Only an INTEGER PRIMARY KEY is the rowid that AUTOINCREMENT (or plain insertion) fills.
            boolean rowid = key && primaryKey.size() == 1 && canonicalType(r[1]).equals("integer");
            SqlType<?> mapped = rowid ? SqlTypes.BIGINT : CatalogQueries.typeFor(canonicalType(r[1]), TYPES);
            columns.add(new ColumnInfo(r[0], r[1], mapped, !key && "0".equals(r[2]), r[3], rowid && autoIncrement));
        }
        CatalogQueries.ForeignKeyRows fks = new CatalogQueries.ForeignKeyRows();
        List<String[]> fkRows = new ArrayList<>();
        query(conn, "SELECT id, \"from\", \"table\", \"to\", on_delete, on_update FROM pragma_foreign_key_list(?) "
                + "ORDER BY id, seq", rs -> fkRows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6)}), tableName);
        for (String[] r : fkRows) {
            String target = r[3];
            if (target == null) {
                // REFERENCES parent without columns: the parent's primary key.
                TableInfo parent = r[2].equals(tableName) ? null : table(conn, r[2]);
                target = parent == null || parent.primaryKey().isEmpty() ? r[1] : parent.primaryKey().get(0);
            }
            fks.add(r[0], r[1], r[2], target, r[4], r[5]);
        }
        List<UniqueInfo> uniques = new ArrayList<>();
        List<IndexInfo> indexes = new ArrayList<>();
        List<String[]> indexRows = new ArrayList<>();
        query(conn, "SELECT name, \"unique\", origin FROM pragma_index_list(?) ORDER BY name",
                rs -> indexRows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}), tableName);
        for (String[] r : indexRows) {
            List<String> cols = strings(conn, "SELECT name FROM pragma_index_info(?) ORDER BY seqno", r[0]);
            switch (r[2]) {
                case "u" -> uniques.add(new UniqueInfo(r[0].startsWith("sqlite_autoindex_") ? null : r[0], cols));
                case "c" -> indexes.add(new IndexInfo(r[0], cols, "1".equals(r[1])));
                default -> { }
            }
        }
        return new TableInfo(tableName, columns, primaryKey, fks.keys(false), uniques, indexes, List.of());
    }

    @Override
    public boolean indexExists(Connection conn, String tableName, String indexName) throws SQLException {
        return !strings(conn, "SELECT 1 FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name = ?",
                tableName, indexName).isEmpty();
    }

    @Override
    public String canonicalType(String typeName) {
        return CatalogQueries.squeeze(typeName);
    }

    @Override
    public @Nullable String canonicalDefault(@Nullable String defaultSql) {
        return defaultSql == null ? null : CatalogQueries.lowerOutsideLiterals(CatalogQueries.unwrap(defaultSql));
    }

    /**
     * SQLite's documented procedure for changing a table: foreign keys off (possible only
     * between transactions), the work in one transaction, {@code PRAGMA foreign_key_check}
     * before it commits, foreign keys back on. Commits the work itself; rolls it back on failure.
     */
    @Override
    public void withoutForeignKeyActions(Connection conn, Runnable work) throws SQLException {
        if (strings(conn, "PRAGMA foreign_keys").equals(List.of("0"))) {
            work.run();
            return;
        }
        conn.rollback();
        switchForeignKeys(conn, false);
        boolean done = false;
        try {
            work.run();
            List<String> broken = strings(conn, "SELECT \"table\" || ' row ' || rowid || ' references ' || parent "
                    + "FROM pragma_foreign_key_check");
            if (!broken.isEmpty()) {
                throw new IntegrityException("the changed schema breaks foreign keys: " + broken, null, null);
            }
            done = true;
        } finally {
            if (!done) {
                conn.rollback();
            }
            switchForeignKeys(conn, true); // leaving auto-commit commits the work
        }
    }

    private static void switchForeignKeys(Connection conn, boolean on) throws SQLException {
        boolean autoCommit = conn.getAutoCommit();
        conn.setAutoCommit(true);
        try (Statement s = conn.createStatement()) {
            s.execute(on ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF");
        } finally {
            conn.setAutoCommit(autoCommit);
        }
    }
}
