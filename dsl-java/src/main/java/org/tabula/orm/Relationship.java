package org.tabula.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Options of a relationship field: SQLAlchemy's {@code relationship()}. The field's type says the
 * kind: a {@link Ref} is a to-one (many-to-one when this entity holds the foreign key, one-to-one
 * when the other does), a {@link RelatedList} a to-many (one-to-many, or many-to-many through
 * {@link #secondary()}). The annotation is optional when the foreign key is unambiguous.
 *
 * <pre>{@code
 * @Entity class User extends Model {
 *     public String name;
 *     @Relationship(backPopulates = "author", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
 *     public final RelatedList<Post> posts = new RelatedList<>(this);
 *     @Relationship(backPopulates = "user")
 *     public final Ref<Profile> profile = new Ref<>(this);                  // one-to-one
 *     @Relationship(secondary = UserRole.class, backPopulates = "users")
 *     public final RelatedList<Role> roles = new RelatedList<>(this);       // many-to-many
 * }
 * @Entity class Post extends Model {
 *     @MappedColumn(references = User.class) public Long authorId;
 *     @Relationship(foreignKey = "authorId", backPopulates = "posts")
 *     public final Ref<User> author = new Ref<>(this);                      // many-to-one
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Relationship {

    /**
     * The relationship on the other class kept in sync with this one ({@code back_populates}).
     *
     * @return the other side's field name, or empty for none
     */
    String backPopulates() default "";

    /**
     * The attribute holding the foreign key: on this class for a many-to-one, on the target for a
     * one-to-many / one-to-one. Empty: the single foreign key between the two tables.
     *
     * @return the foreign key attribute's name, or empty
     */
    String foreignKey() default "";

    /**
     * A link entity (its table has a foreign key to each side) for a many-to-many.
     *
     * @return the link entity class, or {@code void.class} for none
     */
    Class<?> secondary() default void.class;

    /**
     * What carries over to related objects; {@code SAVE_UPDATE} by default.
     *
     * @return the cascades
     */
    Cascade[] cascade() default {Cascade.SAVE_UPDATE};

    /**
     * The default loading strategy.
     *
     * @return how the relationship is loaded unless a query says otherwise
     */
    Loading lazy() default Loading.SELECT;

    /**
     * Leave deleting (or nulling) the children of a deleted object to the database's
     * {@code ON DELETE CASCADE / SET NULL} instead of loading them first.
     *
     * @return true to let the database handle the children
     */
    boolean passiveDeletes() default false;

    /**
     * An attribute of the target to order collections by (ascending); empty for no order.
     *
     * @return the target attribute's name, or empty
     */
    String orderBy() default "";
}
