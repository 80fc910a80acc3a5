package org.tabula.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tabula.error.UnsupportedFeatureException;
import org.tabula.schema.Column;
import org.tabula.schema.Index;
import org.tabula.schema.ReferentialAction;
import org.tabula.schema.Table;
import org.tabula.statement.AddColumn;
import org.tabula.statement.AddEnumValue;
import org.tabula.statement.AddForeignKey;
import org.tabula.statement.AddUnique;
import org.tabula.statement.AlterColumn;
import org.tabula.statement.CopyRows;
import org.tabula.statement.CreateTable;
import org.tabula.statement.DropColumn;
import org.tabula.statement.DropForeignKey;
import org.tabula.statement.DropIndex;
import org.tabula.statement.DropUnique;
import org.tabula.statement.RenameTable;
import org.tabula.statement.Statement;

/** The ALTER statements of schema changes, per dialect, and the catalogs' canonical spellings. */
class SchemaChangeRenderingTest {

    private final Table users = new Table("users");
    private final Column<Long> id = users.bigint("id").primaryKey();
    private final Column<String> name = users.varchar("name", 80).serverDefault("'anon'");
    private final Column<String> email = users.varchar("email", 120).nullable().unique();
    private final Table posts = new Table("posts");
    private final Column<Long> userId = posts.bigint("user_id").references(id, ReferentialAction.CASCADE);

    private static String sql(Dialect dialect, Statement statement) {
        return statement.toSql(dialect).sql();
    }

