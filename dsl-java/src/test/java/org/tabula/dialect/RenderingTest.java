package org.tabula.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Posts.POSTS;
import static org.tabula.Sql.and;
import static org.tabula.Sql.caseWhen;
import static org.tabula.Sql.coalesce;
import static org.tabula.Sql.count;
import static org.tabula.Sql.delete;
import static org.tabula.Sql.exists;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.lower;
import static org.tabula.Sql.max;
import static org.tabula.Sql.not;
import static org.tabula.Sql.now;
import static org.tabula.Sql.or;
import static org.tabula.Sql.select;
import static org.tabula.Sql.text;
import static org.tabula.Sql.update;
import static org.tabula.Users.USERS;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tabula.error.NotNullViolationException;
import org.tabula.error.UnsupportedFeatureException;
import org.tabula.schema.MetaData;
import org.tabula.schema.TableAlias;
import org.tabula.statement.CreateTable;
import org.tabula.statement.Select;

class RenderingTest {

    private static RenderedSql sqlite(org.tabula.statement.Statement s) {
        return s.toSql(Dialect.SQLITE);
    }

    @Test
    void simpleSelectWithWhereOnEveryDialect() {
        Select q = select(USERS.id, USERS.name).where(USERS.age.gt(18));
        assertEquals("SELECT \"users\".\"id\", \"users\".\"name\" FROM \"users\" WHERE \"users\".\"age\" > ?",
                q.toSql(Dialect.SQLITE).sql());
        assertEquals("SELECT `users`.`id`, `users`.`name` FROM `users` WHERE `users`.`age` > ?",
                q.toSql(Dialect.MYSQL).sql());
        assertEquals(q.toSql(Dialect.SQLITE).sql(), q.toSql(Dialect.POSTGRES).sql());
        assertEquals(List.of(18), q.toSql(Dialect.POSTGRES).values());
    }

    @Test
    void multipleWhereCallsAreAndedAndOrIsParenthesised() {
        RenderedSql r = sqlite(select(USERS.id).from(USERS)
                .where(or(USERS.name.eq("a"), USERS.name.eq("b")))
                .where(USERS.age.isNotNull()));
        assertEquals("SELECT \"users\".\"id\" FROM \"users\" WHERE (\"users\".\"name\" = ? OR \"users\".\"name\" = ?)"
                + " AND \"users\".\"age\" IS NOT NULL", r.sql());
        assertEquals(List.of("a", "b"), r.values());
    }

    @Test
    void operators() {
        assertEquals("\"users\".\"age\" BETWEEN ? AND ?", Dialect.SQLITE.render(USERS.age.between(1, 5)).sql());
        assertEquals("\"users\".\"age\" IN (?, ?, ?)", Dialect.SQLITE.render(USERS.age.in(List.of(1, 2, 3))).sql());
        assertEquals("\"users\".\"age\" NOT IN (?)", Dialect.SQLITE.render(USERS.age.notIn(List.of(1))).sql());
        assertEquals("1 = 0", Dialect.SQLITE.render(USERS.age.in(List.of())).sql());
        assertEquals("1 = 1", Dialect.SQLITE.render(USERS.age.notIn(List.of())).sql());
        assertEquals("\"users\".\"age\" IS NULL", Dialect.SQLITE.render(USERS.age.eq((Integer) null)).sql());
        assertEquals("NOT (\"users\".\"age\" > ?)", Dialect.SQLITE.render(not(USERS.age.gt(3))).sql());
        assertEquals("(\"users\".\"age\" + ?) > ?", Dialect.SQLITE.render(USERS.age.plus(1).gt(3)).sql());
        assertEquals("(\"users\".\"age\" + ?) * ?", Dialect.SQLITE.render(USERS.age.plus(1).times(2)).sql());
        assertEquals("\"users\".\"name\" || ?", Dialect.SQLITE.render(USERS.name.concat("!")).sql());
        assertEquals("CONCAT(`users`.`name`, ?)", Dialect.MYSQL.render(USERS.name.concat("!")).sql());
        assertEquals("COALESCE(\"users\".\"age\", ?)", Dialect.SQLITE.render(coalesce(USERS.age, 0)).sql());
        assertEquals("LOWER(\"users\".\"name\")", Dialect.SQLITE.render(lower(USERS.name)).sql());
        assertEquals("CASE WHEN \"users\".\"age\" < ? THEN ? ELSE ? END",
                Dialect.SQLITE.render(caseWhen(USERS.age.lt(18), "minor").otherwise("adult")).sql());
    }

