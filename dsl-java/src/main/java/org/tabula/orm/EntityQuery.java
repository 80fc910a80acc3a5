package org.tabula.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tabula.Sql;
import org.tabula.error.MultipleResultsException;
import org.tabula.error.NoResultException;
import org.tabula.expr.Condition;
import org.tabula.expr.Expression;
import org.tabula.expr.OrderItem;
import org.tabula.schema.Column;
import org.tabula.statement.FromItem;
import org.tabula.statement.Select;

/**
 * A query for entities of one class, run through a session: rows become objects through the
 * identity map (an object the session already holds is returned, not a copy). Immutable: each
 * method returns a new query.
 *
 * <pre>{@code
 * Column<String> name = Mapper.column(User.class, "name");
 * List<User> users = session.select(User.class).where(name.startsWith("a")).orderBy(name.asc()).all();
 * User ann = session.query(User.class).filterBy("name", "ann").first();
 * User one = session.select(User.class).filterBy(Map.of("name", "ann", "age", 31)).oneOrNull();
 * List<User> withMail = session.select(User.class).join(Mapper.table(Address.class)).distinct().all();
 *
 * // relationships: joins, EXISTS filters, loading strategies
 * List<User> writers = session.select(User.class).join("posts").where(title.contains("sql")).distinct().all();
 * List<User> loaded = session.select(User.class).where(User.POSTS.any())
 *         .options(LoadOption.selectIn("posts"), LoadOption.joined("profile")).all();
 * }</pre>
 *
 * @param <T> the entity class
 */
public final class EntityQuery<T> {

    private final Session session;
    private final EntityMapping<T> mapping;
    private final Select select;
    private final List<LoadOption> options;

    EntityQuery(Session session, EntityMapping<T> mapping, Select select) {
        this(session, mapping, select, List.of());
    }

    private EntityQuery(Session session, EntityMapping<T> mapping, Select select, List<LoadOption> options) {
        this.session = session;
        this.mapping = mapping;
        this.select = select;
        this.options = options;
    }

    private EntityQuery<T> with(Select next) {
        return new EntityQuery<>(session, mapping, next, options);
    }

    /**
     * Loading strategies for relationships in this query, overriding their defaults:
     * {@code options(selectIn("posts"), joined("profile"), selectIn("roles.permissions"))}.
     */
    public EntityQuery<T> options(LoadOption... more) {
        List<LoadOption> all = new ArrayList<>(options);
        for (LoadOption o : more) {
            mapping.relationship(o.head());      // fail early on a wrong name
            all.add(o);
        }
        return new EntityQuery<>(session, mapping, select, List.copyOf(all));
    }

    /**
     * Inner join along a relationship, to filter by the related table's columns; rows stay
     * entities of this query's class (add {@link #distinct()} for to-many joins):
     * {@code session.select(User.class).join("posts").where(title.contains("x")).distinct().all()}.
     */
    public EntityQuery<T> join(String relationship) {
        return join(mapping.relationship(relationship));
    }

    /** {@link #join(String)} with a typed handle; a path joins each step. */
    public EntityQuery<T> join(Relation<T, ?> relation) {
        EntityQuery<T> out = this;
        EntityMapping<?> at = mapping;
        for (String step : relation.path().split("\\.")) {
            RelationshipAttribute r = at.relationship(step);
            out = out.with(r.innerJoin(out.select));
            at = r.target();
        }
        return out;
    }

    /** {@link #join(String)} with the attribute from {@link Mapper#relationship}. */
    public EntityQuery<T> join(RelationshipAttribute relationship) {
        if (relationship.entityClass() != mapping.entityClass()) {
            throw new OrmException("cannot join " + relationship.qualifiedName() + " from a query of "
                    + mapping.entityClass().getSimpleName());
        }
        return with(relationship.innerJoin(select));
    }

    /** Adds WHERE conditions (AND-ed with earlier ones). */
    public EntityQuery<T> where(Condition... conditions) {
        return with(select.where(conditions));
    }

