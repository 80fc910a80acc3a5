package org.tabula.it.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Sql.text;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.it.Databases;
import org.tabula.migrations.FlywayMigrations;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;

/** The evolving model of {@link SchemaEvolutionTest}, written as versioned files and applied by Flyway. */
class FlywayMigrationsTest {

    @TempDir
    Path root;

    static Stream<String> databases() {
        return Databases.names().stream();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void generatedFilesMigrateThroughFlyway(String db) throws Exception {
        Engine engine = Databases.engine(db);
        SchemaEvolutionTest.dropAll(engine);
        new MetaData(new Table(FlywayMigrations.HISTORY_TABLE)).dropAll(engine);
        try (FlywayMigrations migrations = FlywayMigrations.of(Databases.url(db), root, SchemaEvolutionTest.SCOPE)) {
            SchemaEvolutionTest.V1 v1 = new SchemaEvolutionTest.V1();
            Path first = migrations.write(v1.model, "create customers", false).orElseThrow();
            assertEquals("V1__create_customers.sql", first.getFileName().toString());
            assertEquals(root.resolve(engine.dialect().name()), first.getParent());
            assertEquals(1, migrations.migrate().migrationsExecuted);
            try (Connection conn = engine.connect()) {
                conn.execute(insert(v1.customers).set(v1.name, "Ann").set(v1.legacy, "kept"));
                conn.commit();
            }

            SchemaEvolutionTest.V2 v2 = new SchemaEvolutionTest.V2();
            Path second = migrations.write(v2.model, "orders, email, status", false).orElseThrow();
            assertEquals("V2__orders_email_status.sql", second.getFileName().toString());
            assertTrue(Files.readString(second).contains("-- add table sl_orders"), Files.readString(second));
            assertEquals(1, migrations.migrate().migrationsExecuted);
            assertTrue(migrations.plan(v2.model).isEmpty(), () -> migrations.plan(v2.model).toString());
            try (Connection conn = engine.connect()) {
                long ann = conn.execute(select(v2.id).from(v2.customers).where(v2.name.eq("Ann"))).scalar();
                conn.execute(insert(v2.orders).set(v2.customerId, ann).set(v2.total, new BigDecimal("3.50")));
                conn.commit();
            }

            SchemaEvolutionTest.V3 v3 = new SchemaEvolutionTest.V3();
            Path third = migrations.write(v3.model, "tighten", true).orElseThrow();
            assertTrue(Files.readString(third).contains("-- drop column sl_customers.legacy"), Files.readString(third));
            assertEquals(1, migrations.migrate().migrationsExecuted);
            assertTrue(migrations.plan(v3.model).isEmpty(), () -> migrations.plan(v3.model).toString());
            assertTrue(migrations.write(v3.model, "nothing", true).isEmpty(), "no changes, no file");

            assertEquals(0, migrations.migrate().migrationsExecuted, "nothing pending");
            migrations.flyway().validate();
            List<String> applied = Arrays.stream(migrations.flyway().info().applied())
                    .filter(i -> i.getVersion() != null && !i.getVersion().getVersion().equals("0"))
                    .map(MigrationInfo::getScript).toList();
            assertEquals(List.of("V1__create_customers.sql", "V2__orders_email_status.sql", "V3__tighten.sql"), applied);

            try (Connection conn = engine.connect()) {
                assertEquals("anon", conn.execute(select(v3.nickname).from(v3.customers).where(v3.name.eq("Ann"))).scalar());
                assertEquals(1, conn.execute(select(v3.orderId).from(v3.orders)).all().size(), "rows survived the migrations");
                SchemaEvolutionTest.assertForeignKeyHolds(conn, v3);
            }

            Files.writeString(first, Files.readString(first) + "\n-- edited after it ran\n");
            assertThrows(RuntimeException.class, () -> migrations.flyway().validate(), "Flyway's checksums catch an edited file");
        }
        try (Connection conn = engine.connect()) {
            conn.execute(text("DROP TABLE " + engine.dialect().quote(FlywayMigrations.HISTORY_TABLE)));
            conn.commit();
        }
    }
}