    @Test
    void likeFamilyEscapesWildcardsInTheValue() {
        RenderedSql r = Dialect.SQLITE.render(USERS.name.contains("50%_off/"));
        assertEquals("\"users\".\"name\" LIKE ? ESCAPE '/'", r.sql());
        assertEquals(List.of("%50/%/_off//%"), r.values());
        assertEquals(List.of("ab%"), Dialect.SQLITE.render(USERS.name.startsWith("ab")).values());
        assertEquals(List.of("%ab"), Dialect.SQLITE.render(USERS.name.endsWith("ab")).values());
        assertEquals("\"users\".\"name\" LIKE ?", Dialect.SQLITE.render(USERS.name.like("a%")).sql());
        assertEquals("\"users\".\"name\" ILIKE ?", Dialect.POSTGRES.render(USERS.name.ilike("a%")).sql());
        assertEquals("lower(`users`.`name`) LIKE lower(?)", Dialect.MYSQL.render(USERS.name.ilike("a%")).sql());
    }

    @Test
    void joinInfersOnFromTheForeignKey() {
        RenderedSql r = sqlite(select(USERS.name, POSTS.title).from(USERS).join(POSTS));
        assertEquals("SELECT \"users\".\"name\", \"posts\".\"title\" FROM \"users\" JOIN \"posts\""
                + " ON \"posts\".\"user_id\" = \"users\".\"id\"", r.sql());
        RenderedSql left = sqlite(select(USERS.name, count(POSTS.id)).from(USERS).leftJoin(POSTS)
                .groupBy(USERS.name).having(count(POSTS.id).gt(1L)));
        assertEquals("SELECT \"users\".\"name\", COUNT(\"posts\".\"id\") FROM \"users\" LEFT OUTER JOIN \"posts\""
                + " ON \"posts\".\"user_id\" = \"users\".\"id\" GROUP BY \"users\".\"name\""
                + " HAVING COUNT(\"posts\".\"id\") > ?", left.sql());
    }

