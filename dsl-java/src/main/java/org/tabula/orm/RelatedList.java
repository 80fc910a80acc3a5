package org.tabula.orm;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;

/**
 * A to-many relationship attribute (one-to-many, or many-to-many through a link table): an
 * ordinary mutable {@link List} that loads itself on first access and turns additions and
 * removals into foreign keys, link rows and (with {@link Cascade#DELETE_ORPHAN}) deletes at flush.
 * Adding an object sets its back reference ({@link Relationship#backPopulates()}); removing it
 * clears it.
 *
 * <pre>{@code
 * @Entity class User extends Model {
 *     @Relationship(backPopulates = "author", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
 *     public final RelatedList<Post> posts = new RelatedList<>(this);
 * }
 *
 * ann.posts.add(post);           // post.author.get() == ann; INSERT/UPDATE sets posts.author_id at flush
 * ann.posts.remove(post);        // delete-orphan: DELETE FROM posts ... at flush
 * for (Post p : ann.posts) { }   // SELECT ... WHERE author_id = ? on first access (lazy select)
 * }</pre>
 *
 * <p>In Kotlin it is a {@code MutableList<Post>}: {@code val posts = RelatedList<Post>(this)}.
 *
 * @param <T> the related entity class
 */
public final class RelatedList<T> extends AbstractList<T> implements RandomAccess {

    /** The ORM's side: owner, attribute, loading session, loaded flag. */
    final RelationHolder.Many holder;
    private ArrayList<T> items = new ArrayList<>();
    private final Set<Object> added = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Object> removed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Object> discarded = Collections.newSetFromMap(new IdentityHashMap<>());   // added, then removed before a flush

    /**
     * An empty collection, owner bound when its object is added to a session.
     *
     * <pre>{@code
     * public final RelatedList<Post> posts = new RelatedList<>();   // a RelatedList without an owner: a plain list
     * }</pre>
     */
    public RelatedList() {
        this.holder = new RelationHolder.Many(this, null);
    }

    /**
     * An empty collection of {@code owner}, kept in sync with the other side right away.
     *
     * <pre>{@code
     * @Relationship(backPopulates = "author") public final RelatedList<Post> posts = new RelatedList<>(this);
     * }</pre>
     *
     * @param owner the entity whose field holds this collection
     */
    public RelatedList(Object owner) {
        this.holder = new RelationHolder.Many(this, owner);
    }

    @Override
    public T get(int index) {
        ensureLoaded();
        return items.get(index);
    }

    @Override
    public int size() {
        ensureLoaded();
        return items.size();
    }

    @Override
    public void add(int index, T element) {
        Objects.requireNonNull(element, "a relationship collection holds no nulls");
        ensureLoaded();
        items.add(index, element);
        modCount++;
        noteAdded(element);
        RelationshipAttribute attr = holder.attribute();
        if (attr != null) {
            attr.afterLink(holder.owner(), element);
        }
    }

    @Override
    public T set(int index, T element) {
        Objects.requireNonNull(element, "a relationship collection holds no nulls");
        ensureLoaded();
        T old = items.set(index, element);
        if (old != element) {
            noteRemoved(old);
            noteAdded(element);
            RelationshipAttribute attr = holder.attribute();
            if (attr != null) {
                attr.afterUnlink(holder.owner(), old);
                attr.afterLink(holder.owner(), element);
            }
        }
        return old;
    }

    @Override
    public T remove(int index) {
        ensureLoaded();
        T old = items.remove(index);
        modCount++;
        noteRemoved(old);
        RelationshipAttribute attr = holder.attribute();
        if (attr != null) {
            attr.afterUnlink(holder.owner(), old);
        }
        return old;
    }

    @Override
    public java.util.Iterator<T> iterator() {
        ensureLoaded();      // before the iterator records the modification count
        return super.iterator();
    }

    @Override
    public java.util.ListIterator<T> listIterator(int index) {
        ensureLoaded();
        return super.listIterator(index);
    }

    @Override
    public java.util.Spliterator<T> spliterator() {
        ensureLoaded();
        return super.spliterator();
    }

    /**
     * Whether the collection is loaded (reading it runs no SQL).
     *
     * <pre>{@code
     * boolean loaded = ann.posts.isLoaded();   // false until first access or a load option
     * }</pre>
     *
     * @return true once loaded
     */
    public boolean isLoaded() {
        return holder.isLoaded();
    }

    @Override
    public String toString() {
        return holder.isLoaded() ? items.toString() : "[<not loaded: " + holder.describe() + ">]";
    }

    // ---------------------------------------------------------------- ORM side

    private void ensureLoaded() {
        if (!holder.isLoaded()) {
            holder.load();
        }
    }

    private void noteAdded(Object e) {
        discarded.remove(e);
        if (!removed.remove(e)) {
            added.add(e);
        }
    }

    private void noteRemoved(Object e) {
        if (added.remove(e)) {
            discarded.add(e);
        } else {
            removed.add(e);
        }
    }

    /** Adds without sync events (the other side changed); skipped when not loaded: a later load sees the row. */
    @SuppressWarnings("unchecked")
    void internalAdd(Object e) {
        if (holder.isLoaded() && !containsSame(e)) {
            items.add((T) e);
            modCount++;
            noteAdded(e);
        }
    }

    void internalRemove(Object e) {
        if (!holder.isLoaded()) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == e) {
                items.remove(i);
                modCount++;
                noteRemoved(e);
                return;
            }
        }
    }

    /** Drops objects whose rows were deleted, without tracking it as a change. */
    void forget(java.util.Map<Object, Boolean> deleted) {
        if (holder.isLoaded() && items.removeIf(deleted::containsKey)) {
            modCount++;
        }
        added.removeIf(deleted::containsKey);
        removed.removeIf(deleted::containsKey);
        discarded.removeIf(deleted::containsKey);
    }

    boolean containsSame(Object e) {
        for (T item : items) {
            if (item == e) {
                return true;
            }
        }
        return false;
    }

    Set<Object> added() {
        return added;
    }

    Set<Object> removed() {
        return removed;
    }

    Set<Object> discarded() {
        return discarded;
    }

    @SuppressWarnings("unchecked")
    void setItems(Object value) {
        this.items = value == null ? new ArrayList<>() : new ArrayList<>((List<T>) value);
    }

    void clearChanges() {
        added.clear();
        removed.clear();
        discarded.clear();
    }

    @SuppressWarnings("unchecked")
    List<Object> items() {
        return (List<Object>) (List<?>) items;
    }
}
