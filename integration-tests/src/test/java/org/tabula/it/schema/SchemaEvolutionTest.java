package org.tabula.it.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.delete;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.dialect.Dialect;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.error.DatabaseException;
import org.tabula.it.Databases;
import org.tabula.migration.ColumnAdded;
import org.tabula.migration.ColumnDropped;
import org.tabula.migration.ColumnTypeChanged;
import org.tabula.migration.EnumTypeAdded;
import org.tabula.migration.EnumValueAdded;
import org.tabula.migration.IndexAdded;
import org.tabula.migration.NullabilityChanged;
import org.tabula.migration.SchemaChange;
import org.tabula.migration.SchemaChangeException;
import org.tabula.migration.SchemaDiff;
import org.tabula.migration.ServerDefaultChanged;
import org.tabula.migration.TableAdded;
import org.tabula.schema.Column;
import org.tabula.schema.MetaData;
import org.tabula.schema.ReferentialAction;
import org.tabula.schema.Table;
import org.tabula.schema.inspect.TableInfo;
import org.tabula.type.EnumType;

/**
 * A model evolved through three versions with rows in its tables: each diff is applied, the
 * rows survive and a fresh diff is empty. A refused change leaves the schema as it was where
 * DDL is transactional.
 */
class SchemaEvolutionTest {

    enum StatusV2 { NEW, ACTIVE }

    enum StatusV3 { NEW, ACTIVE, BLOCKED }

    static final Predicate<String> SCOPE = n -> n.equals("sl_customers") || n.equals("sl_orders") || n.equals("sl_bad");

    static Stream<String> databases() {
        return Databases.names().stream();
    }

    /** Version 1: one table. */
    static final class V1 {
        final Table customers = new Table("sl_customers");
        final Column<Long> id = customers.bigint("id").primaryKey().autoIncrement();
        final Column<String> name = customers.varchar("name", 40);
        final Column<String> nickname = customers.varchar("nickname", 30).nullable();
        final Column<String> legacy = customers.varchar("legacy", 10).nullable();
        final MetaData model = new MetaData(customers);
    }

    /** Version 2: a table with a foreign key, a nullable column, an index, a wider varchar, an enum. */
    static final class V2 {
        final Table customers = new Table("sl_customers");
        final Column<Long> id = customers.bigint("id").primaryKey().autoIncrement();
        final Column<String> name = customers.varchar("name", 80);
        final Column<String> nickname = customers.varchar("nickname", 30).nullable();
        final Column<String> legacy = customers.varchar("legacy", 10).nullable();
        final Column<String> email = customers.varchar("email", 120).nullable();
        final Column<StatusV2> status = customers.column("status", EnumType.byName(StatusV2.class).asNative("sl_status"))
                .nullable();
        final Table orders = new Table("sl_orders");
        final Column<Long> orderId = orders.bigint("id").primaryKey().autoIncrement();
        final Column<Long> customerId = orders.bigint("customer_id").references(id, ReferentialAction.CASCADE);
        final Column<BigDecimal> total = orders.decimal("total", 10, 2);

        V2() {
            customers.index("ix_sl_customers_name", name);
        }

        final MetaData model = new MetaData(orders, customers);
    }

    /**
     * Version 3: NOT NULL with a server default, an enum label more, a column dropped, a column
     * added, a wider decimal in the referencing table (rebuilt on SQLite, keeping its foreign key).
     */
    static final class V3 {
        final Table customers = new Table("sl_customers");
        final Column<Long> id = customers.bigint("id").primaryKey().autoIncrement();
        final Column<String> name = customers.varchar("name", 80);
        final Column<String> nickname = customers.varchar("nickname", 30).serverDefault("'anon'");
        final Column<String> email = customers.varchar("email", 120).nullable();
        final Column<StatusV3> status = customers.column("status", EnumType.byName(StatusV3.class).asNative("sl_status"))
                .nullable();
        final Table orders = new Table("sl_orders");
        final Column<Long> orderId = orders.bigint("id").primaryKey().autoIncrement();
        final Column<Long> customerId = orders.bigint("customer_id").references(id, ReferentialAction.CASCADE);
        final Column<BigDecimal> total = orders.decimal("total", 12, 2);
        final Column<String> note = orders.text("note").nullable();

