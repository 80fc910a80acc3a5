package org.tabula.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.count;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Sql.update;
import static org.tabula.Users.USERS;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tabula.error.PoolTimeoutException;
import org.tabula.error.UniqueViolationException;
import org.tabula.result.Result;
import org.tabula.schema.MetaData;

/** The listener SPI: statements, connections, transactions and savepoints, in order, on SQLite. */
class EngineListenerTest {

    private final RecordingListener recorder = new RecordingListener();
    private Engine engine;

    private Engine engine(EngineOptions options) {
        engine = Engine.create("jdbc:sqlite::memory:", options.connectionTimeout(Duration.ofMillis(300)));
        new MetaData(USERS).createAll(engine);
        recorder.lines.clear();
        recorder.statements.clear();
        recorder.transactions.clear();
        return engine;
    }

    private Engine engine() {
        return engine(EngineOptions.defaults().listener(recorder));
    }

    @AfterEach
    void tearDown() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aTransactionReportsConnectionBeginStatementsCommitAndRelease() {
        engine().begin(conn -> {
            conn.execute(insert(USERS).set(USERS.name, "ann").set(USERS.email, "a@x"));
            conn.execute(select(USERS.name).from(USERS).where(USERS.name.eq("ann")));
            conn.execute(update(USERS).set(USERS.age, 3).where(USERS.name.eq("nobody")));
        });
        assertEquals(List.of("acquired", "begin", "before insert [ann, a@x]", "after insert rows=1",
                "before select [ann]", "after select rows=1", "before update [3, nobody]", "after update rows=0",
                "commit", "released"), recorder.lines);
        StatementEvent insert = recorder.statements.get(0);
        assertTrue(insert.succeeded());
        assertTrue(insert.durationNanos() > 0);
        assertEquals(insert.durationNanos(), insert.duration().toNanos());
        assertEquals(1, insert.batchSize());
        assertTrue(insert.sql().startsWith("INSERT INTO \"users\""), insert.sql());
        assertSame(recorder.transactions.get(0), insert.transaction());
        assertSame(engine, insert.engine());
        assertTrue(recorder.transactions.get(0).duration().toNanos() > 0);
        ConnectionEvent connection = recorder.connections.get(0);
        assertTrue(connection.waitNanos() >= 0);
        assertTrue(connection.heldTime().toNanos() > 0);
        assertSame(engine, connection.engine());
    }

    @Test
    void aFailedStatementReportsItsExceptionAndTheRollbackItsCause() {
        engine().begin(conn -> conn.execute(insert(USERS).set(USERS.name, "ann").set(USERS.email, "a@x")));
        recorder.lines.clear();
        UniqueViolationException e = assertThrows(UniqueViolationException.class,
                () -> engine.begin(conn -> conn.execute(insert(USERS).set(USERS.name, "bob").set(USERS.email, "a@x"))));
        assertEquals(List.of("acquired", "begin", "before insert [bob, a@x]",
                "after insert failed UniqueViolationException", "rollback UniqueViolationException", "released"),
                recorder.lines);
        StatementEvent failed = recorder.statements.get(recorder.statements.size() - 1);
        assertSame(e, failed.failure());
        assertEquals(-1, failed.rows());
        assertFalse(failed.succeeded());
    }

    @Test
    void executemanyIsOneEventWithTheBatchSizeAndTheFirstRowsValues() {
        try (Connection conn = engine().connect()) {
            conn.execute(insert(USERS), List.of(Map.of("name", "a"), Map.of("name", "b"), Map.of("name", "c")));
            List<Object> keys = conn.executeManyReturningKeys(insert(USERS),
                    List.of(Map.of("name", "d"), Map.of("name", "e")), USERS.id);
            assertEquals(2, keys.size());
            conn.commit();
        }
        assertEquals(List.of("acquired", "begin", "before insert [a]", "after insert rows=3 batch=3",
                "before insert [d]", "after insert rows=2 batch=2", "commit", "released"), recorder.lines);
    }

    @Test
    void savepointsAreSetReleasedAndRolledBack() {
        engine().begin(conn -> {
            conn.nested(c -> c.execute(insert(USERS).set(USERS.name, "kept")));
            assertThrows(IllegalStateException.class, () -> conn.nested(c -> {
                c.execute(insert(USERS).set(USERS.name, "undone"));
                throw new IllegalStateException("undo");
            }));
        });
        assertEquals(List.of("acquired", "begin", "savepoint", "before insert [kept]", "after insert rows=1",
                "release savepoint", "savepoint", "before insert [undone]", "after insert rows=1",
                "rollback savepoint", "commit", "released"), recorder.lines);
    }

    @Test
    void closingWithoutCommitIsARollbackAndAnEmptyTransactionNoTransaction() {
        try (Connection conn = engine().connect()) {
            conn.execute(insert(USERS).set(USERS.name, "ann"));
        }
        try (Connection conn = engine.connect()) {
            conn.commit();
        }
        try (Connection conn = engine.connect()) {
            conn.execute(select(count()).from(USERS));
            conn.rollback();
            conn.execute(select(count()).from(USERS));
            conn.commit();
        }
        assertEquals(List.of("acquired", "begin", "before insert [ann]", "after insert rows=1", "rollback", "released",
                "acquired", "released",
                "acquired", "begin", "before select []", "after select rows=1", "rollback",
                "begin", "before select []", "after select rows=1", "commit", "released"), recorder.lines);
    }

