package org.tabula.it.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.count;
import static org.tabula.Sql.func;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Sql.text;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.dialect.Dialect;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;
import org.tabula.engine.Isolation;
import org.tabula.engine.TransactionOptions;
import org.tabula.it.Databases;
import org.tabula.it.JdbcCalls;
import org.tabula.orm.Entity;
import org.tabula.orm.Model;
import org.tabula.orm.Session;
import org.tabula.orm.SessionFactory;
import org.tabula.schema.Column;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;
import org.tabula.type.SqlTypes;

/**
 * {@code EngineOptions.autoCommitReads}: a read outside an explicit transaction costs one
 * statement (counted by JDBC call and, on MariaDB, by the server's own counters), and nothing the
 * user did not commit is ever committed.
 */
class AutoCommitReadsTest {

    static final class Items extends Table {
        final Column<Long> id = bigint("id").primaryKey().autoIncrement();
        final Column<String> name = varchar("name", 40).unique();
        final Column<Integer> n = integer("n").nullable();

        Items() {
            super("ac_items");
        }
    }

    static final Items ITEMS = new Items();
    static final MetaData METADATA = new MetaData(ITEMS);

    static Stream<String> databases() {
        return Databases.names().stream();
    }

    /** An engine of one pooled connection (so the server counters are that connection's) with the option as given. */
    private static Engine engine(String db, boolean autoCommitReads, EngineOptions base) {
        Engine engine = Engine.create(Databases.url(db), base.poolSize(1).maxOverflow(0).autoCommitReads(autoCommitReads));
        METADATA.dropAll(engine);
        METADATA.createAll(engine);
        engine.begin(conn -> conn.execute(insert(ITEMS).set(ITEMS.name, "seed").set(ITEMS.n, 1)));
        return engine;
    }

    private static long rows(Engine engine) {
        try (Connection conn = engine.connect()) {
            return conn.execute(select(count()).from(ITEMS)).scalarOne();
        }
    }

    private static void read(Connection conn) {
        conn.execute(select(ITEMS.id, ITEMS.name).from(ITEMS).where(ITEMS.id.between(1L, 10L)));
    }

