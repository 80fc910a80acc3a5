package org.tabula.spring;

import static org.tabula.Sql.insert;
import static org.tabula.spring.ShopSchema.ORDERS;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.annotation.Transactional;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.Propagation;
import org.tabula.engine.TransactionOptions;
import org.tabula.orm.Session;
import org.tabula.orm.SessionFactory;

/** A service as applications write them: Tabula and JdbcTemplate in one {@code @Transactional} method. */
public class ShopService {

    final Engine engine;
    final JdbcTemplate jdbc;
    final SessionFactory sessions;
    final DataSource dataSource;

    public ShopService(Engine engine, JdbcTemplate jdbc, SessionFactory sessions, DataSource dataSource) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.dataSource = dataSource;
    }

    // Callers hold the transactional proxy, whose fields are empty: they reach these through methods.
    public Engine engine() {
        return engine;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public SessionFactory sessions() {
        return sessions;
    }

    void order(Connection conn, long id, String item) {
        conn.execute(insert(ORDERS).set(ORDERS.id, id).set(ORDERS.item, item));
    }

    public void audit(long id, String event) {
        jdbc.update("insert into spring_audit (id, event) values (?, ?)", id, event);
    }

    /** An order through Tabula's begin, an audit row through JdbcTemplate; fails after both when asked. */
    @Transactional
    public void place(long id, boolean fail) {
        engine.begin(conn -> order(conn, id, "book"));
        audit(id, "placed");
        if (fail) {
            throw new IllegalStateException("payment refused");
        }
    }

    /** The same with engine.connect() and no commit of Tabula's own. */
    @Transactional
    public void placeConnected(long id, boolean fail) {
        try (Connection conn = engine.connect()) {
            order(conn, id, "pen");
            conn.commit(); // leaves the commit to Spring
        }
        audit(id, "placed");
        if (fail) {
            throw new IllegalStateException("payment refused");
        }
    }

    /** Whether Tabula's connection inside the transaction is the one JdbcTemplate uses. */
    @Transactional
    public boolean sameConnection() {
        java.sql.Connection spring = DataSourceUtils.getConnection(dataSource);
        try (Connection conn = engine.connect()) {
            boolean viaConnect = conn.jdbc() == spring;
            boolean viaBegin = engine.transaction(c -> c.jdbc() == spring);
            return viaConnect && viaBegin;
        } finally {
            DataSourceUtils.releaseConnection(spring, dataSource);
        }
    }

    /** A Tabula block fails and the service swallows its exception: Spring's commit must roll back. */
    @Transactional
    public void swallowTabulaFailure(long id) {
        audit(id, "before");
        try {
            engine.begin(conn -> {
                order(conn, id, "book");
                throw new IllegalArgumentException("out of stock");
            });
        } catch (IllegalArgumentException expected) {
            // the service goes on; the transaction is rollback-only all the same
        }
    }

    /** A statement fails (duplicate key) and the service swallows it. */
    @Transactional
    public void swallowStatementFailure(long id) {
        try (Connection conn = engine.connect()) {
            order(conn, id, "book");
            try {
                order(conn, id, "again");
            } catch (RuntimeException expected) {
                // duplicate key: caught, the transaction is doomed anyway
            }
        }
    }

    /** A NESTED block fails: its savepoint is rolled back, the rest of the Spring transaction commits. */
    @Transactional
    public void placeWithOptionalGift(long id) {
        engine.begin(conn -> order(conn, id, "book"));
        try {
            engine.begin(TransactionOptions.propagation(Propagation.NESTED), conn -> {
                order(conn, id + 1, "gift");
                throw new IllegalStateException("no gift today");
            });
        } catch (IllegalStateException expected) {
            // only the savepoint is gone
        }
        audit(id, "placed");
    }

    /** A REQUIRES_NEW block commits on its own connection; the Spring transaction then fails. */
    @Transactional
    public void auditEvenIfFailing(long id) {
        engine.begin(TransactionOptions.propagation(Propagation.REQUIRES_NEW), conn -> order(conn, id, "attempt"));
        audit(id, "attempted");
        throw new IllegalStateException("payment refused");
    }

    /** A session flushes into Spring's transaction; session.commit() leaves the commit to Spring. */
    @Transactional
    public long note(String text, boolean fail) {
        long id;
        try (Session session = sessions.openSession()) {
            ShopSchema.Note note = new ShopSchema.Note(text);
            session.add(note);
            session.commit();
            id = note.id;
        }
        audit(id, "noted");
        if (fail) {
            throw new IllegalStateException("refused");
        }
        return id;
    }

    /** The transaction-bound session: nothing flushed by hand, Spring's commit flushes it. */
    @Transactional
    public void noteBound(String text, boolean fail) {
        Session session = SpringSessions.current(sessions);
        session.add(new ShopSchema.Note(text));
        if (SpringSessions.current(sessions) != session) {
            throw new AssertionError("one session per transaction");
        }
        if (fail) {
            throw new IllegalStateException("refused");
        }
    }

    /** sessions.begin joins Spring's transaction and flushes at its end. */
    @Transactional
    public void noteJoined(String text, boolean fail) {
        sessions.begin(session -> session.add(new ShopSchema.Note(text)));
        if (fail) {
            throw new IllegalStateException("refused");
        }
    }

    /** Tabula's NEVER inside a Spring transaction. */
    @Transactional
    public void never() {
        engine.begin(TransactionOptions.propagation(Propagation.NEVER), conn -> order(conn, 1, "never"));
    }

    /** A read-only Spring transaction: a read-only Tabula block joins it. */
    @Transactional(readOnly = true)
    public boolean readOnlyJoin() {
        return engine.transaction(TransactionOptions.readOnlyTransaction(), Connection::isReadOnly);
    }
}
