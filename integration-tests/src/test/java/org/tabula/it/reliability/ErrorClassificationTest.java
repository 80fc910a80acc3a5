package org.tabula.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Sql.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.dialect.Dialect;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;
import org.tabula.engine.Propagation;
import org.tabula.engine.TransactionOptions;
import org.tabula.error.UniqueViolationException;
import org.tabula.error.DatabaseException;
import org.tabula.it.Databases;
import org.tabula.schema.Column;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;
import org.tabula.statement.TextStatement;

/**
 * The same failure is the same exception class on every database. The rows are those of
 * {@code docs/errors.md}, read from the page itself, so the page and the test cannot drift: each
 * row is provoked on each database and the exact class checked.
 */
@ExtendWith(NoBorrowedConnections.class)
class ErrorClassificationTest {

    /** Where the rows live: the table between these markers in {@code docs/errors.md}. */
    private static final String TABLE_START = "<!-- errors-table:";
    private static final String TABLE_END = "<!-- end of errors-table -->";
    private static final List<String> COLUMNS = List.of("sqlite", "mysql", "postgresql");

    /** The tables the provocations use; every name starts with {@code rel_err_}. */
    static final class Parent extends Table {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> name = varchar("name", 20);

        Parent() {
            super("rel_err_parent");
        }
    }

    static final class Child extends Table {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> parentId = bigint("parent_id").nullable().references(PARENT.id);
        final Column<String> code = varchar("code", 5).nullable();
        final Column<Integer> n = integer("n").nullable();
        final Column<java.time.LocalDate> d = date("d").nullable();

        Child() {
            super("rel_err_child");
        }
    }

    static final Parent PARENT = new Parent();
    static final Child CHILD = new Child();
    static final MetaData METADATA = new MetaData(PARENT, CHILD);
    private static final String CHECKED = "rel_err_checked";

    /** Makes one failure happen on an engine whose tables are fresh, with parent 1 and child 1 (n = 1) in them. */
    @FunctionalInterface
    interface Provocation {
        void run(Engine engine, String db) throws Exception;
    }

    /** Every row of the page, by its first cell. */
    static final Map<String, Provocation> PROVOCATIONS = new LinkedHashMap<>();

