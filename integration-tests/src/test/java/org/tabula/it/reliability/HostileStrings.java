package org.tabula.it.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of strings built to break naive SQL building: quotes of every style,
 * backslashes, comment starters, statement separators, LIKE wildcards, placeholder look-alikes,
 * control characters and 4-byte unicode. Seeded, so a failure reproduces.
 */
final class HostileStrings {

    private static final String[] PIECES = {
        "'", "''", "\"", "`", "\\", "\\'", "\\\\", ";", ";--", "-- ", "#", "/*", "*/", "/*!50000 */",
        "%", "_", "/", "[", "]", "?", "??", ":name", "::text", "$1", "${x}", "@var", "\n", "\r\n", "\t",
        "' OR '1'='1", "'); DROP TABLE rel_items;--", "\" OR \"\"=\"", "1; DELETE FROM rel_items",
        "UNION SELECT * FROM rel_other", "\u00e9", "\u4e2d\u6587", "\uD83C\uDF0D", "\uD834\uDD1E", "\uD83D\uDE00",
        "\u202E", "\u00A0", "\uFEFF", " ", "  ", "x", "NULL", "null", "0x27", "\\0", "\u0001",
    };

    private final Random random;

    HostileStrings(long seed) {
        this.random = new Random(seed);
    }

    /** A hostile string of at most {@code maxCodePoints} code points (never containing NUL). */
    String next(int maxCodePoints) {
        StringBuilder sb = new StringBuilder();
        int parts = 1 + random.nextInt(8);
        for (int i = 0; i < parts; i++) {
            String piece = random.nextInt(4) == 0
                    ? String.valueOf((char) (0x20 + random.nextInt(0x5f)))
                    : PIECES[random.nextInt(PIECES.length)];
            if (sb.codePointCount(0, sb.length()) + piece.codePointCount(0, piece.length()) > maxCodePoints) {
                break;
            }
            sb.append(piece);
        }
        return sb.toString();
    }

    /** {@code n} hostile strings, with the classic ones first. */
    List<String> many(int n, int maxCodePoints) {
        List<String> out = new ArrayList<>(List.of("'", "\\", "\\'", "';--", "/*", "*/", "' OR '1'='1",
                "'); DROP TABLE rel_items;--", "%", "_", "\uD83C\uDF0D\uD834\uDD1E", "", " "));
        while (out.size() < n) {
            out.add(next(maxCodePoints));
        }
        return out;
    }

    /** A long value: many hostile pieces repeated to {@code length} characters. */
    String longValue(int length) {
        StringBuilder sb = new StringBuilder(length + 16);
        while (sb.length() < length) {
            sb.append(next(40));
        }
        sb.setLength(length);
        if (Character.isHighSurrogate(sb.charAt(length - 1))) {
            sb.setCharAt(length - 1, 'x');
        }
        return sb.toString();
    }
}
