package org.tabula.orm;

import org.jspecify.annotations.Nullable;

/** Work done with a session inside a transaction, returning a value; any exception rolls it back. */
@FunctionalInterface
public interface SessionCallback<T extends @Nullable Object> {
    T run(Session session) throws Exception;
}
