package org.tabula.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.result.Row;
import org.tabula.schema.Column;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;

/** Built-in readers and binders are inlined by BasicType; any other reader or binder must still be the one called. */
class BasicTypeJdbcTest {

    @Test
    void builtInTypesReadValuesAndNulls() {
        Table t = new Table("builtin_types");
        Column<Long> l = t.bigint("l").nullable();
        Column<Integer> i = t.integer("i").nullable();
        Column<Double> d = t.column("d", SqlTypes.DOUBLE).nullable();
        Column<Boolean> b = t.bool("b").nullable();
        Column<String> s = t.varchar("s", 5).nullable();
        Column<String> x = t.text("x").nullable();
        try (Engine engine = Engine.create("jdbc:sqlite::memory:")) {
            new MetaData(t).createAll(engine);
            try (Connection conn = engine.connect()) {
                conn.execute(insert(t).set(l, 7L).set(i, 8).set(d, 2.5).set(b, true).set(s, "x").set(x, "y"));
                conn.execute(insert(t).set(l, (Long) null).set(i, (Integer) null).set(d, (Double) null)
                        .set(b, (Boolean) null).set(s, (String) null).set(x, (String) null));
                List<Row> rows = conn.execute(select(l, i, d, b, s, x).from(t).orderBy(l.asc().nullsLast())).all();
                assertEquals(List.of(7L, 8, 2.5, true, "x", "y"), rows.get(0).values());
                assertEquals(Arrays.asList(null, null, null, null, null, null), rows.get(1).values());
            }
        }
    }

    @Test
    void customBinderOfABuiltInKindIsStillCalled() {
        BasicType<Long> doubled = new BasicType<>(TypeKind.BIGINT, Long.class, 0, 0,
                (ps, i, v) -> ps.setLong(i, v * 2), BasicType.LONG_READER, null);
        BasicType<String> trimmed = SqlTypes.VARCHAR.withLength(10, 0);
        Table t = new Table("custom_binders");
        Column<Long> l = t.column("l", doubled);
        Column<String> s = t.column("s", trimmed);
        try (Engine engine = Engine.create("jdbc:sqlite::memory:")) {
            new MetaData(t).createAll(engine);
            try (Connection conn = engine.connect()) {
                conn.execute(insert(t), List.of(java.util.Map.of("l", 4L, "s", "a"), java.util.Map.of("l", 5L, "s", "b")));
                List<Row> rows = conn.execute(select(l, s).from(t).orderBy(l.asc())).all();
                assertEquals(List.of(8L, "a"), rows.get(0).values());
                assertEquals(List.of(10L, "b"), rows.get(1).values());
            }
        }
    }

    @Test
    void customReaderOfABuiltInKindIsStillCalled() {
        BasicType<Long> tenfold = new BasicType<>(TypeKind.BIGINT, Long.class, 0, 0,
                (ps, i, v) -> ps.setLong(i, v), (rs, i) -> rs.getLong(i) * 10, null);
        BasicType<String> shouting = new BasicType<>(TypeKind.VARCHAR, String.class, 20, 0,
                (ps, i, v) -> ps.setString(i, v), (rs, i) -> rs.getString(i).toUpperCase(java.util.Locale.ROOT), null);
        Table t = new Table("custom_types");
        Column<Long> l = t.column("l", tenfold);
        Column<String> s = t.column("s", shouting);
        try (Engine engine = Engine.create("jdbc:sqlite::memory:")) {
            new MetaData(t).createAll(engine);
            try (Connection conn = engine.connect()) {
                conn.execute(insert(t).set(l, 7L).set(s, "abc"));
                Row row = conn.execute(select(l, s).from(t)).one();
                assertEquals(70L, row.get(l));
                assertEquals("ABC", row.get(s));
            }
        }
    }

    @Test
    void onlyJdbcsOwnGettersReadExactlyTheJavaType() {
        assertTrue(SqlTypes.BIGINT.readsExactJavaType());
        assertTrue(SqlTypes.varchar(20).readsExactJavaType());
        BasicType<Long> tenfold = new BasicType<>(TypeKind.BIGINT, Long.class, 0, 0,
                (ps, i, v) -> ps.setLong(i, v), (rs, i) -> rs.getLong(i) * 10, null);
        assertFalse(tenfold.readsExactJavaType(), "a reader of its own may return anything of its type");
        assertFalse(SqlTypes.DECIMAL.readsExactJavaType());
    }
}