    /** JDBC calls of one connect()-read-close, through a counting data source over a pool in auto-commit. */
    private static List<String> callsOfARead(String db, boolean autoCommitReads) {
        Dialect dialect = Databases.engine(db).dialect();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(Databases.url(db));
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            JdbcCalls calls = new JdbcCalls();
            Engine engine = Engine.create(calls.wrap(pool), dialect,
                    EngineOptions.defaults().autoCommitReads(autoCommitReads));
            try (Connection conn = engine.connect()) {
                read(conn); // the connection is new: its first use may warm the driver up
            }
            calls.clear();
            try (Connection conn = engine.connect()) {
                read(conn);
                assertEquals(autoCommitReads, !conn.isInTransaction(), "a read in auto-commit leaves nothing to end "
                        + calls.calls());
            }
            return calls.calls();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aReadOutsideATransactionIsOneStatement(String db) {
        try (Engine setup = engine(db, false, EngineOptions.defaults())) {
            assertEquals(List.of("executeQuery"), callsOfARead(db, true).stream()
                    .map(c -> c.equals("execute") ? "executeQuery" : c).toList());
            // without the option the connection idles out of auto-commit and the read's transaction is rolled back
            List<String> before = callsOfARead(db, false);
            assertTrue(before.contains("rollback"), before.toString());
        }
    }

    /** The server's counters of the one pooled connection: SELECTs, ROLLBACKs, COMMITs and SETs it was sent. */
    private static Map<String, Long> serverCounters(Engine engine) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (java.sql.Connection c = engine.dataSource().getConnection();
                java.sql.Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW SESSION STATUS WHERE Variable_name IN "
                        + "('Com_select', 'Com_rollback', 'Com_commit', 'Com_set_option', 'Com_begin', 'Questions')")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> out = new HashMap<>();
        before.forEach((k, v) -> out.put(k, after.get(k) - v));
        out.merge("Questions", -1L, Long::sum); // the SHOW STATUS that read the counters
        return out;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theMariaDbServerSeesOneStatementPerRead(String db) throws SQLException {
        if (!Databases.isMySql(db)) {
            return;
        }
        try (Engine on = engine(db, true, EngineOptions.defaults())) {
            Map<String, Long> before = serverCounters(on);
            try (Connection conn = on.connect()) {
                read(conn);
            }
            Map<String, Long> read = delta(before, serverCounters(on));
            assertEquals(1L, read.get("Com_select"), read.toString());
            assertEquals(0L, read.get("Com_rollback"), read.toString());
            assertEquals(0L, read.get("Com_set_option"), read.toString());
            assertEquals(1L, read.get("Questions"), read.toString());

            // a transaction pays for leaving auto-commit; the switch back is its commit
            before = serverCounters(on);
            on.begin(conn -> conn.execute(insert(ITEMS).set(ITEMS.name, "tx").set(ITEMS.n, 2)));
            Map<String, Long> tx = delta(before, serverCounters(on));
            assertEquals(2L, tx.get("Com_set_option"), tx.toString());
            assertEquals(0L, tx.get("Com_commit"), tx.toString());
            assertEquals(3L, tx.get("Questions"), tx.toString());
        }
        try (Engine off = engine(db, false, EngineOptions.defaults())) {
            Map<String, Long> before = serverCounters(off);
            try (Connection conn = off.connect()) {
                read(conn);
            }
            Map<String, Long> read = delta(before, serverCounters(off));
            // today the read's transaction is rolled back; the pool rolls back the SHOW STATUS's one too
            assertEquals(2L, read.get("Com_rollback"), read.toString());
            assertEquals(3L, read.get("Questions"), read.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void uncommittedWritesAreRolledBack(String db) {
        try (Engine engine = engine(db, true, EngineOptions.defaults())) {
            try (Connection conn = engine.connect()) {
                read(conn);
                conn.execute(insert(ITEMS).set(ITEMS.name, "lost").set(ITEMS.n, 2));
                assertTrue(conn.isInTransaction());
            }
            try (Connection conn = engine.connect()) {
                conn.execute(text("UPDATE ac_items SET n = 99"));     // text() of unknown kind: a write
                assertTrue(conn.isInTransaction());
            }
            try (Connection conn = engine.connect()) {
                conn.execute(select(ITEMS.id).from(ITEMS).where(ITEMS.id.eq(1L)).forUpdate());
                assertTrue(conn.isInTransaction(), "FOR UPDATE locks in a transaction");
                conn.execute(insert(ITEMS).set(ITEMS.name, "also lost"));
            }
            try (Connection conn = engine.connect()) {
                conn.execute(select(func("abs", SqlTypes.INTEGER, ITEMS.n)).from(ITEMS));
                conn.execute(select(func("round", SqlTypes.DOUBLE, ITEMS.n)).from(ITEMS));
                assertTrue(conn.isInTransaction(), "a function Tabula does not know may write");
            }
            assertEquals(1, rows(engine));
            try (Connection conn = engine.connect()) {
                assertEquals(1, (int) conn.execute(select(ITEMS.n).from(ITEMS)).<Integer>scalarOne());
                assertTrue(conn.isAutoCommit(), "the connection idles in auto-commit");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFunctionThatWritesIsRolledBackOnPostgres(String db) {
        if (!db.equals("postgresql")) {
            return;
        }
        try (Engine engine = engine(db, true, EngineOptions.defaults())) {
            try (Connection conn = engine.connect()) {
                conn.execute(text("CREATE OR REPLACE FUNCTION ac_bump() RETURNS integer LANGUAGE sql AS "
                        + "'INSERT INTO ac_items (name) VALUES (''bumped'') RETURNING 1'"));
                conn.commit();
            }
            try (Connection conn = engine.connect()) {
                assertEquals(1, (int) conn.execute(select(func("ac_bump", SqlTypes.INTEGER))).scalarOne());
            }
            assertEquals(1, rows(engine), "the function's insert was not committed");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void transactionsStayAtomicAndCommitsLand(String db) {
        try (Engine engine = engine(db, true, EngineOptions.defaults())) {
            assertThrows(IllegalStateException.class, () -> engine.begin(conn -> {
                conn.execute(insert(ITEMS).set(ITEMS.name, "a"));
                conn.execute(insert(ITEMS).set(ITEMS.name, "b"));
                throw new IllegalStateException("boom");
            }));
            assertEquals(1, rows(engine));
            try (Connection conn = engine.connect()) {
                read(conn);
                conn.execute(insert(ITEMS).set(ITEMS.name, "a"));
                conn.commit();
                read(conn);                                   // auto-commit again after the commit
                assertFalse(conn.isInTransaction());
                conn.execute(insert(ITEMS).set(ITEMS.name, "b"));
                conn.rollback();
                conn.execute(insert(ITEMS).set(ITEMS.name, "c"));
                conn.commit();
            }
            assertEquals(3, rows(engine));
            try (Connection conn = engine.connect()) {
                conn.nested(c -> c.execute(insert(ITEMS).set(ITEMS.name, "d")));
            }
            assertEquals(3, rows(engine), "a savepoint opens a transaction that close rolls back");
        }
    }

    /** Under REPEATABLE READ a read must not leave its snapshot open on the pooled connection for the next borrower. */
    @ParameterizedTest
    @MethodSource("databases")
    void noSnapshotIsLeftForTheNextBorrower(String db) {
        if (db.equals("sqlite")) {
            return; // SqliteAutoCommitReadsTest: one connection per in-process database
        }
        EngineOptions rr = EngineOptions.defaults().isolation(Isolation.REPEATABLE_READ);
        try (Engine engine = engine(db, true, rr); Engine writer = Engine.create(Databases.url(db))) {
            try (Connection first = engine.connect()) {
                assertEquals(1, rows(first));
            }
            writer.begin(conn -> conn.execute(insert(ITEMS).set(ITEMS.name, "new")));
            try (Connection next = engine.connect()) {             // the same pooled connection
                assertEquals(2, rows(next), "the next borrower sees the commit");
            }
            // an explicit transaction still reads one snapshot
            try (Connection conn = engine.begin()) {
                assertEquals(2, rows(conn));
                writer.begin(c -> c.execute(insert(ITEMS).set(ITEMS.name, "newer")));
                assertEquals(2, rows(conn), "one transaction, one snapshot");
                conn.commit();
            }
            long seen = engine.transaction(TransactionOptions.isolation(Isolation.REPEATABLE_READ), conn -> {
                long a = rows(conn);
                writer.begin(c -> c.execute(insert(ITEMS).set(ITEMS.name, "newest")));
                assertEquals(a, rows(conn));
                return a;
            });
            assertEquals(3, seen);
            // without the option, a stricter engine isolation keeps connect() reads in one transaction
            try (Engine byDefault = Engine.create(Databases.url(db), rr.poolSize(1).maxOverflow(0))) {
                try (Connection conn = byDefault.connect()) {
                    long a = rows(conn);
                    writer.begin(c -> c.execute(insert(ITEMS).set(ITEMS.name, "last")));
                    assertEquals(a, rows(conn), "commit as you go: one snapshot until commit");
                }
            }
        }
    }

    private static long rows(Connection conn) {
        return conn.execute(select(count()).from(ITEMS)).scalarOne();
    }

    @Entity(table = "ac_notes")
    public static class AcNote extends Model {
        public String title;

        public AcNote() {
        }

        AcNote(String title) {
            this.title = title;
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anOrmSessionReadsInAutoCommitThenWritesInOneTransaction(String db) {
        try (Engine engine = engine(db, true, EngineOptions.defaults())) {
            SessionFactory sessions = SessionFactory.of(engine);
            MetaData notes = org.tabula.orm.Mapper.metaData(AcNote.class);
            notes.dropAll(engine);
            notes.createAll(engine);
            try (Session session = sessions.openSession()) {
                assertEquals(0, session.select(AcNote.class).count());
                assertFalse(session.connection().isInTransaction());   // the read ran alone
                AcNote a = new AcNote("a");
                session.add(a);
                session.flush();
                assertNotNull(a.id);
                assertTrue(session.connection().isInTransaction());    // the write began it
                assertEquals(1, session.select(AcNote.class).count()); // and later reads see it
            } // closed without commit: rolled back
            try (Session session = sessions.openSession()) {
                assertEquals(0, session.select(AcNote.class).count());
                session.add(new AcNote("b"));
                session.commit();
            }
            try (Session session = sessions.openSession()) {
                assertEquals(1, session.select(AcNote.class).count());
            }
            notes.dropAll(engine);
        }
    }
}
