package org.tabula.orm;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;
import org.tabula.result.Result;
import org.tabula.result.Row;

/**
 * The objects of an entity query read from a streaming cursor, a chunk at a time
 * (SQLAlchemy's {@code yield_per()} with {@code partitions()}), from
 * {@link EntityQuery#partitions(int, boolean)}. Each chunk's rows become objects through the
 * identity map as usual. With {@code expunge}, the objects a chunk brought into the session leave
 * it when the next chunk is read (or the partitions are closed), unless they were changed, added
 * to or deleted from the session meanwhile, so the identity map stays bounded by one chunk plus
 * what you modified; expunged objects are detached (their unloaded relationships and deferred
 * columns can no longer load). Objects the session held before stay. Close it (try-with-resources)
 * to free the cursor; a commit or rollback of the session closes it too.
 *
 * <pre>{@code
 * try (EntityPartitions<User> parts = session.select(User.class).orderBy(User_.id.asc()).partitions(500, true)) {
 *     for (List<User> chunk : parts) {
 *         chunk.forEach(u -> export(u));
 *     }
 * }
 * }</pre>
 *
 * @param <T> the entity class
 */
public final class EntityPartitions<T> implements Iterator<List<T>>, Iterable<List<T>>, AutoCloseable {

    private final Session session;
    private final EntityMapping<T> mapping;
    private final Result result;
    private final Iterator<Row> rows;
    private final int size;
    private final boolean expunge;
    private List<Object> broughtIn = List.of();
    private boolean closed;

    private final @Nullable Undeferred undeferred;
    private final int width;                           // the entity's own columns; undeferred ones follow
    private final @Nullable LoadStrategies eager;

    EntityPartitions(Session session, EntityMapping<T> mapping, Result result, int size, boolean expunge,
                     @Nullable Undeferred undeferred, int width, @Nullable LoadStrategies eager) {
        this.session = session;
        this.mapping = mapping;
        this.result = result;
        this.rows = result.iterator();
        this.size = size;
        this.expunge = expunge;
        this.undeferred = undeferred;
        this.width = width;
        this.eager = eager;
    }

    /**
     * Whether another chunk follows (reads from the cursor, may block).
     *
     * <pre>{@code
     * try (EntityPartitions<User> parts = session.select(User.class).partitions(500, true)) {
     *     while (parts.hasNext()) {
     *         parts.next().forEach(u -> export(u));
     *     }
     * }
     * }</pre>
     */
    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        if (!rows.hasNext()) {
            close();
            return false;
        }
        return true;
    }

    /**
     * The next chunk of at most {@code size} objects; with {@code expunge}, the previous chunk's objects leave the session first.
     *
     * <pre>{@code
     * try (EntityPartitions<User> parts = session.select(User.class).partitions(500, true)) {
     *     List<User> firstChunk = parts.next();
     * }
     * }</pre>
     */
    @Override
    public List<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more " + mapping.entityClass().getSimpleName() + " rows");
        }
        expungePrevious();
        List<T> chunk = new ArrayList<>(Math.min(size, 1024));
        List<Object> fresh = expunge ? new ArrayList<>(Math.min(size, 1024)) : null;
        while (chunk.size() < size && rows.hasNext()) {
            Row row = rows.next();
            Object[] values = mapping.fromRow(row);
            T entity = session.materialize(mapping, undeferred == null ? values : undeferred.fill(values, row, width), fresh);
            chunk.add(entity);
        }
        if (eager != null) {
            session.loadChunk(chunk, eager, fresh);      // between two reads of the cursor
        }
        if (expunge) {
            broughtIn = fresh;
        }
        return chunk;
    }

    /**
     * This object as the iterable of a for-each loop (once).
     *
     * <pre>{@code
     * try (EntityPartitions<User> parts = session.select(User.class).partitions(500, true)) {
     *     for (List<User> chunk : parts) {
     *         chunk.forEach(u -> export(u));
     *     }
     * }
     * }</pre>
     */
    @Override
    public Iterator<List<T>> iterator() {
        return this;
    }

    /**
     * Frees the cursor; with {@code expunge}, the last chunk's objects leave the session.
     *
     * <pre>{@code
     * EntityPartitions<User> parts = session.select(User.class).partitions(500, true);
     * try {
     *     export(parts.next());
     * } finally {
     *     parts.close();   // the result set and its statement
     * }
     * }</pre>
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            result.close();
        } finally {
            if (!session.isClosed()) {
                expungePrevious();
            }
        }
    }

    private void expungePrevious() {
        for (Object o : broughtIn) {
            if (session.contains(o) && !session.isModified(o)) {
                session.expunge(o);
            }
        }
        broughtIn = List.of();
    }
}