    static {
        PROVOCATIONS.put("unique violation", (engine, db) ->
                engine.begin(conn -> conn.execute(insert(PARENT).set(PARENT.id, 1L).set(PARENT.name, "again"))));
        PROVOCATIONS.put("foreign key violation", (engine, db) ->
                engine.begin(conn -> conn.execute(insert(CHILD).set(CHILD.id, 5L).set(CHILD.parentId, 99L))));
        PROVOCATIONS.put("NOT NULL violation", (engine, db) ->
                run(engine, "INSERT INTO " + q(engine, PARENT.name()) + " (id) VALUES (2)"));
        PROVOCATIONS.put("check violation", (engine, db) -> {
            run(engine, "CREATE TABLE " + q(engine, CHECKED) + " (n INTEGER CHECK (n >= 0))");
            run(engine, text("INSERT INTO " + q(engine, CHECKED) + " (n) VALUES (:n)").bind("n", -1));
        });
        PROVOCATIONS.put("value too long for its column", (engine, db) ->
                run(engine, childInsert(engine, "code").bind("v", "much too long")));
        PROVOCATIONS.put("numeric overflow", (engine, db) ->
                run(engine, childInsert(engine, "n").bind("v", 3_000_000_000L)));
        PROVOCATIONS.put("division by zero", (engine, db) ->
                run(engine, "UPDATE " + q(engine, CHILD.name()) + " SET n = n / 0"));
        PROVOCATIONS.put("invalid date", (engine, db) -> run(engine, text("INSERT INTO " + q(engine, CHILD.name())
                + " (id, d) VALUES (5, CAST(:v AS DATE))").bind("v", "2021-02-30")));
        PROVOCATIONS.put("value of the wrong type through `text()`", (engine, db) ->
                run(engine, childInsert(engine, "n").bind("v", "not a number")));
        PROVOCATIONS.put("deadlock", ErrorClassificationTest::deadlock);
        PROVOCATIONS.put("serialization failure", ErrorClassificationTest::serializationFailure);
        PROVOCATIONS.put("lock wait timeout", ErrorClassificationTest::lockWaitTimeout);
        PROVOCATIONS.put("query timeout", (engine, db) -> {
            try (Engine timed = Databases.newEngine(db, EngineOptions.defaults().poolSize(1).maxOverflow(0)
                    .queryTimeout(Duration.ofSeconds(1)))) {
                run(timed, switch (db) {
                    case "sqlite" -> "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000)"
                            + " SELECT count(*) FROM c";
                    case "postgresql" -> "SELECT pg_sleep(30)";
                    default -> "SELECT SLEEP(30)";
                });
            }
        });
        PROVOCATIONS.put("syntax error in `text()`", (engine, db) -> run(engine, "SELEC 1"));
        PROVOCATIONS.put("unknown table in `text()`", (engine, db) -> run(engine, "SELECT 1 FROM rel_err_nowhere"));
        PROVOCATIONS.put("unknown column in `text()`", (engine, db) ->
                run(engine, "SELECT nowhere FROM " + q(engine, PARENT.name())));
        PROVOCATIONS.put("connection killed by the server", ErrorClassificationTest::connectionKilled);
        PROVOCATIONS.put("connection refused (or database file cannot be opened)", (engine, db) -> {
            String url = switch (db) {
                case "sqlite" -> "jdbc:sqlite:/nonexistent-directory/tabula/x.db";
                case "postgresql" -> "jdbc:postgresql://127.0.0.1:1/test?user=root&connectTimeout=5";
                default -> "jdbc:mysql://127.0.0.1:1/test?user=root&connectTimeout=5000";
            };
            Engine.create(url).close();
        });
        PROVOCATIONS.put("write in a read-only transaction", (engine, db) -> engine.begin(
                TransactionOptions.readOnlyTransaction(),
                conn -> conn.execute(insert(PARENT).set(PARENT.id, 7L).set(PARENT.name, "read-only"))));
        PROVOCATIONS.put("statement after a failed one in the same transaction", (engine, db) -> engine.begin(conn -> {
            swallowUniqueViolation(conn);
            conn.execute(select(PARENT.id).from(PARENT));
        }));
        PROVOCATIONS.put("commit after a failed statement whose exception was caught", (engine, db) ->
                engine.begin(ErrorClassificationTest::swallowUniqueViolation));
        PROVOCATIONS.put("no free connection within `connectionTimeout`", (engine, db) -> {
            try (Engine one = Databases.newEngine(db, EngineOptions.defaults().poolSize(1).maxOverflow(0)
                    .connectionTimeout(java.time.Duration.ofMillis(300)));
                 Connection held = one.connect()) {
                one.connect().close();
            }
        });
        PROVOCATIONS.put("propagation `MANDATORY` without a transaction", (engine, db) -> engine.begin(
                TransactionOptions.propagation(Propagation.MANDATORY), conn -> conn.execute(select(PARENT.id).from(PARENT))));
        PROVOCATIONS.put("bad credentials", (engine, db) ->
                Engine.create(Databases.url(db).replace("user=root", "user=tabula_nobody")).close());
    }

    private static void swallowUniqueViolation(Connection conn) {
        try {
            conn.execute(insert(PARENT).set(PARENT.id, 1L).set(PARENT.name, "again"));
        } catch (UniqueViolationException expected) {
            // caught and ignored: the transaction is doomed all the same
        }
    }

    // ---------------------------------------------------------------- the page's rows

    /** One cell of the page: the class expected of one database for one failure. */
    record Cell(String failure, String db, String text) {
        /** The expected class, or {@code null} when the database gives no error. */
        Class<?> expected() throws ClassNotFoundException {
            if (text.startsWith("no error")) {
                return null;
            }
            int end = text.indexOf('`', 1);
            assertTrue(text.startsWith("`") && end > 0, "a cell names a class, says no error, not applicable or"
                    + " see transactions: " + this);
            return Class.forName("org.tabula.error." + text.substring(1, end));
        }

        boolean provoked() {
            return !text.startsWith("not applicable") && !text.startsWith("see transactions");
        }
    }

