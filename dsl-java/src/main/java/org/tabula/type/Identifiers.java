package org.tabula.type;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The rule every name Tabula quotes into SQL must pass: table, column, alias, index, constraint
 * and enum type names. It is checked where the name is declared, before any dialect is known,
 * so a table that one of the supported databases (or its driver) cannot use is refused on all
 * of them instead of being created and then failing on every statement.
 *
 * <p>Anything else is allowed and quoted by the dialect: spaces, both quote characters,
 * backticks, reserved words, {@code ?}, {@code :name}, {@code --}, {@code /*}, non-ASCII
 * letters. The rule refuses only what was seen to break:
 * <ul>
 *   <li>a NUL character (no database accepts one in a name);</li>
 *   <li>an odd run of backslashes at the end of the name or right before a backtick: MySQL
 *       Connector/J reads {@code \`} as an escaped quote, loses track of the quoted name and
 *       miscounts the {@code ?} after it ("Parameter index out of range"), although the server
 *       itself created the table;</li>
 *   <li>trailing whitespace, and characters outside Unicode's Basic Multilingual Plane (emoji):
 *       MySQL and MariaDB refuse both in names.</li>
 * </ul>
 *
 * <pre>{@code
 * Identifiers.check("order \"total\"", "column name");   // fine, returned as given
 * Identifiers.check("path\\", "column name");            // IllegalArgumentException naming it and why
 * }</pre>
 */
@NullMarked
public final class Identifiers {

    private Identifiers() {
    }

    /**
     * Returns {@code identifier} if every supported database and driver can use it as a quoted
     * name, else throws an {@link IllegalArgumentException} saying which name ({@code what},
     * e.g. {@code "column name of table users"}) and why.
     *
     * <pre>{@code
     * String name = Identifiers.check("order \"total\"", "column name");   // fine, returned as given
     * }</pre>
     *
     * @param identifier the name: {@code Identifiers.check("users", "table name:")}
     * @param what what the name is, put before the message
     * @return the name, unchanged
     * @throws IllegalArgumentException naming it when some database or driver cannot use it
     */
    public static String check(String identifier, String what) {
        if (identifier == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        String problem = problem(identifier);
        if (problem != null) {
            throw new IllegalArgumentException(what + " " + show(identifier) + " " + problem);
        }
        return identifier;
    }

    /** Why {@code identifier} cannot be used, or {@code null} when it can. */
    static @Nullable String problem(String identifier) {
        int n = identifier.length();
        if (n == 0) {
            return "must not be empty";
        }
        int backslashes = 0;
        for (int i = 0; i < n; i++) {
            char c = identifier.charAt(i);
            if (c == '\0') {
                return "contains a NUL character, which no database accepts in a name";
            }
            if (c == '`' && backslashes % 2 == 1) {
                return "has a backslash right before a backtick, which MySQL Connector/J reads as an escaped"
                        + " quote (every statement naming it would fail)";
            }
            if (Character.isSurrogate(c)) {
                return "contains U+" + Integer.toHexString(identifier.codePointAt(i)).toUpperCase(java.util.Locale.ROOT)
                        + ", a character outside the Basic Multilingual Plane, which MySQL and MariaDB refuse in names";
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
        }
        if (backslashes % 2 == 1) {
            return "ends in a backslash, which MySQL Connector/J reads as escaping the closing quote"
                    + " (every statement naming it would fail)";
        }
        char last = identifier.charAt(n - 1);
        if (last == ' ' || last == '\t' || last == '\n' || last == '\r' || last == '\f' || last == '\u000b') {
            return "ends in whitespace, which MySQL and MariaDB refuse in names";
        }
        return null;
    }

    /** The name in double quotes, control characters escaped so that the message shows them. */
    private static String show(String identifier) {
        StringBuilder sb = new StringBuilder(identifier.length() + 2).append('"');
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
