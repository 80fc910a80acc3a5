package org.tabula.examples.spring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The example runs as the README says, and shows the refused order rolled back with its audit line. */
class ShopApplicationTest {

    @Test
    void runs() {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ShopApplication.main(new String[0]);
        } finally {
            System.setOut(out);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        out.print(printed);
        assertTrue(printed.contains("orders: [1 x teapot, 6 x cup]"), printed);
        assertTrue(printed.contains("audit:  [order 1: 1 x teapot, order 2: 6 x cup]"), printed);
    }
}
