package org.tabula.orm;

/**
 * Work done with a session inside a transaction, returning nothing; any exception rolls it back.
 *
 * <pre>{@code
 * sessions.begin(session -> session.add(new User("ann")));
 * }</pre>
 */
@FunctionalInterface
public interface SessionWork {
    /**
     * Does the work.
     *
     * <pre>{@code
     * SessionWork addAnn = s -> s.add(new User("ann"));
     * sessions.begin(addAnn);
     * }</pre>
     *
     * @param session the session, inside its transaction
     * @throws Exception any failure, which rolls the transaction back
     */
    void run(Session session) throws Exception;
}
