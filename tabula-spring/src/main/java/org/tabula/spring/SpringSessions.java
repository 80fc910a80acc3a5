package org.tabula.spring;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tabula.orm.Session;
import org.tabula.orm.SessionFactory;

/**
 * ORM sessions bound to the Spring transaction, as Hibernate's {@code getCurrentSession()}: the
 * first call inside a transaction opens a session, later calls in the same transaction return
 * it; it flushes just before Spring commits and closes when the transaction ends, so its objects
 * are detached then. Its statements run on the transaction's connection (the factory's engine
 * must be a {@link SpringEngine}), so a rollback, Spring's or caused by any failure, undoes them
 * together with {@code JdbcTemplate}'s.
 *
 * <pre>{@code
 * @Transactional
 * public long register(String name) {
 *     Session session = SpringSessions.current(sessions);
 *     User user = new User(name);
 *     session.add(user);
 *     session.flush();                 // the INSERT, in Spring's transaction; the id is set
 *     return user.id;
 * }                                    // Spring commits (flushing whatever is pending first)
 * }</pre>
 *
 * <p>Without this, a session opened with {@code sessions.openSession()} inside a Spring
 * transaction works on its connection too, and {@code session.commit()} flushes but leaves the
 * commit to Spring; {@code sessions.begin(...)} joins the transaction and flushes at its end.
 */
public final class SpringSessions {

    private SpringSessions() {
    }

    /**
     * The session of the current Spring transaction for {@code sessions}, opened on first use.
     *
     * <pre>{@code
     * Session session = SpringSessions.current(sessions);
     * }</pre>
     *
     * @throws IllegalStateException outside a Spring transaction
     */
    public static Session current(SessionFactory sessions) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("SpringSessions.current(...) needs a Spring transaction on this thread"
                    + " (@Transactional or TransactionTemplate); outside one use sessions.openSession()");
        }
        if (TransactionSynchronizationManager.getResource(sessions) instanceof Session bound) {
            return bound;
        }
        Session session = sessions.openSession();
        TransactionSynchronizationManager.bindResource(sessions, session);
        TransactionSynchronizationManager.registerSynchronization(new Binding(sessions, session));
        return session;
    }

    /** Flushes the session before the commit and closes it after the end of its transaction. */
    private record Binding(SessionFactory key, Session session) implements TransactionSynchronization {

        @Override
        public void suspend() {
            // A REQUIRES_NEW transaction gets a session of its own; this one comes back with resume().
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(key, session);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!readOnly && !session.isClosed()) {
                session.flush();
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
            session.close();
        }
    }
}