    @Test
    void fetchCountsItsRowsAndAStreamedQueryHasNoCount() {
        try (Connection conn = engine().connect()) {
            conn.execute(insert(USERS), List.of(Map.of("name", "a"), Map.of("name", "b")));
            record Name(String name) {}
            assertEquals(2, conn.fetch(select(USERS.name).from(USERS), Name.class).size());
            try (Result streamed = conn.stream(select(USERS.name).from(USERS))) {
                assertEquals(2, streamed.all().size());
            }
            conn.commit();
        }
        assertEquals(List.of("acquired", "begin", "before insert [a]", "after insert rows=2 batch=2",
                "before select []", "after select rows=2", "before select []", "after select rows=-1", "commit",
                "released"), recorder.lines);
    }

    @Test
    void aPoolTimeoutIsReportedWithItsWait() {
        engine();
        try (Connection held = engine.connect()) {
            assertThrows(PoolTimeoutException.class, engine::connect);
            held.commit();
        }
        assertEquals(List.of("acquired", "connectFailed PoolTimeoutException", "released"), recorder.lines);
        assertTrue(recorder.connections.get(recorder.connections.size() - 1).waitTime().toMillis() >= 250);
    }

    @Test
    void listenersAreToldInOrderAndAFailingBeforeExecuteStopsTheStatement() {
        List<String> order = new ArrayList<>();
        EngineListener veto = EngineListener.beforeEach(e -> {
            order.add("veto");
            if (e.kind() == org.tabula.dialect.StatementKind.DELETE) {
                throw new IllegalStateException("no deletes in this test");
            }
        });
        engine(EngineOptions.defaults().listener(recorder).listener(veto)
                .listener(EngineListener.afterEach(e -> order.add("after"))));
        order.clear();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> engine.begin(conn -> conn.execute(org.tabula.Sql.delete(USERS).where(USERS.id.eq(1L)))));
        assertEquals("no deletes in this test", e.getMessage());
        assertEquals(List.of("acquired", "begin", "before delete [1]", "after delete failed IllegalStateException",
                "rollback IllegalStateException", "released"), recorder.lines);
        engine.begin(conn -> conn.execute(select(count()).from(USERS)));
        assertEquals(List.of("veto", "veto", "after"), order);
    }

    @Test
    void aListenerThatFailsAfterwardsIsLoggedNotThrown() {
        engine(EngineOptions.defaults().listener(EngineListener.afterEach(e -> {
            throw new IllegalStateException("broken listener");
        })));
        long n = engine.transaction(conn -> conn.execute(select(count()).from(USERS)).<Long>scalarOne());
        assertEquals(0L, n);
    }

    @Test
    @SuppressWarnings("deprecation")
    void aStatementListenerStillWorks() {
        List<String> seen = new ArrayList<>();
        engine(EngineOptions.defaults().listener((StatementListener) (sql, params) -> seen.add(params.toString())));
        seen.clear();
        engine.begin(conn -> conn.execute(select(count()).from(USERS).where(USERS.name.eq("zed"))));
        assertEquals(List.of("[zed]"), seen);
    }

    @Test
    void withoutListenersAConnectionReportsNothing() {
        engine(EngineOptions.defaults());
        try (Connection conn = engine.connect()) {
            assertSame(ConnectionEvents.OFF, conn.events());
        }
        engine.close();
        engine(EngineOptions.defaults().listener(new EngineListener() { }));
        try (Connection conn = engine.connect()) {
            assertNotNull(conn.events());
            assertFalse(conn.events() == ConnectionEvents.OFF);
        }
    }

    @Test
    void echoLogsDurationsAndRowsAndHidesParametersWhenAsked() {
        String shown = echoed(EngineOptions.defaults().echo(true));
        assertTrue(shown.contains("secret@x"), shown);
        assertTrue(shown.matches("(?s).*INSERT INTO \"users\".*\\[ann, secret@x] \\(\\d+\\.\\d{3} ms, 1 row\\).*"), shown);
        assertTrue(shown.contains("BEGIN (implicit)") && shown.contains("COMMIT"), shown);
        String hidden = echoed(EngineOptions.defaults().echo(true).hideParameters(true));
        assertFalse(hidden.contains("secret"), hidden);
        assertTrue(hidden.matches("(?s).*INSERT INTO \"users\".* \\[parameters hidden] \\(\\d+\\.\\d{3} ms, 1 row\\).*"),
                hidden);
    }

    private String echoed(EngineOptions options) {
        engine(options);
        PrintStream err = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            engine.begin(conn -> conn.execute(insert(USERS).set(USERS.name, "ann").set(USERS.email, "secret@x")));
        } finally {
            System.setErr(err);
            engine.close();
            engine = null;
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
