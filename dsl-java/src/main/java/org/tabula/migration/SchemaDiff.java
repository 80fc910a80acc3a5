package org.tabula.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.tabula.dialect.Dialect;
import org.tabula.dialect.RenderedSql;
import org.tabula.engine.Engine;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;
import org.tabula.engine.Inspector;
import org.tabula.schema.inspect.TableInfo;
import org.tabula.statement.Statement;

/**
 * What differs between declared tables and a database: new and dropped tables, columns,
 * indexes, unique constraints and foreign keys; changed types, nullability and server defaults;
 * new enum types and labels. Each difference is a {@link SchemaChange} value; {@link #statements}
 * and {@link #apply} turn them into the dialect's DDL in a safe order, rebuilding tables where
 * the database cannot alter them in place (SQLite). Destructive changes (drops, narrowing type
 * changes) are listed but run only when asked for.
 *
 * <pre>{@code
 * SchemaDiff diff = SchemaDiff.between(new MetaData(USERS, POSTS), Inspector.of(engine));
 * diff.changes().forEach(System.out::println);   // add table posts, widen users.name from varchar(40) to VARCHAR(80) ...
 * diff.sql(false).forEach(System.out::println);  // the DDL, without drops
 * diff.apply(engine);                            // runs it in one transaction (where DDL is transactional)
 * }</pre>
 */
public final class SchemaDiff {

    private final Dialect dialect;
    private final List<Table> tableOrder;
    private final List<SchemaChange> changes;

    private SchemaDiff(Dialect dialect, List<Table> tableOrder, List<SchemaChange> changes) {
        this.dialect = dialect;
        this.tableOrder = tableOrder;
        this.changes = List.copyOf(changes);
    }

    /**
     * Compares every declared table with every table of the database's current schema.
     *
     * <pre>{@code
     * SchemaDiff diff = SchemaDiff.between(new MetaData(USERS, POSTS), Inspector.of(engine));
     * }</pre>
     *
     * @param model the declared tables: {@code SchemaDiff.between(new MetaData(USERS, POSTS), engine.inspect())}
     * @param inspector the database to compare with
     * @return the differences, empty when the database matches
     */
    public static SchemaDiff between(MetaData model, Inspector inspector) {
        return between(model, inspector, name -> true);
    }

