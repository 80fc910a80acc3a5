package org.tabula.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.tabula.schema.Table;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void backslashesBreakOnlyWhereConnectorJReadsThemAsEscapingAQuote() {
        for (String ok : List.of("a\\b", "\\a", "a\\\\", "a\\\\`b", "a\\'b", "a\\\"b", "a\\\\\\\\")) {
            assertNull(Identifiers.problem(ok), ok);
        }
        for (String bad : List.of("a\\", "\\", "a\\\\\\", "a\\`b", "\\\\\\`")) {
            assertNotNull(Identifiers.problem(bad), bad);
        }
    }

    @Test
    void otherOddNamesPass() {
        for (String ok : List.of("a b", " lead", "a\tb", "select", "é", "日本語", "?", ":name", "--", "/*", "`", "\"", "'",
                "\u00a0")) {
            assertNull(Identifiers.problem(ok), ok);
        }
    }

    @Test
    void messageNamesTheIdentifierAndWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Table("users").text("path\\"));
        assertEquals("column name of table users: \"path\\\" ends in a backslash, which MySQL Connector/J reads as"
                + " escaping the closing quote (every statement naming it would fail)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Table("t\u0000"));
        assertTrue(e.getMessage().startsWith("table name \"t\\u0000\" contains a NUL"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Table("trailing "));
        assertTrue(e.getMessage().contains("ends in whitespace"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Table("x\uD83D\uDE00"));
        assertTrue(e.getMessage().contains("U+1F600"), e.getMessage());
    }
}
