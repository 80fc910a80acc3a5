package org.tabula.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tabula.schema.ReferentialAction;
import org.tabula.schema.inspect.ForeignKeyInfo;
import org.tabula.type.SqlType;
import org.tabula.type.SqlTypes;

/** JDBC plumbing shared by the catalogs: prepared catalog queries with bound names, type-name parsing. */
final class CatalogQueries {

    private static final Pattern SIZED = Pattern.compile("([a-z ]+?)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)(.*)");

    private CatalogQueries() {
    }

    /** One row of a catalog query. */
    @FunctionalInterface
    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    static void query(Connection conn, String sql, RowReader reader, Object... parameters) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    /** The first column of every row. */
    static List<String> strings(Connection conn, String sql, Object... parameters) throws SQLException {
        List<String> out = new ArrayList<>();
        query(conn, sql, rs -> out.add(rs.getString(1)), parameters);
        return out;
    }

    /** Lowercase, single spaces, no space after commas or inside parentheses. */
    static String squeeze(String typeName) {
        return typeName.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
                .replaceAll("\\s*,\\s*", ",").replaceAll("\\s*\\(\\s*", "(").replaceAll("\\s*\\)", ")");
    }

    /**
     * The Tabula type for a canonical type name such as {@code varchar(20)} or
     * {@code numeric(10,2)}, through {@code names} (base name to type); sized names get their length.
     */
    static SqlType<?> typeFor(String canonical, Map<String, SqlType<?>> names) {
        SqlType<?> exact = names.get(canonical);
        if (exact != null) {
            return exact;
        }
        Matcher m = SIZED.matcher(canonical);
        if (m.matches() && m.group(4).isEmpty()) {
            SqlType<?> base = names.get(m.group(1).trim());
            int length = Integer.parseInt(m.group(2));
            int scale = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            if (base == SqlTypes.VARCHAR && length > 0) {
                return SqlTypes.varchar(length);
            }
            if (base == SqlTypes.DECIMAL && scale == 0 && length > 18) {
                return SqlTypes.BIG_INTEGER.withLength(length, 0); // wider than a long: a BigInteger column
            }
            if (base == SqlTypes.DECIMAL && length > 0 && scale <= length) {
                return SqlTypes.decimal(length, scale);
            }
            return base;
        }
        return null;
    }

    /** Rows of (name, column, target table, target column, on delete, on update), grouped into keys by name. */
    static final class ForeignKeyRows {
        private final Map<String, String[]> heads = new LinkedHashMap<>();
        private final Map<String, List<String>> columns = new LinkedHashMap<>();
        private final Map<String, List<String>> targets = new LinkedHashMap<>();

        void add(String key, String column, String targetTable, String targetColumn, String onDelete, String onUpdate) {
            heads.putIfAbsent(key, new String[] {targetTable, onDelete, onUpdate});
            columns.computeIfAbsent(key, k -> new ArrayList<>()).add(column);
            targets.computeIfAbsent(key, k -> new ArrayList<>()).add(targetColumn);
        }

        List<ForeignKeyInfo> keys(boolean named) {
            List<ForeignKeyInfo> out = new ArrayList<>();
            for (Map.Entry<String, String[]> e : heads.entrySet()) {
                String[] h = e.getValue();
                out.add(new ForeignKeyInfo(named ? e.getKey() : null, columns.get(e.getKey()), h[0],
                        targets.get(e.getKey()), action(h[1]), action(h[2])));
            }
            return out;
        }
    }

    /** A rule as information_schema or PRAGMA foreign_key_list spell it ("SET NULL", "NO ACTION"...). */
    static ReferentialAction action(String rule) {
        if (rule == null) {
            return ReferentialAction.NO_ACTION;
        }
        String r = rule.trim().toUpperCase(Locale.ROOT).replace('_', ' ');
        for (ReferentialAction a : ReferentialAction.values()) {
            if (Keywords.of(a).equals(r)) {
                return a;
            }
        }
        return ReferentialAction.NO_ACTION;
    }

    /** Removes one pair of parentheses around the whole expression. */
    static String unwrap(String expression) {
        String s = expression.trim();
        while (s.length() >= 2 && s.charAt(0) == '(' && s.charAt(s.length() - 1) == ')' && balanced(s.substring(1, s.length() - 1))) {
            s = s.substring(1, s.length() - 1).trim();
        }
        return s;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** Lowercases an expression outside its string literals and spells the current-time functions one way. */
    static String lowerOutsideLiterals(String expression) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            out.append(quoted || c == '\'' ? c : Character.toLowerCase(c));
        }
        String s = out.toString();
        if (s.equals("now()") || s.matches("current_timestamp(\\(\\d*\\))?")) {
            return "current_timestamp";
        }
        return s;
    }
}
