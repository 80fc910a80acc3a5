package org.tabula.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.delete;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Sql.text;
import static org.tabula.Sql.update;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.dialect.Dialect;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.it.Databases;
import org.tabula.result.Row;
import org.tabula.schema.Column;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;
import org.tabula.schema.TableAlias;
import org.tabula.type.EnumType;

/**
 * Odd names, as table, column, table alias, column label, index and constraint name: each
 * either works in every statement on every database or is refused where it is declared, with an
 * {@link IllegalArgumentException} naming it and saying why. Never created and then broken (a
 * trailing backslash used to create a MariaDB table on which every INSERT failed with
 * "Parameter index out of range").
 */
@ExtendWith(NoBorrowedConnections.class)
class OddIdentifiersTest {

    /** Names every database and driver handles, quoted. */
    static final List<String> WORKING = List.of(
            "a\"b", "\"", "a'b", "'", "a`b", "`", "``", "a b", " lead", "tab\tinside",
            "select", "order", "from where", "é", "日本語", "a\\b", "\\lead", "a\\\\", "a\\'b", "a\\\"b",
            "a\\\\`b", "a?", "?", "a ? b", ":name", "a:b", "::x", "a--b", "--", "a/*b", "*/", "#a", "a;b",
            "{fn now()}", "{d '2020-01-01'}", "$1", "%s", "a.b", "a/b", "\u00a0", "\u0001", "ctl\u0001");

    /** Names refused at declaration, with a word of the reason the message must give. */
    static final Map<String, String> REFUSED = Map.of(
            "a\\", "ends in a backslash",
            "\\", "ends in a backslash",
            "a\\\\\\", "ends in a backslash",
            "a\\`b", "backslash right before a backtick",
            "a ", "ends in whitespace",
            "a\t", "ends in whitespace",
            "a\u0000b", "NUL",
            "emoji\uD83D\uDE00", "outside the Basic Multilingual Plane");

    static Stream<Arguments> working() {
        List<Arguments> out = new ArrayList<>();
        for (String db : Databases.names()) {
            for (String name : WORKING) {
                out.add(Arguments.of(db, name));
            }
        }
        return out.stream();
    }

    static Stream<Arguments> refused() {
        return REFUSED.keySet().stream().sorted().map(Arguments::of);
    }

    /** A table named oddly, with a column, an index and a constraint named oddly too. */
    static final class OddTable extends Table {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> odd;

        OddTable(String tableName, String columnName, String suffix) {
            super(tableName);
            odd = varchar(columnName, 20).nullable();
            // PostgreSQL and SQLite keep index names per schema: prefixed so they differ from the table's
            index("i" + suffix, odd);
            unique("u" + suffix, id, odd);
        }
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @MethodSource("working")
    void workingNamesWorkInEveryStatement(String db, String name) {
        Engine engine = Databases.engine(db);
        roundTrip(engine, new OddTable("rel_" + name, name, name), name);
    }

    private static void roundTrip(Engine engine, OddTable t, String name) {
        MetaData md = new MetaData(t);
        md.dropAll(engine);
        md.createAll(engine);
        try {
            engine.begin(conn -> {
                conn.execute(insert(t).set(t.id, 1L).set(t.odd, "v"));
                assertEquals(2, conn.execute(insert(t), List.of(Map.of("id", 2L, t.odd.name(), "w"),
                        Map.of("id", 3L, t.odd.name(), "w"))).rowCount(), "executemany");
                conn.execute(insert(t).columns(t.id, t.odd).values(4L, "x").values(5L, "x"));
            });
            try (Connection conn = engine.connect()) {
                Row row = conn.execute(select(t.id, t.odd).where(t.odd.eq("v"))).one();
                assertEquals(1L, (long) row.get(t.id));
                assertEquals("v", row.get(t.odd));
                TableAlias alias = t.as(name);
                assertEquals("v", conn.execute(select(alias.col(t.odd)).from(alias).where(alias.col(t.id).eq(1L)))
                        .scalarOne());
                assertEquals("v", conn.execute(select(t.odd.as(name)).where(t.id.eq(1L))).scalarOne());
                assertEquals(2L, conn.execute(update(t).set(t.odd, "u").where(t.odd.eq("w"))).rowCount());
                assertEquals(2L, conn.execute(delete(t).where(t.odd.in(List.of("u", "x")).and(t.id.gt(3L))))
                        .rowCount());
                Dialect d = engine.dialect();
                assertEquals("v", conn.execute(text("SELECT " + d.quote(t.odd.name()) + " FROM " + d.quote(t.name())
                        + " WHERE id = :id").bind("id", 1L).columns(t.odd)).one().get(t.odd));
                assertEquals(3L, Rel.rows(conn, t));
                conn.commit();
            }
        } finally {
            md.dropAll(engine);
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("refused")
    void brokenNamesAreRefusedWhereDeclared(String name) {
        String why = REFUSED.get(name);
        refuses(name, why, () -> new Table(name));
        refuses(name, why, () -> new Table("t").integer(name));
        refuses(name, why, () -> new OddTable("t", "c", "x").as(name));
        refuses(name, why, () -> new Table("t").bigint("id").as(name));
        refuses(name, why, () -> select(new Table("t").bigint("id")).as(name));
        refuses(name, why, () -> {
            Table t = new Table("t");
            t.index(name, t.bigint("id"));
        });
        refuses(name, why, () -> {
            Table t = new Table("t");
            t.unique(name, t.bigint("id"));
        });
        refuses(name, why, () -> EnumType.byName(DayOfWeek.class).asNative(name));
    }

    private static void refuses(String name, String why, Runnable declaration) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, declaration::run, "declaring " + name);
        String shown = name.replace("\u0000", "\\u0000").replace("\t", "\\u0009");
        assertTrue(e.getMessage().contains("\"" + shown + "\""), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }
}