        V3() {
            customers.index("ix_sl_customers_name", name);
        }

        final MetaData model = new MetaData(customers, orders);
    }

    static void dropAll(Engine engine) {
        new V2().model.dropAll(engine);
        new MetaData(new Table("sl_bad")).dropAll(engine);
    }

    private static SchemaDiff diff(MetaData model, Engine engine) {
        return SchemaDiff.between(model, engine.inspect(), SCOPE);
    }

    private static <T extends SchemaChange> List<T> only(SchemaDiff diff, Class<T> kind) {
        return diff.changes().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void modelEvolvesThroughThreeVersionsKeepingRows(String db) {
        Engine engine = Databases.engine(db);
        Dialect dialect = engine.dialect();
        dropAll(engine);

        V1 v1 = new V1();
        SchemaDiff first = diff(v1.model, engine);
        assertEquals(List.of("add table sl_customers"), first.changes().stream().map(Object::toString).toList());
        first.apply(engine);
        assertTrue(diff(v1.model, engine).isEmpty(), () -> diff(v1.model, engine).toString());
        try (Connection conn = engine.connect()) {
            conn.execute(insert(v1.customers).set(v1.name, "Ann").set(v1.legacy, "kept"));
            conn.execute(insert(v1.customers).set(v1.name, "Bob").set(v1.nickname, "bobby"));
            conn.commit();
        }

        V2 v2 = new V2();
        SchemaDiff second = diff(v2.model, engine);
        assertEquals(1, only(second, TableAdded.class).size(), second.toString());
        ColumnTypeChanged widened = only(second, ColumnTypeChanged.class).get(0);
        assertEquals("name", widened.column().name());
        assertFalse(widened.destructive(), "a longer varchar is not destructive");
        assertEquals(List.of("email", "status"), only(second, ColumnAdded.class).stream().map(c -> c.column().name()).toList());
        assertEquals("ix_sl_customers_name", only(second, IndexAdded.class).get(0).index().name());
        assertEquals(dialect == Dialect.POSTGRES ? 1 : 0, only(second, EnumTypeAdded.class).size());
        assertTrue(second.destructiveChanges().isEmpty(), second.toString());
        second.apply(engine);
        assertTrue(diff(v2.model, engine).isEmpty(), () -> diff(v2.model, engine).toString());
        try (Connection conn = engine.connect()) {
            assertEquals(List.of("Ann", "Bob"), conn.execute(select(v2.name).from(v2.customers).orderBy(v2.id)).scalars());
            long ann = conn.execute(select(v2.id).from(v2.customers).where(v2.name.eq("Ann"))).scalar();
            conn.execute(insert(v2.orders).set(v2.customerId, ann).set(v2.total, new BigDecimal("12.50")));
            conn.execute(insert(v2.customers).set(v2.name, "C".repeat(80)).set(v2.status, StatusV2.ACTIVE));
            conn.commit();
        }

        V3 v3 = new V3();
        SchemaDiff third = diff(v3.model, engine);
        assertEquals("nickname", only(third, NullabilityChanged.class).get(0).column().name(), third.toString());
        assertEquals("nickname", only(third, ServerDefaultChanged.class).get(0).column().name());
        ColumnDropped dropped = only(third, ColumnDropped.class).get(0);
        assertEquals("legacy", dropped.column().name());
        assertEquals(List.of(dropped), third.destructiveChanges());
        if (dialect == Dialect.POSTGRES) {
            assertEquals(List.of(new EnumValueAdded("sl_status", "BLOCKED")), only(third, EnumValueAdded.class));
        } else {
            // an inline ENUM (MariaDB) or a checked VARCHAR (SQLite) that grows
            assertFalse(only(third, ColumnTypeChanged.class).get(0).destructive(), third.toString());
        }
        if (dialect.altersTablesInPlace()) {
            assertFalse(third.sql(false).stream().anyMatch(s -> s.contains("DROP COLUMN")), third.sql(false).toString());
            assertTrue(third.sql(true).stream().anyMatch(s -> s.contains("DROP COLUMN")), third.sql(true).toString());
        }
        third.apply(engine);
        SchemaDiff rest = diff(v3.model, engine);
        assertEquals(List.of("legacy"), only(rest, ColumnDropped.class).stream().map(c -> c.column().name()).toList());
        assertEquals(1, rest.changes().size(), rest.toString());
        try (Connection conn = engine.connect()) {
            Map<String, String> nicknames = conn.execute(select(v3.name, v3.nickname).from(v3.customers)).all().stream()
                    .collect(Collectors.toMap(r -> r.get(v3.name), r -> r.get(v3.nickname)));
            assertEquals("anon", nicknames.get("Ann"), "NULLs took the new server default");
            assertEquals("bobby", nicknames.get("Bob"));
            conn.execute(insert(v3.customers).set(v3.name, "Dee").set(v3.status, StatusV3.BLOCKED));
            conn.commit();
        }
        assertEquals("kept", Databases.engine(db).transaction(conn -> conn.execute(
                select(v1.legacy).from(v1.customers).where(v1.name.eq("Ann"))).scalar()), "the undropped column keeps its values");

        rest.apply(engine, true);
        assertTrue(diff(v3.model, engine).isEmpty(), () -> diff(v3.model, engine).toString());
        assertNull(engine.inspect().table("sl_customers").findColumn("legacy"));
        try (Connection conn = engine.connect()) {
            assertEquals(4, conn.execute(select(v3.id).from(v3.customers)).all().size());
            assertEquals(1, conn.execute(select(v3.orderId).from(v3.orders)).all().size());
            assertForeignKeyHolds(conn, v3);
        }
    }

    /** The orders' foreign key refuses unknown customers and cascades deletes; Ann (with one order) is deleted. */
    static void assertForeignKeyHolds(Connection conn, V3 v3) {
        assertThrows(DatabaseException.class, () -> conn.execute(insert(v3.orders).set(v3.customerId, 999_999L)
                .set(v3.total, BigDecimal.ONE)), "the foreign key survived");
        conn.rollback();
        conn.execute(delete(v3.customers).where(v3.name.eq("Ann")));
        assertEquals(0, conn.execute(select(v3.orderId).from(v3.orders)).all().size(), "ON DELETE CASCADE survived");
        conn.commit();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void refusedChangeNamesTheColumnAndRollsBackWhereDdlIsTransactional(String db) {
        Engine engine = Databases.engine(db);
        dropAll(engine);
        Table before = new Table("sl_bad");
        Column<Long> id = before.bigint("id").primaryKey();
        Column<String> note = before.varchar("note", 20).nullable();
        SchemaDiff.between(new MetaData(before), engine.inspect(), SCOPE).apply(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(before).set(id, 1L));
            conn.commit();
        }

        Table after = new Table("sl_bad");
        after.bigint("id").primaryKey();
        after.varchar("added", 10).nullable();
        after.varchar("note", 20);
        SchemaDiff diff = SchemaDiff.between(new MetaData(after), engine.inspect(), SCOPE);
        SchemaChangeException e = assertThrows(SchemaChangeException.class, () -> diff.apply(engine));
        assertTrue(e.getMessage().contains("sl_bad.note NOT NULL"), e.getMessage());
        assertTrue(e.changes().stream().anyMatch(c -> c instanceof NullabilityChanged), e.changes().toString());

        TableInfo table = engine.inspect().table("sl_bad");
        assertTrue(table.column("note").nullable(), "the refused change is not applied");
        if (engine.dialect() == Dialect.MARIADB || engine.dialect() == Dialect.MYSQL) {
            // MySQL and MariaDB commit each DDL statement: the column added before the failure stays.
            assertTrue(table.findColumn("added") != null);
        } else {
            assertNull(table.findColumn("added"), "transactional DDL: nothing of the migration remains");
        }
        try (Connection conn = engine.connect()) {
            assertEquals(List.of(1L), conn.execute(select(id).from(before)).scalars());
        }
    }
}
