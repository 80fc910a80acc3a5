package org.tabula.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tabula.expr.Expression;
import org.tabula.orm.Naming;
import org.tabula.type.SqlType;
import org.tabula.type.SqlTypes;

/** One naming rule: the ORM, record mapping and (through the same class) Kotlin row mapping agree. */
class ColumnNamingTest {

    private static ResultColumns columns(String... labels) {
        SqlType<?>[] types = new SqlType<?>[labels.length];
        java.util.Arrays.fill(types, SqlTypes.ANY);
        return new ResultColumns(labels, types, new Expression<?>[labels.length]);
    }

    @Test
    void acronymsAreOneWordEverywhere() {
        assertEquals("http_status", ColumnNaming.snakeCase("HTTPStatus"));
        assertEquals(Naming.snakeCase("HTTPStatus"), ColumnNaming.snakeCase("HTTPStatus"));
        assertEquals("address_line2", ColumnNaming.snakeCase("addressLine2"));
        assertEquals("created_at", ColumnNaming.snakeCase("createdAt"));
    }

    @Test
    void aColumnMatchesItsNameOrSnakeCaseInAnyCase() {
        ResultColumns cols = columns("HTTP_STATUS", "address_line2", "createdAt");
        assertEquals(0, ColumnNaming.find(cols, "HTTPStatus"));
        assertEquals(0, ColumnNaming.find(cols, "httpStatus"));
        assertEquals(1, ColumnNaming.find(cols, "addressLine2"));
        assertEquals(2, ColumnNaming.find(cols, "createdAt"));
        assertEquals(-1, ColumnNaming.find(cols, "hTTPStatusCode"));
    }

    @Test
    void recordsMapByTheSameRule() {
        ResultColumns cols = columns("http_status", "address_line2");
        record Page(int HTTPStatus, String addressLine2) {
        }
        Page p = RecordMapper.of(Page.class, cols).map(new Object[] {404, "x"}, cols);
        assertEquals(new Page(404, "x"), p);
    }
}
