package org.tabula.orm;

import org.jspecify.annotations.Nullable;

/**
 * Work done with a session inside a transaction, returning a value; any exception rolls it back.
 *
 * <pre>{@code
 * long users = sessions.inTransaction(session -> session.select(User.class).count());
 * }</pre>
 */
@FunctionalInterface
public interface SessionCallback<T extends @Nullable Object> {
    /**
     * Does the work.
     *
     * <pre>{@code
     * SessionCallback<Long> count = s -> s.select(User.class).count();
     * long users = sessions.inTransaction(count);
     * }</pre>
     *
     * @param session the session, inside its transaction
     * @return the work's result
     * @throws Exception any failure, which rolls the transaction back
     */
    T run(Session session) throws Exception;
}
