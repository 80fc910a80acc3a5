package org.tabula.orm;

import org.jspecify.annotations.Nullable;

import java.util.Optional;

/**
 * A to-one relationship attribute: many-to-one (this entity holds the foreign key) or one-to-one.
 * Reading it with {@link #get()} loads the related object on first access (through the session
 * that loaded the owner); {@link #set} replaces it and keeps the other side
 * ({@link Relationship#backPopulates()}) in sync. The foreign key column is written from the
 * related object's key at flush, after that object is inserted.
 *
 * <pre>{@code
 * @Entity class Post extends Model {
 *     @MappedColumn(references = User.class) public Long authorId;
 *     @Relationship(backPopulates = "posts") public final Ref<User> author = new Ref<>(this);
 * }
 *
 * post.author.set(ann);          // ann.posts now contains post; post.authorId is set at flush
 * User who = post.author.get();  // loads on first access (from the identity map when it can)
 * }</pre>
 *
 * <p>Pass the owner ({@code new Ref<>(this)}) so that back references stay in sync before the
 * object reaches a session; a holder created without it is bound when the object is added.
 * In Kotlin: {@code val author = Ref<User>(this)}.
 *
 * @param <T> the related entity class
 */
public final class Ref<T> {

    /** The ORM's side: owner, attribute, loading session, loaded flag. */
    final RelationHolder.One holder;
    private T value;
    private boolean changed;
    private Object original;     // the value as last loaded, when changed since
    private boolean hasOriginal;

    /**
     * An empty reference, owner bound when its object is added to a session.
     *
     * <pre>{@code
     * public final Ref<User> author = new Ref<>();   // a Ref without an owner: set and get only
     * }</pre>
     */
    public Ref() {
        this.holder = new RelationHolder.One(this, null);
    }

    /**
     * An empty reference of {@code owner}, kept in sync with the other side right away.
     *
     * <pre>{@code
     * @Relationship(backPopulates = "posts") public final Ref<User> author = new Ref<>(this);
     * }</pre>
     *
     * @param owner the entity whose field holds this reference
     */
    public Ref(Object owner) {
        this.holder = new RelationHolder.One(this, owner);
    }

    /**
     * The related object, loading it on first access.
     *
     * <pre>{@code
     * User who = post.author.get();   // loads on first access
     * }</pre>
     *
     * @return the related object, or {@code null} when there is none
     */
    public @Nullable T get() {
        if (!holder.isLoaded()) {
            holder.load();
        }
        return value;
    }

    /**
     * {@link #get()} as an Optional.
     *
     * <pre>{@code
     * String name = post.author.find().map(u -> u.name).orElse("nobody");
     * }</pre>
     *
     * @return the related object, or empty when there is none
     */
    public Optional<T> find() {
        return Optional.ofNullable(get());
    }

    /**
     * Replaces the related object; the other side follows.
     *
     * <pre>{@code
     * post.author.set(ann);   // ann.posts now contains post
     * }</pre>
     *
     * @param newValue the new related object, or {@code null} to clear it
     */
    public void set(@Nullable T newValue) {
        RelationshipAttribute attr = holder.attribute();
        Object old = currentForSync();
        internalSet(newValue);
        if (attr != null && old != newValue) {
            if (old != null) {
                attr.afterUnlink(holder.owner(), old);
            }
            if (newValue != null) {
                attr.afterLink(holder.owner(), newValue);
            }
        }
    }

    /**
     * Whether the value is loaded (reading it runs no SQL).
     *
     * <pre>{@code
     * boolean loaded = post.author.isLoaded();
     * }</pre>
     *
     * @return true once loaded or set
     */
    public boolean isLoaded() {
        return holder.isLoaded();
    }

    @Override
    public String toString() {
        return holder.isLoaded() ? "Ref(" + value + ")" : "Ref(<not loaded: " + holder.describe() + ">)";
    }

    // ---------------------------------------------------------------- ORM side

    Object currentForSync() {
        if (holder.isLoaded()) {
            return value;
        }
        Session session = holder.session();
        if (session != null && !session.isClosed()) {
            RelationshipAttribute attr = holder.attribute();
            Object owner = holder.owner();
            if (attr != null && session.refusesLazyLoad(owner, attr, attr.qualifiedName()) != null) {
                // Not allowed to load: the old value matters only when the session holds it
                // (its back reference is in memory), which needs no SQL to find.
                return session.relatedWithoutLoading(owner, attr);
            }
            return session.withoutAutoflush(this::get);
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    void internalSet(Object newValue) {
        if (!hasOriginal) {
            original = holder.isLoaded() ? value : null;
            hasOriginal = true;
        }
        value = (T) newValue;
        holder.markLoaded();
        changed = true;
    }

    Object peek() {
        return value;
    }

    boolean isChanged() {
        return changed;
    }

    /** The value before the changes since the last load or flush. */
    Object original() {
        return hasOriginal ? original : value;
    }

    @SuppressWarnings("unchecked")
    void setValue(Object newValue) {
        this.value = (T) newValue;
    }

    void clearChanges() {
        changed = false;
        hasOriginal = false;
        original = null;
    }
}
