package org.tabula.orm;

import org.jspecify.annotations.Nullable;

/**
 * The loader abstraction behind {@link Lazy}: how one attribute's value is fetched through a
 * session when first read (a deferred column, a related object, a collection).
 *
 * @param <T> the loaded value's type
 *
 * <pre>{@code
 * Lazy<Long> posts = Lazy.loading("User.postCount", session,
 *         s -> s.select(Post.class).where(Post_.authorId.eq(id)).count());
 * }</pre>
 */
@FunctionalInterface
public interface LazyLoader<T extends @Nullable Object> {
    /**
     * Loads the value.
     *
     * <pre>{@code
     * LazyLoader<Long> postCount = s -> s.select(Post.class).where(Post_.authorId.eq(id)).count();
     * }</pre>
     *
     * @param session the owner's open session
     * @return the loaded value
     */
    T load(Session session);
}
