package org.tabula.orm;

import org.jspecify.annotations.Nullable;

/**
 * A holder for a value loaded on first access: the attribute kind that can intercept reads
 * without bytecode enhancement (relationship attributes are built on it). A loaded value reads
 * like a plain field forever, also after the session closes; an unloaded one asks its session,
 * and on a detached object fails with a {@link DetachedInstanceException} naming the attribute.
 *
 * <p>As an entity field it makes a <em>deferred column</em> (SQLAlchemy's {@code deferred()}):
 * queries leave the column out, and the first {@code get()} selects it by primary key.
 *
 * <pre>{@code
 * @Entity class User extends Model {
 *     public String name;
 *     @MappedColumn(text = true, nullable = true) public Lazy<String> bio = Lazy.of(null);
 * }
 *
 * user.bio.get();                     // SELECT bio FROM users WHERE id = ?  (once)
 * user.bio.set("hello");              // UPDATE at the next flush
 *
 * Lazy<String> bio = Lazy.loading("User.bio", session, s -> loadBio(s, id));
 * bio.get();                          // runs the loader once, then keeps the value
 * Lazy<String> ready = Lazy.of("hi"); // already loaded
 * }</pre>
 *
 * @param <T> the held value's type
 */
public final class Lazy<T extends @Nullable Object> {

    private final String attribute;
    private final Attribute mapped;          // the deferred column's attribute, or null
    private final Object[] ownerRef;         // its owner, set once the object exists, or null
    private Session session;
    private LazyLoader<T> loader;
    private T value;
    private boolean loaded;

    private Lazy(String attribute, Session session, LazyLoader<T> loader, T value, boolean loaded) {
        this(attribute, null, null, session, loader, value, loaded);
    }

    private Lazy(String attribute, Attribute mapped, Object[] ownerRef, Session session, LazyLoader<T> loader, T value,
                 boolean loaded) {
        this.attribute = attribute;
        this.mapped = mapped;
        this.ownerRef = ownerRef;
        this.session = session;
        this.loader = loader;
        this.value = value;
        this.loaded = loaded;
    }

    /**
     * An already loaded value.
     *
     * <pre>{@code
     * public Lazy<String> bio = Lazy.of(null);   // a new object's value, written at the first flush
     * }</pre>
     *
     * @param <T> the value's type
     * @param value the value
     * @return a loaded holder
     */
    public static <T extends @Nullable Object> Lazy<T> of(T value) {
        return new Lazy<>(null, null, null, value, true);
    }

    /**
     * A value loaded through {@code session} on first {@link #get()}; {@code attribute} names it in errors.
     *
     * <pre>{@code
     * Lazy<String> bio = Lazy.loading("User.bio", session, s -> loadBio(s, id));
     * }</pre>
     *
     * @param <T> the value's type
     * @param attribute the attribute's name, for messages
     * @param session the session to load through
     * @param loader runs the SQL on first {@link #get()}
     * @return an unloaded holder
     */
    public static <T extends @Nullable Object> Lazy<T> loading(String attribute, Session session, LazyLoader<T> loader) {
        return new Lazy<>(attribute, session, loader, null, false);
    }

    /** The unloaded holder of a deferred column of {@code ownerRef[0]}, for the session's {@link LazyLoadPolicy}. */
    static <T> Lazy<T> deferred(ColumnAttribute attribute, Object[] ownerRef, Session session, LazyLoader<T> loader) {
        return new Lazy<>(attribute.qualifiedName(), attribute, ownerRef, session, loader, null, false);
    }

    /**
     * The value, loading it first if needed.
     *
     * <pre>{@code
     * String bio = user.bio.get();   // SELECT bio FROM users WHERE id = ? the first time
     * }</pre>
     *
     * @return the value, possibly {@code null}
     * @throws DetachedInstanceException when it is not loaded and the session is closed
     */
    public T get() {
        if (!loaded) {
            if (session == null || session.isClosed()) {
                throw new DetachedInstanceException("cannot load " + attribute + ": its object is detached (its session is "
                        + (session == null ? "gone" : "closed") + "); load it before closing the session, or merge() the object into an open one");
            }
            session.checkLazyLoad(ownerRef == null ? null : ownerRef[0], mapped, attribute);
            value = loader.load(session);
            loaded = true;
            loader = null;
            session = null;
        }
        return value;
    }

    /**
     * Replaces the value (it counts as loaded).
     *
     * <pre>{@code
     * user.bio.set("hello");   // UPDATE at the next flush, without loading the old value
     * }</pre>
     *
     * @param newValue the new value
     */
    public void set(T newValue) {
        value = newValue;
        loaded = true;
        loader = null;
        session = null;
    }

    /** The value without loading (null when not loaded). */
    T peek() {
        return value;
    }

    /**
     * Whether the value is loaded (reading it runs no SQL).
     *
     * <pre>{@code
     * boolean loaded = user.bio.isLoaded();
     * }</pre>
     *
     * @return true once loaded or set
     */
    public boolean isLoaded() {
        return loaded;
    }

    @Override
    public String toString() {
        return loaded ? String.valueOf(value) : "<not loaded: " + attribute + ">";
    }
}