    /** SQLAlchemy's legacy {@code filter}: the same as {@link #where}. */
    public EntityQuery<T> filter(Condition... conditions) {
        return where(conditions);
    }

    /** {@code attribute = value} by attribute name ({@code null} means IS NULL). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public EntityQuery<T> filterBy(String attribute, Object value) {
        Column column = mapping.attribute(attribute).column();
        if (value == null) {
            return where(column.isNull());
        }
        Object coerced;
        try {
            coerced = column.type().coerce(value);
        } catch (IllegalArgumentException e) {
            throw new OrmException("filterBy " + mapping.entityClass().getSimpleName() + "." + attribute + ": " + e.getMessage(), e);
        }
        return where(column.eq(coerced));
    }

    /** Several {@code attribute = value} conditions, AND-ed. */
    public EntityQuery<T> filterBy(Map<String, ?> attributes) {
        EntityQuery<T> out = this;
        for (Map.Entry<String, ?> e : attributes.entrySet()) {
            out = out.filterBy(e.getKey(), e.getValue());
        }
        return out;
    }

    /** Joins another table (ON inferred from a foreign key), to filter by its columns; rows stay entities of this query's class. */
    public EntityQuery<T> join(FromItem right) {
        return with(select.join(right));
    }

    /** Joins another table on an explicit condition. */
    public EntityQuery<T> join(FromItem right, Condition on) {
        return with(select.join(right, on));
    }

    /** A LEFT OUTER JOIN on an explicit condition. */
    public EntityQuery<T> leftJoin(FromItem right, Condition on) {
        return with(select.leftJoin(right, on));
    }

    /** {@code SELECT DISTINCT}, so a join matching several rows yields each object once. */
    public EntityQuery<T> distinct() {
        return with(select.distinct());
    }

    public EntityQuery<T> orderBy(OrderItem... items) {
        return with(select.orderBy(items));
    }

    public EntityQuery<T> orderBy(Expression<?>... expressions) {
        return with(select.orderBy(expressions));
    }

    public EntityQuery<T> limit(long rows) {
        return with(select.limit(rows));
    }

    public EntityQuery<T> offset(long rows) {
        return with(select.offset(rows));
    }

    /** {@code SELECT ... FOR UPDATE}: lock the rows until the session commits or rolls back. */
    public EntityQuery<T> forUpdate() {
        return with(select.forUpdate());
    }

    /** The Core statement this query runs. */
    public Select toSelect() {
        return select;
    }

    /** Every matching object. */
    public List<T> all() {
        return session.load(mapping, select, options);
    }

    /** The first matching object, or {@code null}. */
    public T first() {
        List<T> found = session.load(mapping, select.limit(1), options);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Exactly one object; fails when there is none or more than one. */
    public T one() {
        T found = oneOrNull();
        if (found == null) {
            throw new NoResultException("expected one " + mapping.entityClass().getSimpleName() + ", found none");
        }
        return found;
    }

    /** One object or {@code null}; fails when there are several. */
    public T oneOrNull() {
        List<T> found = session.load(mapping, select.limit(2), options);
        if (found.size() > 1) {
            throw new MultipleResultsException("expected at most one " + mapping.entityClass().getSimpleName() + ", found several");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** SQLAlchemy's {@code scalar_one_or_none()}: the same as {@link #oneOrNull()}. */
    public T scalarOneOrNull() {
        return oneOrNull();
    }

    /** How many objects match (ignores limit/offset and order; with joins, distinct objects). */
    public long count() {
        List<Expression<?>> count = new ArrayList<>();
        boolean joined = select.from().size() != 1 || select.from().get(0) != mapping.table();
        count.add(joined && mapping.primaryKey().size() == 1 ? Sql.countDistinct(mapping.primaryKey().get(0).column()) : Sql.count());
        Select counting = Select.of(count).from(joined ? select.from().toArray(new FromItem[0]) : new FromItem[] {mapping.table()});
        if (select.where() != null) {
            counting = counting.where(select.where());
        }
        Long n = session.run(counting).scalarOne();
        return n == null ? 0 : n;
    }

    @Override
    public String toString() {
        return select.toString();
    }
}
