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
 * try (Session session = sessions.openSession()) { session.add(new User("ann")); session.commit(); }
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

    /**
     * A factory with autoflush and expire-on-commit on, as in SQLAlchemy.
     *
     * <pre>{@code SessionFactory sessions = SessionFactory.of(engine);}</pre>
     *
     * @param engine the engine sessions take their connections from
     * @return the factory
     */
    public static SessionFactory of(Engine engine) {
        return new SessionFactory(engine, true, true);
    }

    /**
     * Whether queries (and {@code get} misses) flush pending changes first.
     *
     * <pre>{@code SessionFactory manual = sessions.autoflush(false);}</pre>
     *
     * @param value true to flush before queries
     * @return a factory with the option set
     */
    public SessionFactory autoflush(boolean value) {
        return new SessionFactory(engine, value, expireOnCommit);
    }

    /**
     * Whether {@code commit()} expires every object, so the next access through the session reloads it.
     *
     * <pre>{@code SessionFactory keep = sessions.expireOnCommit(false);   // objects stay readable after commit}</pre>
     *
     * @param value true to expire objects at commit
     * @return a factory with the option set
     */
    public SessionFactory expireOnCommit(boolean value) {
        return new SessionFactory(engine, autoflush, value);
    }

    /**
     * Whether sessions of this factory autoflush.
     *
     * <pre>{@code
     * boolean auto = sessions.autoflush();   // true unless autoflush(false)
     * }</pre>
     *
     * @return the autoflush option
     */
    public boolean autoflush() {
        return autoflush;
    }

    /**
     * Whether sessions of this factory expire their objects at commit.
     *
     * <pre>{@code
     * boolean expire = sessions.expireOnCommit();
     * }</pre>
     *
     * @return the expire-on-commit option
     */
    public boolean expireOnCommit() {
        return expireOnCommit;
    }

    /**
     * The engine sessions take their connections from.
     *
     * <pre>{@code
     * Engine engine = sessions.engine();
     * }</pre>
     *
     * @return the engine
     */
    public Engine engine() {
        return engine;
    }

    /**
     * A new session; it takes a pooled connection on first use and gives it back at commit, rollback and close.
     *
     * <pre>{@code try (Session session = sessions.openSession()) { session.add(user); session.commit(); }}</pre>
     *
     * @return the session, to be closed by the caller
     */
    public Session openSession() {
        return new Session(engine, null, autoflush, expireOnCommit);
    }

    /**
     * A session working on a connection you own (for example one already in a transaction, or
     * driven by a coroutine layer): {@code commit()} commits it, {@code close()} leaves it open.
     *
     * <pre>{@code engine.begin(conn -> { Session session = sessions.openSession(conn); session.add(user); session.flush(); });}</pre>
     *
     * @param connection an open connection, owned by the caller
     * @return the session
     */
    public Session openSession(Connection connection) {
        return new Session(engine, Objects.requireNonNull(connection, "connection"), autoflush, expireOnCommit);
    }

    /**
     * Runs {@code work} in a new session and commits; rolls back and rethrows on exception; always
     * closes. Inside an {@code engine.begin}/{@code transaction} block (or another
     * {@code sessions.begin}) on this thread, the session joins that transaction: it flushes at
     * the end and the outer block commits.
     *
     * <pre>{@code sessions.begin(session -> session.add(new User("ann")));}</pre>
     *
     * @param work what to do with the session
     */
    public void begin(SessionWork work) {
        begin(TransactionOptions.defaults(), work);
    }

    /**
     * Like {@link #begin} with a result.
     *
     * <pre>{@code User ann = sessions.inTransaction(session -> session.getOne(User.class, id));}</pre>
     *
     * @param <T> the result type
     * @param work what to do with the session
     * @return what {@code work} returns
     */
    public <T> T inTransaction(SessionCallback<T> work) {
        return inTransaction(TransactionOptions.defaults(), work);
    }

    /**
     * {@link #begin(SessionWork)} with isolation, read-only and propagation.
     *
     * <pre>{@code sessions.begin(TransactionOptions.isolation(Isolation.REPEATABLE_READ), session -> session.getOne(User.class, id).age++);}</pre>
     *
     * @param options isolation, read-only and propagation of the transaction
     * @param work what to do with the session
     */
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
     *
     * @param <T> the result type
     * @param options isolation, read-only and propagation of the transaction
     * @param work what to do with the session
     * @return what {@code work} returns
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
