package org.tabula.orm;

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
 *     @Column(references = User.class) public Long authorId;
 *     @Relationship(backPopulates = "posts") public final Ref<User> author = new Ref<>(this);
 * }
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

    private Object owner;
    private RelationshipAttribute attribute;
    private Session session;
    private boolean loaded = true;
    private T value;
    private boolean changed;
    private Object original;     // the value as last loaded, when changed since
    private boolean hasOriginal;

    /** An empty reference, owner bound when its object is added to a session. */
    public Ref() {
    }

    /** An empty reference of {@code owner}, kept in sync with the other side right away. */
    public Ref(Object owner) {
        this.owner = owner;
    }

    /** The related object, loading it on first access; {@code null} when there is none. */
    public T get() {
        if (!loaded) {
            load();
        }
        return value;
    }

    /** {@link #get()} as an Optional. */
    public Optional<T> find() {
        return Optional.ofNullable(get());
    }

    /** Replaces the related object ({@code null} to clear it); the other side follows. */
    public void set(T newValue) {
        RelationshipAttribute attr = attribute();
        Object old = currentForSync();
        internalSet(newValue);
        if (attr != null && old != newValue) {
            if (old != null) {
                attr.afterUnlink(owner, old);
            }
            if (newValue != null) {
                attr.afterLink(owner, newValue);
            }
        }
    }

    /** Whether the value is loaded (reading it runs no SQL). */
    public boolean isLoaded() {
        return loaded;
    }

    @Override
    public String toString() {
        return loaded ? "Ref(" + value + ")" : "Ref(<not loaded: " + (attribute == null ? "?" : attribute.qualifiedName()) + ">)";
    }

    // ---------------------------------------------------------------- ORM side

    private void load() {
        RelationshipAttribute attr = attribute();
        String name = attr == null ? "a relationship" : attr.qualifiedName();
        if (session == null || session.isClosed()) {
            throw new DetachedInstanceException("cannot load " + name + ": its object is detached (its session is "
                    + (session == null ? "gone" : "closed") + "); load it before closing the session (selectIn/joined), or merge() the object into an open one");
        }
        @SuppressWarnings("unchecked")
        T loadedValue = (T) session.loadRelationship(owner, attr);
        populate(loadedValue);
    }

    Object currentForSync() {
        if (loaded) {
            return value;
        }
        if (session != null && !session.isClosed()) {
            RelationshipAttribute attr = attribute();
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
            original = loaded ? value : null;
            hasOriginal = true;
        }
        value = (T) newValue;
        loaded = true;
        session = null;
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

    void bind(Object newOwner, RelationshipAttribute attr) {
        this.owner = newOwner;
        this.attribute = attr;
    }

    Object owner() {
        return owner;
    }

    void unload(Session loader) {
        this.session = loader;
        this.loaded = false;
        this.value = null;
        clearChanges();
    }

    @SuppressWarnings("unchecked")
    void populate(Object loadedValue) {
        this.value = (T) loadedValue;
        this.loaded = true;
        this.session = null;
        clearChanges();
    }

    void clearChanges() {
        changed = false;
        hasOriginal = false;
        original = null;
    }

    java.util.List<Object> loadedValues() {
        return loaded && value != null ? java.util.List.of(value) : java.util.List.of();
    }

    RelationshipAttribute attribute() {
        if (attribute == null && owner != null) {
            attribute = Mapper.mapping(owner.getClass()).relationshipHolding(owner, this);
        }
        return attribute;
    }
}
