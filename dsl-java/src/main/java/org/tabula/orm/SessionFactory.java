package org.tabula.orm;

import java.util.Objects;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.TransactionOptions;

/**
 * Makes sessions bound to an {@link Engine}: SQLAlchemy's {@code sessionmaker}. Immutable and
 * thread-safe; options return a new factory.
 *
 * <pre>{@code
 * SessionFactory sessions = SessionFactory.of(engine).expireOnCommit(false);
 *
 * try (Session session = sessions.openSession()) { ... session.commit(); }
 *
 * sessions.begin(session -> session.add(new User("ann")));          // commit, or roll back on exception
 * long id = sessions.inTransaction(session -> {
 *     User bob = new User("bob");
 *     session.add(bob);
 *     session.flush();
 *     return bob.id;
 * });
 * }</pre>
 */
public final class SessionFactory {

    private final Engine engine;
    private final boolean autoflush;
    private final boolean expireOnCommit;

    private SessionFactory(Engine engine, boolean autoflush, boolean expireOnCommit) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.autoflush = autoflush;
        this.expireOnCommit = expireOnCommit;
    }

    /** A factory with autoflush and expire-on-commit on, as in SQLAlchemy. */
    public static SessionFactory of(Engine engine) {
        return new SessionFactory(engine, true, true);
    }

    /** Whether queries (and {@code get} misses) flush pending changes first. */
    public SessionFactory autoflush(boolean value) {
        return new SessionFactory(engine, value, expireOnCommit);
    }

    /** Whether {@code commit()} expires every object, so the next access through the session reloads it. */
    public SessionFactory expireOnCommit(boolean value) {
        return new SessionFactory(engine, autoflush, value);
    }

    public boolean autoflush() {
        return autoflush;
    }

    public boolean expireOnCommit() {
        return expireOnCommit;
    }

    public Engine engine() {
        return engine;
    }

    /** A new session; it takes a pooled connection on first use and gives it back at commit, rollback and close. */
    public Session openSession() {
        return new Session(engine, null, autoflush, expireOnCommit);
    }

    /**
     * A session working on a connection you own (for example one already in a transaction, or
     * driven by a coroutine layer): {@code commit()} commits it, {@code close()} leaves it open.
     */
    public Session openSession(Connection connection) {
        return new Session(engine, Objects.requireNonNull(connection, "connection"), autoflush, expireOnCommit);
    }

    /**
     * Runs {@code work} in a new session and commits; rolls back and rethrows on exception; always
     * closes. Inside an {@code engine.begin}/{@code transaction} block (or another
     * {@code sessions.begin}) on this thread, the session joins that transaction: it flushes at
     * the end and the outer block commits.
     */
    public void begin(SessionWork work) {
        begin(TransactionOptions.defaults(), work);
    }

    /** Like {@link #begin} with a result. */
    public <T> T inTransaction(SessionCallback<T> work) {
        return inTransaction(TransactionOptions.defaults(), work);
    }

    /** {@link #begin(SessionWork)} with isolation, read-only and propagation. */
    public void begin(TransactionOptions options, SessionWork work) {
        inTransaction(options, session -> {
            work.run(session);
            return null;
        });
    }

    /**
     * Runs {@code work} in a session whose transaction is shaped by {@code options}, as
     * {@link Engine#transaction(TransactionOptions, org.tabula.engine.TransactionCallback)} shapes
     * a Core one; the session flushes when {@code work} returns and the transaction commits (unless
     * it joined an outer one). On an exception the transaction rolls back and the session forgets
     * what it did, as {@link Session#rollback()} does.
     *
     * <pre>{@code
     * User user = sessions.inTransaction(TransactionOptions.isolation(Isolation.SERIALIZABLE), session -> {
     *     User u = session.getOne(User.class, id);
     *     u.balance -= 10;
     *     return u;
     * });
     * }</pre>
     */
    public <T> T inTransaction(TransactionOptions options, SessionCallback<T> work) {
        Objects.requireNonNull(work, "work");
        return engine.transaction(options, conn -> {
            try (Session session = openSession(conn)) {
                try {
                    T result = work.run(session);
                    session.flush();
                    return result;
                } catch (Throwable t) {
                    session.afterExternalRollback();
                    throw t;
                }
            }
        });
    }
}
