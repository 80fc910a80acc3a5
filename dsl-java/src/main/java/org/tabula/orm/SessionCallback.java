package org.tabula.orm;

/** Work done with a session inside a transaction, returning a value; any exception rolls it back. */
@FunctionalInterface
public interface SessionCallback<T> {
    T run(Session session) throws Exception;
}
