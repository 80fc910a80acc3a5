package org.tabula.result;

/**
 * The one naming rule between JVM names and SQL columns, used by the ORM mapper
 * ({@code orm.Naming}), record mapping ({@link RecordMapper}) and the Kotlin layer's
 * {@code RowMapper}: a name is written in snake case, a run of capitals being one word
 * ({@code createdAt} is {@code created_at}, {@code HTTPStatus} is {@code http_status},
 * {@code addressLine2} is {@code address_line2}); a result column matches a name when its label
 * is the name itself or its snake case, ignoring case.
 *
 * <pre>{@code
 * ColumnNaming.snakeCase("HTTPStatus");               // "http_status"
 * int at = ColumnNaming.find(result.columns(), "createdAt");   // the position of created_at, or -1
 * }</pre>
 */
public final class ColumnNaming {

    private ColumnNaming() {
    }

    /**
     * {@code createdAt} to {@code created_at}; {@code HTTPStatus} to {@code http_status}.
     *
     * <pre>{@code
     * String label = ColumnNaming.snakeCase("createdAt");   // "created_at"
     * }</pre>
     *
     * @param name a Java name: {@code snakeCase("createdAt")}
     * @return the snake_case name
     */
    public static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean prevLower = i > 0 && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
                boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                boolean prevUpper = i > 0 && Character.isUpperCase(name.charAt(i - 1));
                if (out.length() > 0 && (prevLower || (prevUpper && nextLower)) && out.charAt(out.length() - 1) != '_') {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The position of the column that {@code name} matches (itself, else its snake case; any case), or -1.
     *
     * <pre>{@code
     * int at = ColumnNaming.find(result.columns(), "createdAt");   // the position of created_at, or -1
     * }</pre>
     *
     * @param columns the result's columns
     * @param name a field or record component name: {@code find(columns, "createdAt")}
     * @return the position of the column that {@code name} matches
     */
    public static int find(ResultColumns columns, String name) {
        int at = columns.indexOf(name);
        if (at < 0) {
            at = columns.indexOf(snakeCase(name));
        }
        if (at < 0) {
            String snake = snakeCase(name);
            for (int i = 0; i < columns.size(); i++) {
                String label = columns.label(i);
                if (label.equalsIgnoreCase(name) || label.equalsIgnoreCase(snake)) {
                    return i;
                }
            }
        }
        return at;
    }
}
