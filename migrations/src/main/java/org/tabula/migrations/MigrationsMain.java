package org.tabula.migrations;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.flywaydb.core.api.output.MigrateResult;
import org.tabula.migration.SchemaChange;
import org.tabula.migration.SchemaDiff;
import org.tabula.schema.MetaData;

/**
 * The two commands, runnable from Maven with the model's classes on the class path:
 *
 * <pre>{@code
 * mvn exec:java -Dexec.mainClass=org.tabula.migrations.MigrationsMain \
 *     -Dexec.args="plan --url jdbc:postgresql://localhost/app?user=app --model com.example.Schema --description 'add posts'"
 * mvn exec:java -Dexec.mainClass=org.tabula.migrations.MigrationsMain \
 *     -Dexec.args="migrate --url jdbc:postgresql://localhost/app?user=app"
 * }</pre>
 *
 * <p>{@code plan} prints the changes and writes the next {@code V<n>__<description>.sql} (add
 * {@code --destructive} to include drops); {@code migrate} applies pending files with Flyway.
 * {@code --dir} is the migrations root ({@code src/main/resources/db/migration} by default);
 * {@code --tables} a regular expression of the table names the model manages (all by default).
 * The model class is a {@code Supplier<MetaData>} (a class with a no-argument constructor or a
 * Kotlin {@code object}) or has a public static {@code MetaData} field.
 */
public final class MigrationsMain {

    private MigrationsMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("plan") || args[0].equals("migrate"))) {
            throw new IllegalArgumentException("usage: plan|migrate --url JDBC_URL [--model CLASS] [--dir DIR] "
                    + "[--description TEXT] [--destructive] [--tables REGEX]");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--destructive")) {
                options.put("destructive", "true");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
        }
        String url = required(options, "url");
        Path root = Path.of(options.getOrDefault("dir", "src/main/resources/db/migration"));
        Pattern tables = Pattern.compile(options.getOrDefault("tables", ".*"));
        try (FlywayMigrations migrations = FlywayMigrations.of(url, root, t -> tables.matcher(t).matches())) {
            if (args[0].equals("plan")) {
                MetaData model = model(required(options, "model"));
                SchemaDiff diff = migrations.plan(model);
                if (diff.isEmpty()) {
                    System.out.println("The database matches the model.");
                    return;
                }
                for (SchemaChange change : diff.changes()) {
                    System.out.println((change.destructive() ? "! " : "  ") + change);
                }
                boolean destructive = options.containsKey("destructive");
                migrations.write(model, options.getOrDefault("description", "schema change"), destructive)
                        .ifPresentOrElse(file -> System.out.println("wrote " + file),
                                () -> System.out.println("only destructive changes; run with --destructive to write them"));
            } else {
                MigrateResult result = migrations.migrate();
                System.out.println("applied " + result.migrationsExecuted + " migration(s); schema version "
                        + result.targetSchemaVersion);
            }
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }

    /** The MetaData a model class stands for. */
    static MetaData model(String className) throws ReflectiveOperationException {
        Class<?> type = Class.forName(className);
        if (Supplier.class.isAssignableFrom(type)) {
            Object supplier;
            try {
                supplier = type.getField("INSTANCE").get(null); // a Kotlin object
            } catch (NoSuchFieldException notAnObject) {
                supplier = type.getDeclaredConstructor().newInstance();
            }
            Object model = ((Supplier<?>) supplier).get();
            if (model instanceof MetaData metaData) {
                return metaData;
            }
            throw new IllegalArgumentException(className + " supplies " + model + ", not a MetaData");
        }
        for (Field field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == MetaData.class) {
                return (MetaData) field.get(null);
            }
        }
        throw new IllegalArgumentException(className + " is neither a Supplier<MetaData> nor has a public static MetaData field");
    }
}