    static List<Cell> cells() {
        Path page = Stream.of(Path.of("docs/errors.md"), Path.of("../docs/errors.md"))
                .filter(Files::exists).findFirst().orElseThrow(() -> new AssertionError("docs/errors.md not found"));
        List<String> lines;
        try {
            lines = Files.readAllLines(page);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(TABLE_START)) {
                start = i;
            } else if (lines.get(i).startsWith(TABLE_END)) {
                end = i;
            }
        }
        assertTrue(start >= 0 && end > start, "the errors table's markers in " + page);
        List<String> header = split(lines.get(start + 1));
        assertEquals(List.of("Failure", "SQLite", "MariaDB", "PostgreSQL"), header, "columns of the errors table");
        List<Cell> out = new ArrayList<>();
        for (String line : lines.subList(start + 3, end)) {
            List<String> row = split(line);
            assertEquals(4, row.size(), "a row of the errors table: " + line);
            for (int c = 1; c < 4; c++) {
                out.add(new Cell(row.get(0), COLUMNS.get(c - 1), row.get(c)));
            }
        }
        return out;
    }

    private static List<String> split(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.length() - 1);
        List<String> out = new ArrayList<>();
        for (String cell : inner.split("\\|")) {
            out.add(cell.strip());
        }
        return out;
    }

    static Stream<Arguments> provoked() {
        List<String> dbs = Databases.names();
        return cells().stream().filter(c -> c.provoked() && dbs.contains(c.db()))
                .map(c -> Arguments.of(c.failure(), c.db(), c));
    }

    @Test
    void everyRowOfThePageHasAProvocationAndViceVersa() {
        TreeSet<String> rows = new TreeSet<>();
        for (Cell c : cells()) {
            if (c.provoked()) {
                rows.add(c.failure());
            }
        }
        assertEquals(new TreeSet<>(PROVOCATIONS.keySet()), rows);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("provoked")
    void failureIsTheDocumentedClass(String failure, String db, Cell cell) throws Exception {
        Engine engine = fresh(db);
        Throwable thrown = provoke(failure, engine, db);
        Class<?> expected = cell.expected();
        if (expected == null) {
            assertNull(thrown, () -> failure + " on " + db + ": documented as no error, got " + describe(thrown));
            return;
        }
        assertNotNull(thrown, failure + " on " + db + ": no exception, documented " + expected.getSimpleName());
        assertEquals(expected, thrown.getClass(), () -> failure + " on " + db + ": " + describe(thrown));
        if (failure.startsWith("connection killed")) {
            assertTrue(thrown.getMessage().contains("the server closed the connection"), thrown.getMessage());
        }
    }

    private static Throwable provoke(String failure, Engine engine, String db) throws Exception {
        try {
            PROVOCATIONS.get(failure).run(engine, db);
            return null;
        } catch (RuntimeException e) {
            return e;
        } finally {
            dropAll(engine);
        }
    }

    // ---------------------------------------------------------------- provocations needing two connections

    /** Two transactions each lock a row and then want the other's: the database picks a victim. */
    private static void deadlock(Engine shared, String db) throws Exception {
        try (Engine engine = Databases.newEngine(db, EngineOptions.defaults().poolSize(2).maxOverflow(0));
             Connection a = engine.connect(); Connection b = engine.connect()) {
            a.execute(lockRow(engine, 1));
            b.execute(lockRow(engine, 2));
            CompletableFuture<RuntimeException> aSide = CompletableFuture.supplyAsync(() -> attempt(a, lockRow(engine, 2)));
            RuntimeException bSide = attempt(b, lockRow(engine, 1));
            RuntimeException aFailure = aSide.get(60, TimeUnit.SECONDS);
            if (aFailure != null && bSide != null) {
                fail("both transactions failed: " + describe(aFailure) + " / " + describe(bSide));
            }
            RuntimeException victim = aFailure != null ? aFailure : bSide;
            if (victim != null) {
                throw victim;
            }
        }
    }

    /** Runs {@code statement}; on failure rolls back, releasing the locks the other side waits for. */
    private static RuntimeException attempt(Connection conn, TextStatement statement) {
        try {
            conn.execute(statement);
            conn.rollback();
            return null;
        } catch (RuntimeException e) {
            conn.rollback();
            return e;
        }
    }

    /** A transaction reads a row, another changes it and commits, then the first writes it. */
    private static void serializationFailure(Engine shared, String db) throws Exception {
        try (Engine engine = Databases.newEngine(db, EngineOptions.defaults().poolSize(2).maxOverflow(0));
             Connection a = engine.connect(); Connection b = engine.connect()) {
            if (engine.dialect() == Dialect.POSTGRES) {
                a.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"));
            } else {
                a.execute(text("SET SESSION innodb_snapshot_isolation = ON"));
            }
            a.execute(text("SELECT n FROM " + q(engine, CHILD.name()) + " WHERE id = 1"));
            b.execute(lockRow(engine, 1));
            b.commit();
            a.execute(lockRow(engine, 1));
        }
    }

    /** A row is locked by one transaction; another, willing to wait a moment only, wants it too. */
    private static void lockWaitTimeout(Engine shared, String db) throws Exception {
        try (Engine engine = Databases.newEngine(db, EngineOptions.defaults().poolSize(2).maxOverflow(0));
             Connection a = engine.connect(); Connection b = engine.connect()) {
            b.execute(text(switch (db) {
                case "sqlite" -> "PRAGMA busy_timeout = 200";
                case "postgresql" -> "SET lock_timeout = '200ms'";
                default -> "SET SESSION innodb_lock_wait_timeout = 1";
            }));
            b.commit();
            a.execute(lockRow(engine, 1));
            b.execute(lockRow(engine, 1));
        }
    }

    private static void connectionKilled(Engine shared, String db) throws Exception {
        try (Engine victim = Databases.newEngine(db, EngineOptions.defaults().poolSize(1).maxOverflow(0));
             Connection conn = victim.connect()) {
            boolean mySql = victim.dialect() != Dialect.POSTGRES;
            long id = ((Number) conn.execute(text(mySql ? "SELECT CONNECTION_ID()" : "SELECT pg_backend_pid()"))
                    .scalarOne()).longValue();
            run(shared, mySql ? text("KILL CONNECTION " + id)
                    : text("SELECT pg_terminate_backend(:pid)").bind("pid", (int) id));
            conn.execute(text("SELECT 1"));
        }
    }

    private static TextStatement lockRow(Engine engine, long id) {
        return text("UPDATE " + q(engine, CHILD.name()) + " SET n = n + 1 WHERE id = :id").bind("id", id);
    }

    // ---------------------------------------------------------------- helpers

    private static Engine fresh(String db) {
        Engine engine = Databases.engine(db);
        dropAll(engine);
        METADATA.createAll(engine);
        engine.begin(conn -> {
            conn.execute(insert(PARENT).set(PARENT.id, 1L).set(PARENT.name, "p"));
            conn.execute(insert(CHILD).set(CHILD.id, 1L).set(CHILD.parentId, 1L).set(CHILD.n, 1));
            conn.execute(insert(CHILD).set(CHILD.id, 2L).set(CHILD.parentId, 1L).set(CHILD.n, 1));
        });
        return engine;
    }

    private static void dropAll(Engine engine) {
        run(engine, "DROP TABLE IF EXISTS " + q(engine, CHECKED));
        METADATA.dropAll(engine);
    }

    private static TextStatement childInsert(Engine engine, String column) {
        return text("INSERT INTO " + q(engine, CHILD.name()) + " (id, " + q(engine, column) + ") VALUES (3, :v)");
    }

    private static void run(Engine engine, String sql) {
        run(engine, text(sql));
    }

    private static void run(Engine engine, TextStatement statement) {
        engine.begin(conn -> conn.execute(statement));
    }

    private static String q(Engine engine, String identifier) {
        return engine.dialect().quote(identifier);
    }

    private static String describe(Throwable t) {
        if (t == null) {
            return "no exception";
        }
        String more = t instanceof DatabaseException d ? " (SQLState " + d.sqlState() + ", vendor code " + d.vendorCode()
                + ")" : "";
        return t.getClass().getSimpleName() + more + ": " + t.getMessage();
    }
}
