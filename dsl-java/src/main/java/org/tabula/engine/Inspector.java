package org.tabula.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.tabula.dialect.Catalog;
import org.tabula.error.OperationalException;
import org.tabula.schema.inspect.EnumTypeInfo;
import org.tabula.schema.inspect.TableInfo;

/**
 * Reads what a database holds: schemas, tables, columns, keys, indexes, checks and enum types.
 * Every question goes to the dialect's {@link Catalog} on a connection of its own.
 *
 * <pre>{@code
 * Inspector inspector = Inspector.of(engine);
 * for (String name : inspector.tableNames()) {
 *     TableInfo t = inspector.table(name);
 *     System.out.println(name + " " + t.columns() + " pk=" + t.primaryKey());
 * }
 * }</pre>
 */
@NullMarked
public final class Inspector {

    private final Engine engine;

    private Inspector(Engine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * An inspector of the database behind {@code engine}.
     *
     * <pre>{@code
     * Inspector inspector = Inspector.of(engine);
     * }</pre>
     *
     * @param engine the engine to read through: {@code Inspector.of(engine)}, or {@code engine.inspect()}
     * @return an inspector that queries the catalog on each call
     */
    public static Inspector of(Engine engine) {
        return new Inspector(engine);
    }

    /**
     * The engine this inspector reads through.
     *
     * <pre>{@code
     * Engine inspected = Inspector.of(engine).engine();
     * }</pre>
     *
     * @return the engine given to {@link #of(Engine)}
     */
    public Engine engine() {
        return engine;
    }

    /**
     * The schemas the connection can see (databases on MySQL/MariaDB, attached databases on SQLite).
     *
     * <pre>{@code
     * List<String> schemas = Inspector.of(engine).schemas();
     * }</pre>
     *
     * @return the schema names: {@code inspector.schemas()} is {@code [main]} on SQLite
     */
    public List<String> schemas() {
        return ask("list schemas", (catalog, jdbc) -> catalog.schemas(jdbc));
    }

    /**
     * The tables of the current schema, by name.
     *
     * <pre>{@code
     * List<String> tables = Inspector.of(engine).tableNames();
     * }</pre>
     *
     * @return the table names, sorted: {@code inspector.tableNames()}
     */
    public List<String> tableNames() {
        return ask("list tables", (catalog, jdbc) -> catalog.tableNames(jdbc));
    }

    /**
     * A table of the current schema, or {@code null} when there is none by that name.
     *
     * <pre>{@code
     * TableInfo users = Inspector.of(engine).findTable("users");   // null when there is none
     * }</pre>
     *
     * @param name the table's name: {@code inspector.findTable("users")}
     * @return its columns, keys, indexes and checks, or {@code null}
     */
    public @Nullable TableInfo findTable(String name) {
        return ask("inspect table " + name, (catalog, jdbc) -> catalog.table(jdbc, name));
    }

    /**
     * A table of the current schema; throws when there is none by that name.
     *
     * <pre>{@code
     * TableInfo users = Inspector.of(engine).table("users");
     * }</pre>
     *
     * @param name the table's name: {@code inspector.table("users").columns()}
     * @return its columns, keys, indexes and checks
     */
    public TableInfo table(String name) {
        TableInfo table = findTable(name);
        if (table == null) {
            throw new IllegalArgumentException("the database has no table " + name);
        }
        return table;
    }

    /**
     * Every table of the current schema.
     *
     * <pre>{@code
     * for (TableInfo t : Inspector.of(engine).tables()) {
     *     System.out.println(t.name() + " " + t.primaryKey());
     * }
     * }</pre>
     *
     * @return every table's description, sorted by name: {@code inspector.tables()}
     */
    public List<TableInfo> tables() {
        return ask("inspect tables", (catalog, jdbc) -> {
            List<TableInfo> out = new ArrayList<>();
            for (String name : catalog.tableNames(jdbc)) {
                TableInfo t = catalog.table(jdbc, name);
                if (t != null) {
                    out.add(t);
                }
            }
            return out;
        });
    }

    /**
     * The named enum types (PostgreSQL; empty on the others).
     *
     * <pre>{@code
     * List<EnumTypeInfo> types = Inspector.of(engine).enumTypes();   // PostgreSQL's CREATE TYPE ... AS ENUM
     * }</pre>
     *
     * @return the types with their labels: {@code inspector.enumTypes()}
     */
    public List<EnumTypeInfo> enumTypes() {
        return ask("list enum types", (catalog, jdbc) -> catalog.enumTypes(jdbc));
    }

    @FunctionalInterface
    private interface Question<T extends @Nullable Object> {
        T ask(Catalog catalog, java.sql.Connection jdbc) throws SQLException;
    }

    private <T extends @Nullable Object> T ask(String what, Question<T> question) {
        Catalog catalog = engine.dialect().catalog();
        try (Connection conn = engine.connect()) {
            return question.ask(catalog, conn.jdbc());
        } catch (SQLException e) {
            throw new OperationalException("cannot " + what + ": " + e.getMessage(), e, null);
        }
    }
}
