package org.tabula.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.tabula.engine.Engine;
import org.tabula.migration.SchemaChange;
import org.tabula.migration.SchemaDiff;
import org.tabula.schema.MetaData;

/**
 * Versioned SQL migrations in Flyway's naming, one directory per dialect
 * ({@code <root>/postgresql/V3__add_orders.sql}), written from a {@link SchemaDiff} between the
 * model and the live database and applied by Flyway (history table, checksums, validation; a
 * database that already has tables but no history is baselined at version 0).
 *
 * <pre>{@code
 * try (FlywayMigrations migrations = FlywayMigrations.of("jdbc:postgresql://localhost/app?user=app",
 *         Path.of("src/main/resources/db/migration"))) {
 *     migrations.write(new MetaData(USERS, POSTS), "add posts", false)
 *             .ifPresent(file -> System.out.println("wrote " + file));
 *     migrations.migrate();
 * }
 * }</pre>
 *
 * <p>Flyway connects through the URL itself, without the engine's pool: on SQLite that keeps
 * foreign keys off (the driver's default), so a table rebuild in a migration drops and renames a
 * referenced table without firing its ON DELETE actions.
 */
public final class FlywayMigrations implements AutoCloseable {

    /** Flyway's history table, left out of every comparison. */
    public static final String HISTORY_TABLE = "flyway_schema_history";

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");

    private final String url;
    private final Engine engine;
    private final Path directory;
    private final Predicate<String> tables;

    private FlywayMigrations(String url, Path root, Predicate<String> tables) {
        this.url = url;
        this.tables = tables;
        this.engine = Engine.create(url);
        this.directory = root.resolve(engine.dialect().name());
    }

    /** Migrations of the database at {@code jdbcUrl}, kept under {@code root/<dialect>/}. */
    public static FlywayMigrations of(String jdbcUrl, Path root) {
        return of(jdbcUrl, root, table -> true);
    }

    /**
     * Migrations that manage only the tables {@code tables} accepts (others in the same
     * database are neither created nor dropped), kept under {@code root/<dialect>/}.
     */
    public static FlywayMigrations of(String jdbcUrl, Path root, Predicate<String> tables) {
        return new FlywayMigrations(Objects.requireNonNull(jdbcUrl, "jdbcUrl"), Objects.requireNonNull(root, "root"),
                Objects.requireNonNull(tables, "tables"));
    }

    /** The directory of this dialect's migration files. */
    public Path directory() {
        return directory;
    }

    /** The engine the database is inspected through. */
    public Engine engine() {
        return engine;
    }

    /** What differs between the model and the database now (Flyway's history table left out). */
    public SchemaDiff plan(MetaData model) {
        return SchemaDiff.between(model, engine.inspect(), table -> !table.equalsIgnoreCase(HISTORY_TABLE) && tables.test(table));
    }

    /**
     * Writes the changes the database needs as the next versioned migration, or nothing when it
     * matches the model. The file lists the changes in comments, then one statement per line.
     *
     * @param description        the file name's description ({@code "add posts"} gives {@code V2__add_posts.sql})
     * @param includeDestructive whether drops and narrowing type changes go into the file
     */
    public Optional<Path> write(MetaData model, String description, boolean includeDestructive) {
        SchemaDiff diff = plan(model);
        List<String> statements = diff.sql(includeDestructive);
        if (statements.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        for (SchemaChange change : diff.changes()) {
            boolean skipped = change.destructive() && !includeDestructive;
            text.append("-- ").append(skipped ? "not applied (destructive): " : "").append(change).append('\n');
        }
        for (String statement : statements) {
            text.append(statement).append(";\n");
        }
        Path file = directory.resolve("V" + nextVersion() + "__" + slug(description) + ".sql");
        try {
            Files.createDirectories(directory);
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write migration " + file, e);
        }
        return Optional.of(file);
    }

    /** One more than the highest version in the directory (1 for an empty one). */
    public int nextVersion() {
        if (!Files.isDirectory(directory)) {
            return 1;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> VERSIONED.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1)))
                    .max().orElse(0) + 1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list migrations in " + directory, e);
        }
    }

    /** Flyway over this dialect's directory, baselining a database that has tables but no history. */
    public Flyway flyway() {
        return Flyway.configure()
                .dataSource(url, null, null)
                .locations("filesystem:" + directory.toAbsolutePath())
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }

    /** Validates and applies the pending migrations. */
    public MigrateResult migrate() {
        return flyway().migrate();
    }

    private static String slug(String description) {
        String s = description.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (s.isEmpty()) {
            throw new IllegalArgumentException("migration description '" + description + "' has no letters or digits");
        }
        return s;
    }

    @Override
    public void close() {
        engine.close();
    }
}
