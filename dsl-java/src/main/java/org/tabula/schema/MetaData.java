package org.tabula.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tabula.schema.inspect.TableInfo;
import org.tabula.type.EnumType;

/**
 * A collection of tables that are created and dropped together, in foreign-key order.
 *
 * <pre>{@code
 * MetaData metadata = new MetaData(USERS, POSTS);
 * metadata.createAll(engine);    // CREATE TABLE IF NOT EXISTS, parents first; indexes once
 * metadata.dropAll(engine);      // children first
 * }</pre>
 */
public final class MetaData {

    private final List<Table> tables = new ArrayList<>();

    /**
     * A collection of {@code tables}: {@code new MetaData(USERS, POSTS)}.
     *
     * <pre>{@code
     * MetaData metadata = new MetaData(USERS, POSTS);
     * }</pre>
     *
     * @param tables the tables, in any order
     */
    public MetaData(Table... tables) {
        add(tables);
    }

    /**
     * Adds tables; adding one twice keeps one.
     *
     * <pre>{@code
     * MetaData all = new MetaData(USERS).add(POSTS, ORDERS);
     * }</pre>
     *
     * @param more the tables to add: {@code metadata.add(TAGS)}
     * @return this collection
     */
    public synchronized MetaData add(Table... more) {
        for (Table t : more) {
            if (t == null) {
                throw new IllegalArgumentException("null table added to MetaData (is a static field not initialised yet?)");
            }
            if (!tables.contains(t)) {
                for (Table existing : tables) {
                    if (existing.name().equals(t.name())) {
                        throw new IllegalArgumentException("MetaData already has a different table named " + t.name());
                    }
                }
                tables.add(t);
            }
        }
        return this;
    }

    /**
     * Tables in the order they were added.
     *
     * <pre>{@code
     * List<Table> tables = new MetaData(USERS, POSTS).tables();   // [USERS, POSTS]
     * }</pre>
     *
     * @return the tables: {@code metadata.tables()}
     */
    public synchronized List<Table> tables() {
        return List.copyOf(tables);
    }

    /**
     * The table with this name; throws when there is none.
     *
     * <pre>{@code
     * Table users = MetaData.reflect(engine).table("users");
     * }</pre>
     *
     * @param name the table's name: {@code MetaData.reflect(engine).table("users")}
     * @return the table
     * @throws IllegalArgumentException when there is none
     */
    public synchronized Table table(String name) {
        for (Table t : tables) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("MetaData has no table " + name + " (tables: " + this + ")");
    }

    /**
     * Tables built from what the database holds, so that a schema nobody declared can be
     * queried: columns typed where the catalog's type maps to a {@code SqlType} (others are
     * {@code SqlTypes.ANY}), with keys, foreign keys, unique constraints, indexes and server defaults.
     *
     * <pre>{@code
     * MetaData reflected = MetaData.reflect(engine);
     * Table users = reflected.table("users");
     * Column<?> name = users.column("name");
     * Result rows = conn.execute(select(name).from(users));
     * }</pre>
     *
     * @param target the database to read: {@code MetaData.reflect(engine)}
     * @return its tables as declared tables
     */
    public static MetaData reflect(SchemaTarget target) {
        return target.reflect();
    }

    /**
     * Tables built from catalog reports (what {@code engine.inspect().tables()} returns): the
     * work behind {@link #reflect}.
     *
     * <pre>{@code
     * MetaData some = MetaData.fromReports(List.of(engine.inspect().table("users")));
     * }</pre>
     *
     * @param reports what the inspector read, one per table
     * @return tables built from catalog reports
     */
    public static MetaData fromReports(List<TableInfo> reports) {
        return Reflection.build(reports);
    }

    /**
     * Tables with every table after the tables it references ({@link TableOrder}); a cycle of
     * foreign keys is an error naming its tables.
     *
     * <pre>{@code
     * List<Table> order = new MetaData(POSTS, USERS).sortedTables();   // [USERS, POSTS]: parents first
     * }</pre>
     *
     * @return the tables, parents before children: {@code metadata.sortedTables()}
     */
    public synchronized List<Table> sortedTables() {
        return List.copyOf(TableOrder.parentsFirst(tables));
    }

    /**
     * Creates every table and index that does not exist yet, in one transaction where the database
     * allows: {@code target.createAll(this)} (an {@code Engine} is a {@link SchemaTarget}).
     *
     * <pre>{@code
     * new MetaData(USERS, POSTS).createAll(engine);
     * }</pre>
     *
     * @param target the database: {@code new MetaData(USERS, POSTS).createAll(engine)}
     */
    public void createAll(SchemaTarget target) {
        target.createAll(this);
    }

    /**
     * Drops every table that exists, children before parents: {@code target.dropAll(this)}.
     *
     * <pre>{@code
     * new MetaData(USERS, POSTS).dropAll(engine);
     * }</pre>
     *
     * @param target the database: {@code metadata.dropAll(engine)}
     */
    public void dropAll(SchemaTarget target) {
        target.dropAll(this);
    }

    /**
     * The named enum types the tables use, each once.
     *
     * <pre>{@code
     * List<EnumType<?>> types = metadata.nativeEnumTypes();   // CREATE TYPE ... AS ENUM on PostgreSQL
     * }</pre>
     *
     * @return the enum types: {@code metadata.nativeEnumTypes()} (PostgreSQL creates them first)
     */
    public List<EnumType<?>> nativeEnumTypes() {
        Map<String, EnumType<?>> types = new LinkedHashMap<>();
        for (Table t : sortedTables()) {
            for (Column<?> c : t.columns()) {
                if (c.type() instanceof EnumType<?> e && e.nativeName() != null) {
                    EnumType<?> other = types.putIfAbsent(e.nativeName(), e);
                    if (other != null && !other.labels().equals(e.labels())) {
                        throw new IllegalStateException("enum type " + e.nativeName() + " is declared with labels "
                                + other.labels() + " and " + e.labels() + " (column " + c.qualifiedName() + ")");
                    }
                }
            }
        }
        return List.copyOf(types.values());
    }

    @Override
    public String toString() {
        return "MetaData" + Arrays.toString(tables.stream().map(Table::name).toArray());
    }
}
