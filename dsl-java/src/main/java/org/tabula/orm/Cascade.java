package org.tabula.orm;

/**
 * What a {@link Relationship} carries along from an object to its related objects
 * (SQLAlchemy's {@code cascade="..."}).
 *
 * <pre>{@code
 * @Relationship(backPopulates = "author", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
 * public final RelatedList<Post> posts = new RelatedList<>(this);
 * }</pre>
 */
public enum Cascade {
    /** Adding an object to a session adds its related objects; flush writes them (the default). */
    SAVE_UPDATE,
    /** Deleting an object deletes its related objects (one-to-many / one-to-one side). */
    DELETE,
    /** An object removed from the collection (or replaced in a one-to-one) is deleted at flush. */
    DELETE_ORPHAN,
    /** {@link #SAVE_UPDATE} and {@link #DELETE}. */
    ALL
}
