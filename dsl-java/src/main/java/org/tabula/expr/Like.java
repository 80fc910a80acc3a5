package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import org.tabula.type.SqlTypes;

/**
 * {@code expr [NOT] LIKE pattern [ESCAPE '/']}. Build it with {@link Expression#like},
 * {@link Expression#contains}, ...
 *
 * <pre>{@code
 * Condition a = USERS.name.like("a%");
 * }</pre>
 *
 * @param expression      the tested expression
 * @param pattern         the pattern
 * @param negated         {@code NOT LIKE}
 * @param escaped         whether the pattern escapes wildcards with {@link #ESCAPE_CHAR}
 * @param caseInsensitive ILIKE semantics on every dialect
 */
public record Like(Expression<?> expression, Expression<String> pattern, boolean negated, boolean escaped,
                   boolean caseInsensitive) implements Condition {

    /**
     * The escape character for literal text inside patterns. Not a backslash: MySQL treats a
     * backslash in a string literal as an escape itself, so {@code ESCAPE '\'} would not even parse.
     */
    public static final char ESCAPE_CHAR = '/';

    /** {@code prefix + escape(text) + suffix}, so the user's text matches itself. */
    static Like escaped(Expression<?> expression, String prefix, String text, String suffix) {
        String pattern = prefix + escape(text) + suffix;
        return new Like(expression, new BindValue<>(pattern, SqlTypes.VARCHAR), false, true, false);
    }

    /**
     * Escapes {@code %}, {@code _} and the escape character itself, so the text matches itself.
     *
     * <pre>{@code
     * Like.escape("100%");   // "100/%"
     * }</pre>
     *
     * @param text the text to escape
     * @return the escaped text, {@code text} itself when nothing needs escaping
     */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == ESCAPE_CHAR) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.append(ESCAPE_CHAR);
            }
            if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitLike(this);
    }
}
