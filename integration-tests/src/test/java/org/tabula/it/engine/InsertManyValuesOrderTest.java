package org.tabula.it.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;
import org.tabula.it.Databases;
import org.tabula.it.JdbcCalls;
import org.tabula.orm.Entity;
import org.tabula.orm.Mapper;
import org.tabula.orm.MappedColumn;
import org.tabula.orm.Session;
import org.tabula.orm.SessionFactory;
import org.tabula.result.Row;
import org.tabula.schema.Column;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;
import org.tabula.type.SqlTypes;

/**
 * executemany with generated keys ("insertmanyvalues" on SQLite and PostgreSQL, the driver's
 * batch keys on MariaDB): every key lands on its own row, in input order, although the rows sort
 * the other way round by their unique text, across several statements, with NULLs and defaults.
 */
class InsertManyValuesOrderTest {

    static final class Notes extends Table {
        final Column<Long> id = bigint("id").primaryKey().autoIncrement();
        final Column<String> title = varchar("title", 20).unique();
        final Column<Integer> rank = integer("rank").nullable();
        final Column<BigDecimal> price = decimal("price", 10, 2).nullable();
        final Column<LocalDateTime> at = timestamp("at").nullable();
        final Column<UUID> token = uuid("token").nullable();
        final Column<Boolean> active = bool("active").defaultValue(true);
        final Column<Integer> level = integer("level").serverDefault("7");

        Notes() {
            super("imv_order_notes");
        }
    }

    static final Notes NOTES = new Notes();

    static Stream<String> databases() {
        return Databases.names().stream();
    }

