package org.tabula.orm;

import java.util.Locale;

/**
 * The naming convention between Java and SQL: {@code createdAt} is {@code created_at}, entity
 * {@code User} is table {@code users}, {@code Category} is {@code categories}.
 */
public final class Naming {

    private Naming() {
    }

    /** {@code createdAt} to {@code created_at}; {@code HTTPStatus} to {@code http_status}. */
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

    /** The table name of an entity class: snake case, plural ({@code OrderLine} to {@code order_lines}). */
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
