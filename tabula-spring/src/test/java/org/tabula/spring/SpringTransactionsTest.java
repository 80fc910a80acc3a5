package org.tabula.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.insert;
import static org.tabula.spring.ShopSchema.ORDERS;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;
import org.tabula.engine.Engine;
import org.tabula.error.TransactionStateException;
import org.tabula.orm.Mapper;

/**
 * Tabula inside Spring transactions, in a real Boot application per database: one
 * {@code @Transactional} service writes through Tabula (begin, connect, sessions) and JdbcTemplate.
 */
class SpringTransactionsTest {

    static Stream<String> databases() {
        return TestDatabases.names().stream();
    }

    /** The shop's service on {@code db}, its tables emptied. */
    private static ShopService shop(String db) {
        ConfigurableApplicationContext ctx = TestDatabases.shop(db);
        Engine engine = ctx.getBean(Engine.class);
        ShopSchema.TABLES.createAll(engine);
        Mapper.metaData(ShopSchema.Note.class).createAll(engine);
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        jdbc.update("delete from spring_orders");
        jdbc.update("delete from spring_audit");
        jdbc.update("delete from spring_notes");
        return ctx.getBean(ShopService.class);
    }

    private static List<Long> ids(ShopService shop, String table) {
        return shop.jdbc().queryForList("select id from " + table + " order by id", Long.class);
    }

    private static long count(ShopService shop, String table) {
        return shop.jdbc().queryForObject("select count(*) from " + table, Long.class);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void tabulaWorksOnTheTransactionsConnection(String db) {
        assertTrue(shop(db).sameConnection(), "engine.connect() and engine.transaction() use Spring's connection");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCommitPersistsTabulaAndJdbcTemplateWork(String db) {
        ShopService shop = shop(db);
        shop.place(1, false);
        shop.placeConnected(2, false);
        assertEquals(List.of(1L, 2L), ids(shop, "spring_orders"));
        assertEquals(List.of(1L, 2L), ids(shop, "spring_audit"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anExceptionRollsBackTabulaAndJdbcTemplateWorkTogether(String db) {
        ShopService shop = shop(db);
        assertThrows(IllegalStateException.class, () -> shop.place(1, true));
        assertThrows(IllegalStateException.class, () -> shop.placeConnected(2, true));
        assertEquals(List.of(), ids(shop, "spring_orders"), "Tabula's inserts were not committed on their own");
        assertEquals(List.of(), ids(shop, "spring_audit"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailedTabulaBlockMarksTheSpringTransactionRollbackOnly(String db) {
        ShopService shop = shop(db);
        assertThrows(UnexpectedRollbackException.class, () -> shop.swallowTabulaFailure(1));
        assertEquals(List.of(), ids(shop, "spring_audit"), "JdbcTemplate's work is rolled back too");
        assertEquals(List.of(), ids(shop, "spring_orders"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailedStatementMarksTheSpringTransactionRollbackOnly(String db) {
        ShopService shop = shop(db);
        assertThrows(UnexpectedRollbackException.class, () -> shop.swallowStatementFailure(1));
        assertEquals(List.of(), ids(shop, "spring_orders"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void nestedTakesASavepointInTheSpringTransaction(String db) {
        ShopService shop = shop(db);
        shop.placeWithOptionalGift(10);
        assertEquals(List.of(10L), ids(shop, "spring_orders"), "the gift's savepoint was rolled back, the order kept");
        assertEquals(List.of(10L), ids(shop, "spring_audit"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void requiresNewCommitsOnAConnectionOfItsOwn(String db) {
        ShopService shop = shop(db);
        assertThrows(IllegalStateException.class, () -> shop.auditEvenIfFailing(5));
        assertEquals(List.of(5L), ids(shop, "spring_orders"), "the REQUIRES_NEW block committed by itself");
        assertEquals(List.of(), ids(shop, "spring_audit"), "the Spring transaction rolled back");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void propagationRulesApplyToTheSpringTransaction(String db) {
        ShopService shop = shop(db);
        assertThrows(TransactionStateException.class, shop::never);
        assertTrue(shop.readOnlyJoin(), "a read-only block joins a read-only Spring transaction");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void transactionTemplateWorksAsTransactional(String db) {
        ShopService shop = shop(db);
        TransactionTemplate tx = TestDatabases.shop(db).getBean(TransactionTemplate.class);
        assertThrows(IllegalStateException.class, () -> tx.executeWithoutResult(status -> {
            shop.engine().begin(conn -> conn.execute(insert(ORDERS).set(ORDERS.id, 7L).set(ORDERS.item, "cup")));
            shop.audit(7, "placed");
            throw new IllegalStateException("refused");
        }));
        assertEquals(0, count(shop, "spring_orders") + count(shop, "spring_audit"));
        tx.executeWithoutResult(status -> {
            shop.engine().begin(conn -> conn.execute(insert(ORDERS).set(ORDERS.id, 8L).set(ORDERS.item, "cup")));
            shop.audit(8, "placed");
        });
        assertEquals(List.of(8L), ids(shop, "spring_orders"));
        assertEquals(List.of(8L), ids(shop, "spring_audit"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void outsideASpringTransactionTabulaCommitsItself(String db) {
        ShopService shop = shop(db);
        shop.engine().begin(conn -> conn.execute(insert(ORDERS).set(ORDERS.id, 3L).set(ORDERS.item, "mug")));
        assertThrows(IllegalStateException.class, () -> shop.engine().begin(conn -> {
            conn.execute(insert(ORDERS).set(ORDERS.id, 4L).set(ORDERS.item, "mug"));
            throw new IllegalStateException("refused");
        }));
        assertEquals(List.of(3L), ids(shop, "spring_orders"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSessionFlushesIntoTheSpringTransaction(String db) {
        ShopService shop = shop(db);
        long id = shop.note("kept", false);
        assertEquals(List.of(id), ids(shop, "spring_notes"));
        assertEquals(List.of(id), ids(shop, "spring_audit"));
        assertThrows(IllegalStateException.class, () -> shop.note("dropped", true));
        assertEquals(List.of(id), ids(shop, "spring_notes"), "the flushed INSERT rolled back with Spring's transaction");
        assertEquals(List.of(id), ids(shop, "spring_audit"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theTransactionBoundSessionFlushesAtSpringsCommit(String db) {
        ShopService shop = shop(db);
        shop.noteBound("kept", false);
        assertEquals(1, count(shop, "spring_notes"));
        assertThrows(IllegalStateException.class, () -> shop.noteBound("dropped", true));
        assertEquals(1, count(shop, "spring_notes"));
        assertThrows(IllegalStateException.class, () -> SpringSessions.current(shop.sessions()));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void sessionsBeginJoinsTheSpringTransaction(String db) {
        ShopService shop = shop(db);
        shop.noteJoined("kept", false);
        assertThrows(IllegalStateException.class, () -> shop.noteJoined("dropped", true));
        assertEquals(1, count(shop, "spring_notes"));
    }
}