    @Test
    void columnsAreAddedDroppedAndAlteredPerDialect() {
        assertEquals("ALTER TABLE \"users\" ADD COLUMN \"email\" VARCHAR(120) UNIQUE", sql(Dialect.POSTGRES, new AddColumn(email)));
        assertEquals("ALTER TABLE `users` DROP COLUMN `legacy`", sql(Dialect.MARIADB, new DropColumn("users", "legacy")));
        assertEquals("ALTER TABLE \"users\" ALTER COLUMN \"name\" TYPE VARCHAR(80) USING \"name\"::VARCHAR(80), "
                        + "ALTER COLUMN \"name\" SET DEFAULT 'anon', ALTER COLUMN \"name\" SET NOT NULL",
                sql(Dialect.POSTGRES, new AlterColumn(name, true, true, true)));
        assertEquals("ALTER TABLE \"users\" ALTER COLUMN \"email\" DROP DEFAULT, ALTER COLUMN \"email\" DROP NOT NULL",
                sql(Dialect.POSTGRES, new AlterColumn(email, false, true, true)));
        assertEquals("ALTER TABLE `users` MODIFY COLUMN `email` VARCHAR(120)", sql(Dialect.MARIADB,
                new AlterColumn(email, true, false, false)), "the UNIQUE is not repeated");
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> sql(Dialect.SQLITE, new AlterColumn(name, true, false, false)));
        assertEquals("SQLite cannot alter column users.name in place; SchemaDiff rebuilds the table instead", e.getMessage());
    }

    @Test
    void constraintsAndIndexesAreNamedTheWayEachDatabaseDropsThem() {
        assertEquals("ALTER TABLE \"posts\" ADD CONSTRAINT \"fk_posts_user_id\" FOREIGN KEY (\"user_id\") "
                + "REFERENCES \"users\" (\"id\") ON DELETE CASCADE", sql(Dialect.POSTGRES,
                new AddForeignKey("fk_posts_user_id", userId.foreignKey())));
        assertEquals("ALTER TABLE \"posts\" DROP CONSTRAINT \"fk\"", sql(Dialect.POSTGRES, new DropForeignKey("posts", "fk")));
        assertEquals("ALTER TABLE `posts` DROP FOREIGN KEY `fk`", sql(Dialect.MARIADB, new DropForeignKey("posts", "fk")));
        assertEquals("ALTER TABLE \"users\" ADD CONSTRAINT \"uq\" UNIQUE (\"name\", \"email\")",
                sql(Dialect.SQLITE, new AddUnique("uq", List.of(name, email))));
        assertEquals("ALTER TABLE `users` DROP INDEX `uq`", sql(Dialect.MARIADB, new DropUnique("users", "uq")));
        assertEquals("ALTER TABLE \"users\" DROP CONSTRAINT \"uq\"", sql(Dialect.POSTGRES, new DropUnique("users", "uq")));
        Index index = new Index("ix_users_name", users, List.of(name), false);
        assertEquals("DROP INDEX `ix_users_name` ON `users`", sql(Dialect.MARIADB, new DropIndex(index, false)));
        assertEquals("DROP INDEX \"ix_users_name\"", sql(Dialect.POSTGRES, new DropIndex(index, false)));
    }

    @Test
    void rebuildStepsAndEnumValues() {
        assertEquals("CREATE TABLE \"_new_users\" (\"id\" BIGINT NOT NULL, \"name\" VARCHAR(80) DEFAULT 'anon' NOT NULL, "
                        + "\"email\" VARCHAR(120) UNIQUE, PRIMARY KEY (\"id\"))",
                sql(Dialect.SQLITE, new CreateTable(users, false, "_new_users")));
        assertEquals("INSERT INTO \"_new_users\" (\"id\", \"name\") SELECT \"id\", \"name\" FROM \"users\"",
                sql(Dialect.SQLITE, new CopyRows("users", "_new_users", List.of("id", "name"))));
        assertEquals("ALTER TABLE \"_new_users\" RENAME TO \"users\"", sql(Dialect.SQLITE, new RenameTable("_new_users", "users")));
        assertEquals("ALTER TYPE \"mood\" ADD VALUE 'it''s'", sql(Dialect.POSTGRES, new AddEnumValue("mood", "it's")));
        assertThrows(UnsupportedFeatureException.class, () -> sql(Dialect.MARIADB, new AddEnumValue("mood", "x")));
    }

    @Test
    void catalogsSpellTypesAndDefaultsOneWay() {
        Catalog pg = Dialect.POSTGRES.catalog();
        assertEquals(pg.canonicalType("character varying(20)"), pg.canonicalType("VARCHAR(20)"));
        assertEquals(pg.canonicalType("timestamp without time zone"), pg.canonicalType("TIMESTAMP"));
        assertEquals(pg.canonicalType("numeric(10,2)"), pg.canonicalType("NUMERIC(10, 2)"));
        assertEquals(pg.canonicalType("mood"), pg.canonicalType("\"mood\""));
        assertEquals("'draft'", pg.canonicalDefault("'draft'::character varying"));
        assertEquals("'happy'", pg.canonicalDefault("'happy'::\"Mood\""));
        assertEquals("current_timestamp", pg.canonicalDefault("now()"));
        assertNull(pg.canonicalDefault(null));
        Catalog maria = Dialect.MARIADB.catalog();
        assertEquals(maria.canonicalType("int(11)"), maria.canonicalType("INT"));
        assertEquals(maria.canonicalType("tinyint(1)"), maria.canonicalType("BOOLEAN"));
        assertEquals(maria.canonicalType("longtext"), maria.canonicalType("JSON"));
        assertEquals(maria.canonicalType("enum('a','b')"), maria.canonicalType("ENUM('a', 'b')"));
        assertEquals(maria.canonicalDefault("current_timestamp(6)"), maria.canonicalDefault("CURRENT_TIMESTAMP(6)"));
        assertEquals("1", maria.canonicalDefault("TRUE"));
        Catalog sqlite = Dialect.SQLITE.catalog();
        assertEquals(sqlite.canonicalType("numeric(5,2)"), sqlite.canonicalType("NUMERIC(5, 2)"));
        assertEquals("'Mixed Case'", sqlite.canonicalDefault("('Mixed Case')"));
    }
}
