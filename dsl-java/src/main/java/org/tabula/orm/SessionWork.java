package org.tabula.orm;

/** Work done with a session inside a transaction, returning nothing; any exception rolls it back. */
@FunctionalInterface
public interface SessionWork {
    void run(Session session) throws Exception;
}
