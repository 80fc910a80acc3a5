package org.tabula.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Posts.POSTS;
import static org.tabula.Sql.select;
import static org.tabula.Users.USERS;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tabula.schema.Column;
import org.tabula.schema.Table;
import org.tabula.statement.Select;

/** The renderer's cache of quoted identifiers must never change what is rendered, only how fast. */
class QuotedIdentifierCacheTest {

    private static Select query(int minAge, String prefix) {
        return select(USERS.id, USERS.name, POSTS.title)
                .from(USERS).join(POSTS)
                .where(USERS.age.gt(minAge))
                .where(USERS.name.startsWith(prefix))
                .where(POSTS.likes.ge(3))
                .orderBy(USERS.name.asc())
                .limit(10);
    }

    @Test
    void sameShapeDifferentValuesGivesSameSqlAndItsOwnValues() {
        Dialect dialect = new SqliteDialect();
        RenderedSql first = dialect.render(query(18, "a"));
        RenderedSql second = dialect.render(query(40, "b_"));
        assertEquals(first.sql(), second.sql());
        assertEquals("SELECT \"users\".\"id\", \"users\".\"name\", \"posts\".\"title\" FROM \"users\""
                + " JOIN \"posts\" ON \"posts\".\"user_id\" = \"users\".\"id\" WHERE \"users\".\"age\" > ?"
                + " AND \"users\".\"name\" LIKE ? ESCAPE '/' AND \"posts\".\"likes\" >= ?"
                + " ORDER BY \"users\".\"name\" LIMIT ?", second.sql());
        assertEquals(List.of(18, "a%", 3, 10L), first.values());
        assertEquals(List.of(40, "b/_%", 3, 10L), second.values());
    }

    @Test
    void differentShapesGiveDifferentSql() {
        Dialect dialect = new MySqlDialect(true);
        RenderedSql a = dialect.render(query(18, "a"));
        RenderedSql b = dialect.render(select(USERS.id).from(USERS).where(USERS.age.gt(18)));
        RenderedSql c = dialect.render(select(USERS.id).from(USERS).where(USERS.age.lt(18)));
        assertNotEquals(a.sql(), b.sql());
        assertEquals("SELECT `users`.`id` FROM `users` WHERE `users`.`age` > ?", b.sql());
        assertEquals("SELECT `users`.`id` FROM `users` WHERE `users`.`age` < ?", c.sql());
    }

    @Test
    void embeddedQuotesAreDoubledWhetherCachedOrNot() {
        Table odd = new Table("we\"ird`table");
        Column<Long> col = odd.bigint("co\"l`");
        for (int round = 0; round < 2; round++) {
            assertEquals("SELECT \"we\"\"ird`table\".\"co\"\"l`\" FROM \"we\"\"ird`table\"",
                    select(col).from(odd).toSql(Dialect.SQLITE).sql());
            assertEquals("SELECT \"we\"\"ird`table\".\"co\"\"l`\" FROM \"we\"\"ird`table\"",
                    select(col).from(odd).toSql(Dialect.POSTGRES).sql());
            assertEquals("SELECT `we\"ird``table`.`co\"l``` FROM `we\"ird``table`",
                    select(col).from(odd).toSql(Dialect.MARIADB).sql());
        }
    }

    @Test
    void identifiersWithNulAreRefusedEveryTime() {
        // refused where declared now; rendering still refuses it, and never caches it
        assertThrows(IllegalArgumentException.class, () -> new Table("bad\0name"));
        Dialect dialect = new SqliteDialect();
        for (int round = 0; round < 2; round++) {
            assertThrows(IllegalArgumentException.class, () -> dialect.appendQuoted(new StringBuilder(), "bad\0name"));
        }
        assertEquals(0, dialect.quotedCacheSize());
    }

    @Test
    void cacheIsBoundedAndStaysCorrectWhenFull() {
        Dialect dialect = new SqliteDialect();
        for (int i = 0; i < Dialect.QUOTED_CACHE_LIMIT + 500; i++) {
            Table t = new Table("t" + i);
            Column<Long> c = t.bigint("c" + i);
            assertEquals("SELECT \"t" + i + "\".\"c" + i + "\" FROM \"t" + i + "\"",
                    dialect.render(select(c).from(t)).sql());
        }
        assertTrue(dialect.quotedCacheSize() <= Dialect.QUOTED_CACHE_LIMIT, "cache grew to " + dialect.quotedCacheSize());
        Table late = new Table("late\"comer");
        Column<Long> c = late.bigint("id");
        assertEquals("SELECT \"late\"\"comer\".\"id\" FROM \"late\"\"comer\"", dialect.render(select(c).from(late)).sql());
    }
}
