package org.tabula.orm;

/**
 * An attribute that needs the database (a {@link Lazy} value not loaded yet) was read on an
 * object whose session is closed, or that never belonged to one. The message names the attribute.
 *
 * <pre>{@code
 * User ann;
 * try (Session session = sessions.openSession()) {
 *     ann = session.getOne(User.class, id);
 * }
 * ann.bio.get();      // a Lazy<String> not loaded yet: DetachedInstanceException naming User.bio
 * }</pre>
 */
public class DetachedInstanceException extends OrmException {

    /**
     * Creates the exception.
     *
     * <pre>{@code
     * throw new DetachedInstanceException("User.bio is not loaded and its session is closed");
     * }</pre>
     *
     * @param message names the attribute that could not be loaded
     */
    public DetachedInstanceException(String message) {
        super(message);
    }
}
