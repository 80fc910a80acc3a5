package org.tabula.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tabula.engine.Engine;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;

/** The plan and migrate commands on a SQLite file, as a user would run them from Maven. */
class MigrationsMainTest {

    /** A model named by a public static field. */
    public static final class Schema {
        public static final Table NOTES = new Table("notes");

        static {
            NOTES.bigint("id").primaryKey().autoIncrement();
            NOTES.varchar("body", 200);
        }

        public static final MetaData MODEL = new MetaData(NOTES);
    }

    /** A model named by a Supplier class. */
    public static final class SchemaSupplier implements Supplier<MetaData> {
        @Override
        public MetaData get() {
            return Schema.MODEL;
        }
    }

    @TempDir
    Path dir;

    @Test
    void planWritesTheNextFileAndMigrateAppliesIt() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("app.db");
        Path root = dir.resolve("migrations");
        MigrationsMain.main(new String[] {"plan", "--url", url, "--model", Schema.class.getName(),
                "--dir", root.toString(), "--description", "create notes"});
        Path file = root.resolve("sqlite").resolve("V1__create_notes.sql");
        assertTrue(Files.readString(file).contains("CREATE TABLE \"notes\""), Files.readString(file));
        MigrationsMain.main(new String[] {"migrate", "--url", url, "--dir", root.toString()});
        try (Engine engine = Engine.create(url)) {
            assertTrue(engine.inspect().tableNames().containsAll(List.of("notes", FlywayMigrations.HISTORY_TABLE)),
                    engine.inspect().tableNames().toString());
        }
        MigrationsMain.main(new String[] {"plan", "--url", url, "--model", Schema.class.getName(), "--dir", root.toString()});
        try (var files = Files.list(root.resolve("sqlite"))) {
            assertEquals(1, files.count(), "a database that matches the model needs no file");
        }
    }

    @Test
    void modelsComeFromStaticFieldsOrSuppliers() throws Exception {
        assertSame(Schema.MODEL, MigrationsMain.model(Schema.class.getName()));
        assertSame(Schema.MODEL, MigrationsMain.model(SchemaSupplier.class.getName()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MigrationsMain.model(String.class.getName()));
        assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MigrationsMain.main(new String[] {"plan", "--model", "x"}));
    }
}
