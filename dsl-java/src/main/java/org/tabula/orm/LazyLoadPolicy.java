package org.tabula.orm;

import org.jspecify.annotations.Nullable;

/**
 * Decides, per session, whether an <em>implicit</em> lazy load may run: reading an unloaded
 * {@link Ref}, {@link RelatedList} or deferred {@link Lazy} column, which would run SQL on the
 * calling thread. A session has none by default (every lazy load runs, as always); a coroutine
 * layer installs one that refuses loads outside its own JDBC calls, so that no blocking I/O
 * happens behind a suspend API's back (SQLAlchemy's asyncio ORM raises the same way).
 *
 * <pre>{@code
 * session.lazyLoadPolicy((owner, attribute, name) ->
 *         new OrmException(name + " is not loaded; load it with options(selectIn(...))"));
 * user.posts.size();        // throws that exception instead of running SELECT ... FROM posts
 * session.lazyLoadPolicy(null);   // lazy loads run again
 * }</pre>
 */
@FunctionalInterface
public interface LazyLoadPolicy {

    /**
     * Called before an implicit lazy load runs SQL; returns {@code null} to let it run, or the
     * exception to throw instead (the read fails with it and nothing is loaded).
     *
     * <pre>{@code
     * LazyLoadPolicy strict = (owner, attribute, name) -> new OrmException(name + " is not loaded");
     * session.lazyLoadPolicy(strict);
     * }</pre>
     *
     * @param owner     the object whose attribute would load; {@code null} for a {@link Lazy} made
     *                  by {@link Lazy#loading} outside a mapping
     * @param attribute the mapped attribute: a {@link RelationshipAttribute}, or the
     *                  {@link ColumnAttribute} of a deferred column; {@code null} as for {@code owner}
     * @param name      the attribute for messages, such as {@code User.posts}
     *
     * @return {@code null} to let the load run, or the exception to throw instead
     */
    @Nullable RuntimeException refusal(Object owner, Attribute attribute, String name);
}
