package org.tabula.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Driver;
import org.junit.jupiter.api.Test;

/** The "open its package" advice names the module Tabula really is in, on either path. */
class OpenPackageHintTest {

    private record Point(int x, int y) {
    }

    private static final Module NAMED = ModuleLayer.boot().findModule("java.logging").orElseThrow();

    @Test
    void onTheModulePathTabulaIsTheAutomaticModuleOrgTabula() {
        // java.logging stands in for Tabula's automatic module; the manifest's name is checked by release-check.
        assertEquals(" (open its package to Tabula: add 'opens java.sql to java.logging;' to module-info.java of java.sql)",
                OpenPackageHint.of(Driver.class, NAMED));
        assertEquals(" (open its package to Tabula: add 'opens org.tabula.error to java.logging;' to module-info.java)",
                OpenPackageHint.of(Point.class, NAMED));
    }

    @Test
    void onTheClassPathTheUserOpensThePackageToEveryone() {
        Module unnamed = OpenPackageHintTest.class.getModule();
        assertEquals(" (open its package to Tabula, which is on the class path: add 'opens java.sql;' to module-info.java"
                + " of java.sql, or run with --add-opens java.sql/java.sql=ALL-UNNAMED)", OpenPackageHint.of(Driver.class, unnamed));
        assertEquals("", OpenPackageHint.of(Point.class, unnamed), "both on the class path: nothing to open");
        assertEquals("", OpenPackageHint.of(Point.class), "these tests run on the class path");
    }
}