    @Test
    void joinWithoutForeignKeyNeedsAnExplicitCondition() {
        TableAlias other = USERS.as("u2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> select(USERS.id).from(USERS).join(other));
        assertTrue(e.getMessage().contains("users"), e.getMessage());
        RenderedSql r = sqlite(select(USERS.id, other.col(USERS.name)).from(USERS)
                .join(other, other.col(USERS.age).gt(USERS.age)));
        assertEquals("SELECT \"users\".\"id\", \"u2\".\"name\" FROM \"users\" JOIN \"users\" AS \"u2\""
                + " ON \"u2\".\"age\" > \"users\".\"age\"", r.sql());
    }

    @Test
    void orderLimitOffsetPerDialect() {
        Select q = select(USERS.name).from(USERS).orderBy(USERS.age.desc().nullsLast()).limit(10).offset(20);
        assertEquals("SELECT \"users\".\"name\" FROM \"users\" ORDER BY \"users\".\"age\" DESC NULLS LAST LIMIT ? OFFSET ?",
                q.toSql(Dialect.POSTGRES).sql());
        assertEquals(List.of(10L, 20L), q.toSql(Dialect.POSTGRES).values());
        assertEquals("SELECT `users`.`name` FROM `users` ORDER BY `users`.`age` IS NULL, `users`.`age` DESC LIMIT ? OFFSET ?",
                q.toSql(Dialect.MYSQL).sql());
        assertEquals("SELECT \"users\".\"name\" FROM \"users\" LIMIT -1 OFFSET ?",
                select(USERS.name).from(USERS).offset(5).toSql(Dialect.SQLITE).sql());
    }

    @Test
    void subqueries() {
        Select authors = select(POSTS.userId).from(POSTS).where(POSTS.likes.gt(10));
        assertEquals("SELECT \"users\".\"name\" FROM \"users\" WHERE \"users\".\"id\" IN"
                        + " (SELECT \"posts\".\"user_id\" FROM \"posts\" WHERE \"posts\".\"likes\" > ?)",
                sqlite(select(USERS.name).where(USERS.id.in(authors))).sql());
        // correlated: the inner FROM leaves out the outer table
        Select correlated = select(count()).where(POSTS.userId.eq(USERS.id));
        RenderedSql r = sqlite(select(USERS.name, correlated.<Long>asScalar().as("n")).from(USERS)
                .where(exists(select(POSTS.id).where(POSTS.userId.eq(USERS.id)))));
        assertEquals("SELECT \"users\".\"name\", (SELECT COUNT(*) FROM \"posts\" WHERE \"posts\".\"user_id\" = \"users\".\"id\")"
                + " AS \"n\" FROM \"users\" WHERE EXISTS (SELECT \"posts\".\"id\" FROM \"posts\""
                + " WHERE \"posts\".\"user_id\" = \"users\".\"id\")", r.sql());
        assertEquals("SELECT MAX(\"users\".\"age\") FROM \"users\"", sqlite(select(max(USERS.age))).sql());
    }

    @Test
    void forUpdate() {
        Select q = select(USERS.id).from(USERS).where(USERS.id.eq(1L)).forUpdate();
        assertTrue(q.toSql(Dialect.POSTGRES).sql().endsWith(" FOR UPDATE"));
        assertTrue(q.toSql(Dialect.MYSQL).sql().endsWith(" FOR UPDATE"));
        assertTrue(!q.toSql(Dialect.SQLITE).sql().contains("FOR UPDATE"));
    }

    @Test
    void insertsAddClientDefaultsAndReturning() {
        RenderedSql r = sqlite(insert(POSTS).set(POSTS.userId, 1L).set(POSTS.title, "t"));
        assertEquals("INSERT INTO \"posts\" (\"user_id\", \"title\", \"likes\") VALUES (?, ?, ?)", r.sql());
        assertEquals(List.of(1L, "t", 0), r.values());
        RenderedSql multi = sqlite(insert(USERS).columns(USERS.name, USERS.age).values("a", 1).values("b", 2));
        assertEquals("INSERT INTO \"users\" (\"name\", \"age\") VALUES (?, ?), (?, ?)", multi.sql());
        RenderedSql ret = insert(USERS).set(USERS.name, "a").returning(USERS.id).toSql(Dialect.POSTGRES);
        assertEquals("INSERT INTO \"users\" (\"name\") VALUES (?) RETURNING \"id\"", ret.sql());
        assertThrows(UnsupportedFeatureException.class,
                () -> insert(USERS).set(USERS.name, "a").returning(USERS.id).toSql(Dialect.MYSQL));
        assertEquals("INSERT INTO `users` (`name`) VALUES (?) RETURNING `id`",
                insert(USERS).set(USERS.name, "a").returning(USERS.id).toSql(Dialect.MARIADB).sql());
        RenderedSql byMap = sqlite(insert(USERS).values(Map.of("name", "x")));
        assertEquals(List.of("x"), byMap.values());
    }

    @Test
    void insertMissingARequiredColumnNamesIt() {
        NotNullViolationException e = assertThrows(NotNullViolationException.class,
                () -> sqlite(insert(USERS).set(USERS.age, 3)));
        assertTrue(e.getMessage().contains("users.name"), e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> insert(USERS).values(Map.of("nope", 1)));
        assertTrue(bad.getMessage().contains("users") && bad.getMessage().contains("nope"), bad.getMessage());
    }

    @Test
    void updateAndDeleteRequireWhereOrAllRows() {
        assertThrows(IllegalStateException.class, () -> sqlite(update(USERS).set(USERS.name, "x")));
        assertThrows(IllegalStateException.class, () -> sqlite(delete(USERS)));
        assertEquals("UPDATE \"users\" SET \"name\" = ?", sqlite(update(USERS).set(USERS.name, "x").allRows()).sql());
        assertEquals("UPDATE \"users\" SET \"age\" = \"users\".\"age\" + ? WHERE \"users\".\"id\" = ?",
                sqlite(update(USERS).set(USERS.age, USERS.age.plus(1)).where(USERS.id.eq(3L))).sql());
        assertEquals("DELETE FROM \"users\" WHERE \"users\".\"id\" = ? RETURNING \"name\"",
                delete(USERS).where(USERS.id.eq(1L)).returning(USERS.name).toSql(Dialect.POSTGRES).sql());
        assertThrows(UnsupportedFeatureException.class,
                () -> update(USERS).set(USERS.name, "x").where(USERS.id.eq(1L)).returning(USERS.id).toSql(Dialect.MARIADB));
    }

    @Test
    void textStatementsTurnNamedParametersIntoPlaceholders() {
        RenderedSql r = sqlite(text("SELECT * FROM users WHERE name = :name AND note = ':skip' AND x::int = :n -- :c\n AND a = :name")
                .bind("name", "ann").bind("n", 3));
        assertEquals("SELECT * FROM users WHERE name = ? AND note = ':skip' AND x::int = ? -- :c\n AND a = ?", r.sql());
        assertEquals(List.of("ann", 3, "ann"), r.values());
        assertThrows(IllegalArgumentException.class, () -> text("select :a").bind("b", 1));
    }

    @Test
    void identifiersAreQuotedAndQuotesDoubled() {
        assertEquals("\"we\"\"ird\"", Dialect.POSTGRES.quote("we\"ird"));
        assertEquals("`we``ird`", Dialect.MYSQL.quote("we`ird"));
        assertEquals("\"select\"", Dialect.SQLITE.quote("select"));
    }

    @Test
    void ddlPerDialect() {
        assertEquals("CREATE TABLE IF NOT EXISTS \"users\" (\"id\" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,"
                + " \"name\" VARCHAR(50) NOT NULL, \"age\" INTEGER, \"email\" VARCHAR(120) UNIQUE)",
                new CreateTable(USERS, true).toSql(Dialect.SQLITE).sql());
        assertEquals("CREATE TABLE IF NOT EXISTS \"users\" (\"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY NOT NULL,"
                + " \"name\" VARCHAR(50) NOT NULL, \"age\" INTEGER, \"email\" VARCHAR(120) UNIQUE, PRIMARY KEY (\"id\"))",
                new CreateTable(USERS, true).toSql(Dialect.POSTGRES).sql());
        assertEquals("CREATE TABLE IF NOT EXISTS `posts` (`id` BIGINT AUTO_INCREMENT NOT NULL, `user_id` BIGINT NOT NULL,"
                + " `title` VARCHAR(200) NOT NULL, `likes` INT NOT NULL, PRIMARY KEY (`id`),"
                + " FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE) DEFAULT CHARSET=utf8mb4",
                new CreateTable(POSTS, true).toSql(Dialect.MYSQL).sql());
        assertEquals(List.of(USERS, POSTS), new MetaData(POSTS, USERS).sortedTables());
    }

    @Test
    void nowIsDialectSpecific() {
        assertEquals("SELECT CURRENT_TIMESTAMP", sqlite(select(now())).sql());
        assertEquals("SELECT CURRENT_TIMESTAMP(6)", select(now()).toSql(Dialect.MYSQL).sql());
    }

    @Test
    void statementsAreImmutable() {
        Select base = select(USERS.id).from(USERS);
        Select filtered = base.where(USERS.age.gt(1));
        assertEquals("SELECT \"users\".\"id\" FROM \"users\"", sqlite(base).sql());
        assertTrue(sqlite(filtered).sql().contains("WHERE"));
        assertEquals("1 = 1", Dialect.SQLITE.render(and()).sql());
    }

    @Test
    void upsertPerDialect() {
        var upsert = insert(USERS).set(USERS.name, "a").set(USERS.email, "e").onConflict(USERS.email).doUpdate(USERS.name);
        assertEquals("INSERT INTO \"users\" (\"name\", \"email\") VALUES (?, ?) ON CONFLICT (\"email\")"
                + " DO UPDATE SET \"name\" = excluded.\"name\"", upsert.toSql(Dialect.POSTGRES).sql());
        assertEquals("INSERT INTO `users` (`name`, `email`) VALUES (?, ?) ON DUPLICATE KEY UPDATE `name` = VALUES(`name`)",
                upsert.toSql(Dialect.MYSQL).sql());
        assertEquals("INSERT INTO \"users\" (\"name\") VALUES (?) ON CONFLICT (\"email\") DO NOTHING",
                insert(USERS).set(USERS.name, "a").onConflict(USERS.email).doNothing().toSql(Dialect.SQLITE).sql());
    }
}