    /** Titles descend while keys ascend; every seventh row holds NULLs. */
    private static List<Map<String, ?>> rows(int n) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("title", String.format("z%06d", n - i));
            boolean nulls = i % 7 == 0;
            row.put("rank", nulls ? null : i);
            row.put("price", nulls ? null : new BigDecimal(i).movePointLeft(2));
            row.put("at", nulls ? null : LocalDateTime.of(2026, 1, 1, 0, 0).plusMinutes(i));
            row.put("token", nulls ? null : new UUID(0, i));
            rows.add(row);
        }
        return rows;
    }

    private static Engine fresh(String db) {
        Engine engine = Databases.engine(db);
        MetaData md = new MetaData(NOTES);
        md.dropAll(engine);
        md.createAll(engine);
        return engine;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void keysComeBackInInputOrderAcrossStatements(String db) {
        Engine engine = fresh(db);
        List<Map<String, ?>> rows = rows(2500);
        List<Object> keys;
        try (Connection conn = engine.connect()) {
            conn.execute(insert(NOTES).set(NOTES.title, "before"));     // keys do not start at 1
            keys = conn.executeManyReturningKeys(insert(NOTES), rows, NOTES.id);
            conn.commit();
        }
        assertEquals(2500, keys.size());
        Map<Object, Row> byKey = new HashMap<>();
        try (Connection conn = engine.connect()) {
            for (Row r : conn.execute(select(NOTES.id, NOTES.title, NOTES.rank, NOTES.price, NOTES.token, NOTES.active,
                    NOTES.level).from(NOTES)).all()) {
                byKey.put(r.get(NOTES.id), r);
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            Row r = byKey.get(keys.get(i));
            assertNotNull(r, "row " + i);
            assertEquals(rows.get(i).get("title"), r.get(NOTES.title), "row " + i);
            assertEquals(rows.get(i).get("rank"), r.get(NOTES.rank), "row " + i);
            Object price = rows.get(i).get("price");
            assertTrue(price == null ? r.get(NOTES.price) == null
                    : ((BigDecimal) price).compareTo(r.get(NOTES.price)) == 0, "row " + i);
            assertEquals(rows.get(i).get("token"), r.get(NOTES.token), "row " + i);
            assertEquals(true, r.get(NOTES.active), "client default, row " + i);
            assertEquals(7, (int) r.get(NOTES.level), "server default, row " + i);
        }
    }

    /** PostgreSQL sends multi-row INSERT ... RETURNING statements of up to 1,000 rows (batchSize bounds them). */
    @ParameterizedTest
    @MethodSource("databases")
    void postgresSendsOneStatementPerThousandRows(String db) {
        if (!db.equals("postgresql")) {
            return;
        }
        fresh(db);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(Databases.url(db));
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            JdbcCalls calls = new JdbcCalls();
            Engine engine = Engine.create(calls.wrap(pool), Databases.engine(db).dialect(), EngineOptions.defaults());
            try (Connection conn = engine.connect()) {
                conn.executeManyReturningKeys(insert(NOTES), rows(2500), NOTES.id);
                conn.commit();
            }
            assertEquals(List.of("setAutoCommit(false)", "executeQuery", "executeQuery", "executeQuery",
                    "setAutoCommit(true)"), calls.calls());
            calls.clear();
            Engine small = Engine.create(calls.wrap(pool), Databases.engine(db).dialect(),
                    EngineOptions.defaults().batchSize(400));
            try (Connection conn = small.connect()) {
                List<Map<String, ?>> more = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    more.add(Map.of("title", "b" + (1000 - i)));
                }
                List<Object> keys = conn.executeManyReturningKeys(insert(NOTES), more, NOTES.id);
                for (int i = 1; i < keys.size(); i++) {
                    assertTrue((Long) keys.get(i) > (Long) keys.get(i - 1));
                }
                conn.rollback();
            }
            assertEquals(3, calls.calls().stream().filter(c -> c.equals("executeQuery")).count(), calls.calls().toString());
        }
    }

    /** Keys the rows supply are no sequence values: the batch path returns them, in order. */
    @ParameterizedTest
    @MethodSource("databases")
    void suppliedKeysComeBackAsGiven(String db) {
        Engine engine = fresh(db);
        List<Map<String, ?>> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(Map.of("id", 1000L - i * 3, "title", "s" + i));
        }
        try (Connection conn = engine.connect()) {
            List<Object> keys = conn.executeManyReturningKeys(insert(NOTES), rows, NOTES.id);
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(rows.get(i).get("id"), keys.get(i));
            }
            conn.rollback();
        }
    }

    @Entity(table = "imv_order_items")
    public static class ImvItem {
        @MappedColumn(primaryKey = true, autoIncrement = true)
        public Long id;
        @MappedColumn(length = 30, unique = true)
        public String name;
        @MappedColumn(nullable = true)
        public Integer qty;

        public ImvItem() {
        }

        ImvItem(String name, Integer qty) {
            this.name = name;
            this.qty = qty;
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anOrmFlushPutsEachKeyOnItsOwnObject(String db) {
        Engine engine = Databases.engine(db);
        MetaData md = Mapper.metaData(ImvItem.class);
        md.dropAll(engine);
        md.createAll(engine);
        List<ImvItem> items = new ArrayList<>();
        for (int i = 0; i < 2300; i++) {
            items.add(new ImvItem(String.format("n%05d", 3000 - i), i % 5 == 0 ? null : i));
        }
        try (Session session = SessionFactory.of(engine).openSession()) {
            session.addAll(items);
            session.commit();
        }
        Map<Long, String> names = new HashMap<>();
        try (Connection conn = engine.connect()) {
            Table t = Mapper.table(ImvItem.class);
            Column<Long> id = Mapper.column(ImvItem.class, "id");
            Column<String> name = Mapper.column(ImvItem.class, "name");
            for (Row r : conn.execute(select(id, name).from(t)).all()) {
                names.put(r.get(id), r.get(name));
            }
        }
        for (ImvItem item : items) {
            assertNotNull(item.id);
            assertEquals(item.name, names.get(item.id));
        }
        md.dropAll(engine);
    }
}
