package org.tabula.orm;

import java.util.Objects;
import org.tabula.expr.Condition;

/**
 * A typed handle on a relationship (or a path of relationships), declared once next to the
 * entity and checked by the compiler where it is used: joins, {@code any}/{@code has} filters and
 * loading options. Resolved on first use, so entities may declare handles on each other.
 *
 * <pre>{@code
 * @Entity public class User extends Model {
 *     public static final Relation<User, Post> POSTS = Relation.of(User.class, "posts", Post.class);
 *     public static final Relation<User, Role> ROLES = Relation.of(User.class, "roles", Role.class);
 *     ...
 * }
 * session.select(User.class)
 *        .where(User.POSTS.any(title.contains("jdbc")))                 // EXISTS (SELECT ... correlated)
 *        .options(User.POSTS.selectIn(), User.ROLES.then(Role.PERMISSIONS).selectIn())
 *        .all();
 * session.select(User.class).join(User.ROLES).where(roleName.eq("admin")).distinct().all();
 * }</pre>
 *
 * @param <S> the class the path starts from
 * @param <T> the class it leads to
 */
public final class Relation<S, T> {

    private final Class<S> source;
    private final Class<T> target;
    private final Relation<S, ?> head;         // null for a single step
    private final Relation<?, T> last;
    private final String name;                 // this step's relationship name (single step)

    private Relation(Class<S> source, Class<T> target, String name, Relation<S, ?> head, Relation<?, T> last) {
        this.source = Objects.requireNonNull(source, "source");
        this.target = Objects.requireNonNull(target, "target");
        this.name = name;
        this.head = head;
        this.last = last;
    }

    /** The relationship {@code name} of {@code source}, leading to {@code target}. */
    public static <S, T> Relation<S, T> of(Class<S> source, String name, Class<T> target) {
        return new Relation<>(source, target, Objects.requireNonNull(name, "name"), null, null);
    }

    /** This path followed by {@code next}: {@code User.ROLES.then(Role.PERMISSIONS)}. */
    public <U> Relation<S, U> then(Relation<T, U> next) {
        return new Relation<>(source, next.target, null, this, next);
    }

    /** The dotted path, e.g. {@code roles.permissions}. */
    public String path() {
        return head == null ? name : head.path() + "." + last.path();
    }

    public Class<S> source() {
        return source;
    }

    public Class<T> target() {
        return target;
    }

    /** The relationship attribute of a single-step handle (resolving the mapping on first use). */
    public RelationshipAttribute attribute() {
        if (head != null) {
            throw new OrmException(path() + " is a path of relationships, not one relationship");
        }
        RelationshipAttribute a = Mapper.relationship(source, name);
        if (a.targetClass() != target) {
            throw new OrmException("Relation " + a.qualifiedName() + " leads to " + a.targetClass().getSimpleName()
                    + ", not " + target.getSimpleName());
        }
        return a;
    }

    /**
     * {@code EXISTS} a related row matching the conditions; along a path, nested
     * ({@code roles.any(permissions.any(...))}).
     */
    public Condition any(Condition... conditions) {
        if (head == null) {
            return attribute().any(conditions);
        }
        return head.any(last.any(conditions));
    }

    /** The to-one spelling of {@link #any}. */
    public Condition has(Condition... conditions) {
        return any(conditions);
    }

    /** Load along this path with one IN query per step. */
    public LoadOption selectIn() {
        return LoadOption.selectIn(path());
    }

    /** Load with the query (LEFT OUTER JOIN; deeper steps select-in). */
    public LoadOption joined() {
        return LoadOption.joined(path());
    }

    /** Load on first access. */
    public LoadOption lazy() {
        return LoadOption.lazy(path());
    }

    /** Refuse loading on access. */
    public LoadOption raise() {
        return LoadOption.raise(path());
    }

    @Override
    public String toString() {
        return source.getSimpleName() + "." + path() + " -> " + target.getSimpleName();
    }
}
