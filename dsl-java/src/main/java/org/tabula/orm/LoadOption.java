package org.tabula.orm;

import java.util.Objects;

/**
 * A per-query choice of loading strategy for a relationship (SQLAlchemy's
 * {@code selectinload()}, {@code joinedload()}, {@code lazyload()}, {@code raiseload()}).
 * A dotted path reaches further ({@code selectIn("roles.permissions")}: the roles of the users,
 * then the permissions of those roles, one IN query each); steps after the first are always
 * loaded select-in. Without options, each relationship's {@link Relationship#lazy()} applies, also
 * to objects loaded eagerly further down.
 *
 * <pre>{@code
 * import static org.tabula.orm.LoadOption.*;
 *
 * session.select(User.class).options(selectIn("posts"), joined("profile")).all();   // 3 statements for any number of users
 * session.select(User.class).options(Mapper.relationship(User.class, "roles").selectIn()).all();
 * }</pre>
 */
public final class LoadOption {

    private final String path;
    private final Loading loading;

    private LoadOption(String path, Loading loading) {
        this.path = Objects.requireNonNull(path, "path");
        this.loading = Objects.requireNonNull(loading, "loading");
        if (path.isBlank()) {
            throw new IllegalArgumentException("a load option needs a relationship name");
        }
    }

    /** Load with the query through a LEFT OUTER JOIN (collections with LIMIT/OFFSET fall back to select-in). */
    public static LoadOption joined(String relationship) {
        return new LoadOption(relationship, Loading.JOINED);
    }

    /** Load for the whole result right after the query: one {@code IN (...)} SELECT per relationship (chunked). */
    public static LoadOption selectIn(String relationship) {
        return new LoadOption(relationship, Loading.SELECT_IN);
    }

    /** Load on first access (one SELECT per object). */
    public static LoadOption lazy(String relationship) {
        return new LoadOption(relationship, Loading.SELECT);
    }

    /** Never load implicitly: reading the unloaded relationship fails. */
    public static LoadOption raise(String relationship) {
        return new LoadOption(relationship, Loading.RAISE);
    }

    /** The relationship name, or a dotted path. */
    public String path() {
        return path;
    }

    public Loading loading() {
        return loading;
    }

    /** The first step of the path. */
    String head() {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }

    /** The option for the rest of the path, or null at its end. */
    LoadOption tail() {
        int dot = path.indexOf('.');
        return dot < 0 ? null : new LoadOption(path.substring(dot + 1), loading);
    }

    @Override
    public String toString() {
        return loading + "(" + path + ")";
    }
}
