package org.tabula.orm;

/**
 * How a {@link Relationship} is loaded (SQLAlchemy's {@code lazy=}): by default on first access;
 * per query with {@link LoadOption}.
 *
 * <pre>{@code
 * @Relationship(backPopulates = "author", lazy = Loading.SELECT_IN)
 * public final RelatedList<Post> posts = new RelatedList<>(this);
 * }</pre>
 */
public enum Loading {
    /** On first access, one SELECT per object (SQLAlchemy's {@code lazy="select"}; the default). */
    SELECT,
    /** With the query itself, through a LEFT OUTER JOIN ({@code lazy="joined"}). */
    JOINED,
    /** Right after the query, one more SELECT per relationship with {@code IN (keys of all parents)} ({@code lazy="selectin"}). */
    SELECT_IN,
    /** Never loaded implicitly: access fails, to catch N+1 patterns ({@code lazy="raise"}). */
    RAISE
}