    /**
     * Compares the tables whose names {@code tables} accepts, declared or existing; others (a
     * migration tool's history table, another application's tables) are left out.
     *
     * <pre>{@code
     * SchemaDiff diff = SchemaDiff.between(new MetaData(USERS, POSTS), Inspector.of(engine), name -> !name.startsWith("tmp_"));
     * }</pre>
     *
     * @param model the declared tables
     * @param inspector the database to compare with
     * @param tables which table names to compare: {@code name -> !name.equals("flyway_schema_history")}
     * @return the differences among those tables
     */
    public static SchemaDiff between(MetaData model, Inspector inspector, Predicate<String> tables) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(tables, "tables");
        Dialect dialect = inspector.engine().dialect();
        List<Table> declared = model.sortedTables().stream().filter(t -> tables.test(t.name())).toList();
        Map<String, TableInfo> existing = new LinkedHashMap<>();
        for (TableInfo info : inspector.tables()) {
            if (tables.test(info.name()) && !info.name().startsWith(Plan.REBUILD_PREFIX)) {
                existing.put(info.name(), info);
            }
        }
        Comparison comparison = new Comparison(dialect);
        if (dialect.supportsNativeEnumTypes()) {
            comparison.enumTypes(new MetaData(declared.toArray(new Table[0])).nativeEnumTypes(), inspector.enumTypes());
        }
        comparison.tables(declared, existing);
        return new SchemaDiff(dialect, declared, comparison.changes());
    }

    /**
     * Every difference, in the order they were found.
     *
     * <pre>{@code
     * diff.changes().forEach(System.out::println);   // add table posts, add column users.email ...
     * }</pre>
     *
     * @return the changes: {@code diff.changes().forEach(System.out::println)}
     */
    public List<SchemaChange> changes() {
        return changes;
    }

    /**
     * Whether the database matches the model.
     *
     * <pre>{@code
     * if (!diff.isEmpty()) {
     *     diff.apply(engine);
     * }
     * }</pre>
     *
     * @return {@code true} when there is nothing to change: {@code if (!diff.isEmpty()) diff.apply(engine)}
     */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /**
     * The differences that would lose data if applied: drops and narrowing type changes.
     *
     * <pre>{@code
     * if (!diff.destructiveChanges().isEmpty()) {
     *     log.warn("not applied: {}", diff.destructiveChanges());
     * }
     * }</pre>
     *
     * @return the drops and narrowing changes: review them before {@code apply(engine, true)}
     */
    public List<SchemaChange> destructiveChanges() {
        return changes.stream().filter(SchemaChange::destructive).toList();
    }

    /**
     * The statements that bring the database to the model, with or without the destructive changes.
     *
     * <pre>{@code
     * engine.begin(conn -> diff.statements(false).forEach(conn::execute));
     * }</pre>
     *
     * @param includeDestructive whether drops and narrowing changes are included
     * @return the DDL statements, parents before children: {@code diff.statements(false)}
     */
    public List<Statement> statements(boolean includeDestructive) {
        List<Statement> out = new ArrayList<>();
        for (Plan.Step step : Plan.of(dialect, changes, tableOrder, includeDestructive)) {
            out.add(step.statement());
        }
        return out;
    }

    /**
     * {@link #statements} as this dialect's SQL text, for review or a migration script.
     *
     * <pre>{@code
     * diff.sql(false).forEach(System.out::println);   // the DDL, for review
     * }</pre>
     *
     * @param includeDestructive whether drops and narrowing changes are included
     * @return one SQL string per statement: {@code diff.sql(false).forEach(System.out::println)}
     */
    public List<String> sql(boolean includeDestructive) {
        List<String> out = new ArrayList<>();
        for (Statement s : statements(includeDestructive)) {
            RenderedSql rendered = s.toSql(dialect);
            if (!rendered.bindings().isEmpty()) {
                // a column's onUpdate value joins a backfill UPDATE as a parameter, which a script cannot carry
                throw new IllegalStateException("the statement " + rendered.sql() + " has bound values; run it with apply()");
            }
            out.add(rendered.sql());
        }
        return out;
    }

    /**
     * Applies the non-destructive changes; see {@link #apply(Engine, boolean)}.
     *
     * <pre>{@code
     * SchemaDiff.between(metadata, Inspector.of(engine)).apply(engine);   // no drops
     * }</pre>
     *
     * @param engine the database to change: {@code diff.apply(engine)}
     */
    public void apply(Engine engine) {
        apply(engine, false);
    }

    /**
     * Applies the changes in one transaction. Where DDL is transactional (PostgreSQL, SQLite) a
     * failure leaves the schema as it was; MySQL and MariaDB commit every DDL statement, so there
     * the statements before a failure stay applied.
     *
     * <pre>{@code
     * SchemaDiff.between(metadata, Inspector.of(engine)).apply(engine, true);   // drops too
     * }</pre>
     *
     * @throws SchemaChangeException naming the change (table and column) the database refused
     * @param engine the database to change
     * @param includeDestructive whether drops and narrowing changes run too: {@code diff.apply(engine, true)}
     */
    public void apply(Engine engine, boolean includeDestructive) {
        List<Plan.Step> steps = Plan.of(dialect, changes, tableOrder, includeDestructive);
        if (steps.isEmpty()) {
            return;
        }
        engine.begin(conn -> engine.dialect().catalog().withoutForeignKeyActions(conn.jdbc(), () -> {
            for (Plan.Step step : steps) {
                try {
                    conn.execute(step.statement());
                } catch (RuntimeException e) {
                    throw new SchemaChangeException("cannot " + step.changes() + " with "
                            + step.statement().toSql(dialect).sql() + ": " + e.getMessage(), step.changes(), e);
                }
            }
        }));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SchemaDiff[");
        for (int i = 0; i < changes.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(changes.get(i));
        }
        return sb.append(']').toString();
    }
}
