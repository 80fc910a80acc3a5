package org.tabula.orm;

import java.util.Locale;
import org.tabula.result.ColumnNaming;

/**
 * The naming convention between Java and SQL: {@code createdAt} is {@code created_at} (the rule of
 * {@link ColumnNaming}), entity {@code User} is table {@code users}, {@code Category} is
 * {@code categories}.
 *
 * <pre>{@code
 * Naming.snakeCase("createdAt");          // "created_at"
 * Naming.tableName(OrderLine.class);      // "order_lines"
 * }</pre>
 */
public final class Naming {

    private Naming() {
    }

    /**
     * {@code createdAt} to {@code created_at}; {@code HTTPStatus} to {@code http_status}: the one
     * rule of {@link ColumnNaming}, which record and Kotlin row mapping use too.
     *
     * <pre>{@code
     * String column = Naming.snakeCase("createdAt");   // "created_at"
     * }</pre>
     *
     * @param name a Java name in camel case
     * @return the name in snake case
     */
    public static String snakeCase(String name) {
        return ColumnNaming.snakeCase(name);
    }

    /**
     * The table name of an entity class: snake case, plural ({@code OrderLine} to {@code order_lines}).
     *
     * <pre>{@code
     * String table = Naming.tableName(OrderLine.class);   // "order_lines"
     * }</pre>
     *
     * @param entityClass the entity class
     * @return the derived table name
     */
    public static String tableName(Class<?> entityClass) {
        return plural(snakeCase(entityClass.getSimpleName()));
    }

    static String plural(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.endsWith("s") || w.endsWith("x") || w.endsWith("z") || w.endsWith("ch") || w.endsWith("sh")) {
            return word + "es";
        }
        if (w.endsWith("y") && w.length() > 1 && "aeiou".indexOf(w.charAt(w.length() - 2)) < 0) {
            return word.substring(0, word.length() - 1) + "ies";
        }
        return word + "s";
    }
}
