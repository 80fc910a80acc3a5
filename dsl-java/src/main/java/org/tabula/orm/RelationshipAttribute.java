package org.tabula.orm;

import org.jspecify.annotations.Nullable;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.tabula.Sql;
import org.tabula.expr.Condition;
import org.tabula.expr.Expression;
import org.tabula.schema.Column;
import org.tabula.schema.ForeignKey;
import org.tabula.schema.Table;
import org.tabula.schema.TableAlias;
import org.tabula.statement.Select;

/**
 * A relationship of an entity ({@link Ref} or {@link RelatedList} field): how it joins, loads and
 * cascades. Obtained from {@link Mapper#relationship(Class, String)}; also the typed handle for
 * relationship filters and loading options.
 *
 * <pre>{@code
 * RelationshipAttribute posts = Mapper.relationship(User.class, "posts");
 * Column<String> title = Mapper.column(Post.class, "title");
 * session.select(User.class).where(posts.any(title.contains("jdbc"))).all();   // EXISTS (SELECT ...)
 * session.select(User.class).options(posts.selectIn()).all();
 * }</pre>
 */
public final class RelationshipAttribute extends FieldAttribute {

    /** The shape of a relationship. */
    public enum Kind {
        /** A {@link Ref} on the side holding the foreign key. */
        MANY_TO_ONE,
        /** A {@link RelatedList} whose objects hold a foreign key to this one. */
        ONE_TO_MANY,
        /** A {@link Ref} whose object holds a foreign key to this one ({@code uselist=False}). */
        ONE_TO_ONE,
        /** A {@link RelatedList} through a link table ({@link Relationship#secondary()}). */
        MANY_TO_MANY
    }

    private final Class<?> targetClass;
    private final Kind kind;
    private final EntityMapping<?> source;
    private final EntityMapping<?> target;
    private final ColumnAttribute localForeignKey;     // MANY_TO_ONE
    private final ColumnAttribute remoteForeignKey;    // ONE_TO_MANY, ONE_TO_ONE
    private final Table link;                          // MANY_TO_MANY
    private final Column<?> linkSource;
    private final Column<?> linkTarget;
    private final String backName;
    private RelationshipAttribute back;
    private boolean backResolved;
    private final Set<Cascade> cascade;
    private final Loading loading;
    private final boolean passiveDeletes;
    private final ColumnAttribute orderBy;

    private RelationshipAttribute(Field field, MethodHandle getter, MethodHandle setter, EntityMapping<?> source,
                                  EntityMapping<?> target, Kind kind, ColumnAttribute localForeignKey,
                                  ColumnAttribute remoteForeignKey, Table link, Column<?> linkSource, Column<?> linkTarget,
                                  Relationship ann) {
        super(field.getName(), field.getType(), source.entityClass(), getter, setter);
        this.targetClass = target.entityClass();
        this.source = source;
        this.target = target;
        this.kind = kind;
        this.localForeignKey = localForeignKey;
        this.remoteForeignKey = remoteForeignKey;
        this.link = link;
        this.linkSource = linkSource;
        this.linkTarget = linkTarget;
        this.backName = ann == null ? "" : ann.backPopulates();
        EnumSet<Cascade> c = EnumSet.noneOf(Cascade.class);
        c.addAll(Arrays.asList(ann == null ? new Cascade[] {Cascade.SAVE_UPDATE} : ann.cascade()));
        if (c.contains(Cascade.ALL)) {
            c.add(Cascade.SAVE_UPDATE);
            c.add(Cascade.DELETE);
        }
        this.cascade = c;
        this.loading = ann == null ? Loading.SELECT : ann.lazy();
        this.passiveDeletes = ann != null && ann.passiveDeletes();
        this.orderBy = ann == null || ann.orderBy().isEmpty() ? null : target.attribute(ann.orderBy());
        if ((c.contains(Cascade.DELETE) || c.contains(Cascade.DELETE_ORPHAN)) && (kind == Kind.MANY_TO_ONE || kind == Kind.MANY_TO_MANY)) {
            throw new OrmException(qualifiedName() + ": DELETE / DELETE_ORPHAN cascades belong on the one-to-many or one-to-one side");
        }
    }

    // ---------------------------------------------------------------- resolution

    static RelationshipAttribute resolve(EntityMapping<?> source, Field field, MethodHandle getter, MethodHandle setter) {
        String where = source.entityClass().getSimpleName() + "." + field.getName();
        Class<?> targetClass;
        if (field.getGenericType() instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            targetClass = c;
        } else {
            throw new OrmException(where + ": declare the related class, e.g. Ref<User> or RelatedList<Post>");
        }
        EntityMapping<?> target = Mapper.mapping(targetClass);
        Relationship ann = field.getAnnotation(Relationship.class);
        String fk = ann == null ? "" : ann.foreignKey();
        boolean collection = field.getType() == RelatedList.class;
        if (ann != null && ann.secondary() != void.class) {
            if (!collection) {
                throw new OrmException(where + ": a many-to-many (secondary) relationship is a RelatedList");
            }
            EntityMapping<?> linkMapping = Mapper.mapping(ann.secondary());
            Table linkTable = linkMapping.table();
            Column<?> toSource = null;
            Column<?> toTarget = null;
            for (ForeignKey k : linkTable.foreignKeys()) {
                if (k.columns().size() != 1) {
                    continue;
                }
                if (k.targetTable() == source.table() && toSource == null) {
                    toSource = k.columns().get(0);
                } else if (k.targetTable() == target.table() && toTarget == null) {
                    toTarget = k.columns().get(0);
                }
            }
            if (toSource == null || toTarget == null) {
                throw new OrmException(where + ": link table " + linkTable.name() + " needs a foreign key to "
                        + source.table().name() + " and one to " + target.table().name());
            }
            singleKey(where, source);
            singleKey(where, target);
            return new RelationshipAttribute(field, getter, setter, source, target, Kind.MANY_TO_MANY, null, null,
                    linkTable, toSource, toTarget, ann);
        }
        if (collection) {
            ColumnAttribute remote = fk.isEmpty() ? foreignKeyTo(where, target, source.table()) : target.attribute(fk);
            singleKey(where, source);
            return new RelationshipAttribute(field, getter, setter, source, target, Kind.ONE_TO_MANY, null, remote, null, null, null, ann);
        }
        ColumnAttribute local = null;
        if (!fk.isEmpty()) {
            local = source.findAttribute(fk);
            if (local != null && (local.column().foreignKey() == null || local.column().foreignKey().targetTable() != target.table())) {
                local = source.table() == target.table() ? local : null;
            }
        } else {
            local = findForeignKeyTo(source, target.table());
        }
        if (local != null) {
            singleKey(where, target);
            return new RelationshipAttribute(field, getter, setter, source, target, Kind.MANY_TO_ONE, local, null, null, null, null, ann);
        }
        ColumnAttribute remote = fk.isEmpty() ? foreignKeyTo(where, target, source.table()) : target.attribute(fk);
        singleKey(where, source);
        return new RelationshipAttribute(field, getter, setter, source, target, Kind.ONE_TO_ONE, null, remote, null, null, null, ann);
    }

    private static void singleKey(String where, EntityMapping<?> m) {
        if (m.primaryKey().size() != 1) {
            throw new OrmException(where + ": relationships need a single-column primary key on "
                    + m.entityClass().getSimpleName());
        }
    }

    private static ColumnAttribute findForeignKeyTo(EntityMapping<?> holder, Table referenced) {
        ColumnAttribute found = null;
        for (ColumnAttribute a : holder.columnAttributes()) {
            ForeignKey k = a.column().foreignKey();
            if (k != null && k.targetTable() == referenced) {
                if (found != null) {
                    return null;     // ambiguous: the caller asks for foreignKey = "..."
                }
                found = a;
            }
        }
        return found;
    }

    private static ColumnAttribute foreignKeyTo(String where, EntityMapping<?> holder, Table referenced) {
        ColumnAttribute a = findForeignKeyTo(holder, referenced);
        if (a == null) {
            throw new OrmException(where + ": no single foreign key from " + holder.table().name() + " to " + referenced.name()
                    + "; declare one (@MappedColumn(references = ...)) or name it with @Relationship(foreignKey = \"...\")");
        }
        return a;
    }

    // ---------------------------------------------------------------- model

    /**
     * The relationship's kind, derived from the field type and the foreign keys.
     *
     * <pre>{@code
     * RelationshipAttribute.Kind kind = Mapper.relationship(User.class, "posts").kind();   // ONE_TO_MANY
     * }</pre>
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Whether the attribute is a {@link RelatedList}.
     *
     * <pre>{@code
     * boolean many = Mapper.relationship(User.class, "posts").isCollection();   // true
     * }</pre>
     *
     * @return true for a collection
     */
    public boolean isCollection() {
        return kind == Kind.ONE_TO_MANY || kind == Kind.MANY_TO_MANY;
    }

    /**
     * The related entity class.
     *
     * <pre>{@code
     * Class<?> target = Mapper.relationship(User.class, "posts").targetClass();   // Post.class
     * }</pre>
     *
     * @return the target class
     */
    public Class<?> targetClass() {
        return targetClass;
    }

    EntityMapping<?> source() {
        return source;
    }

    EntityMapping<?> target() {
        return target;
    }

    ColumnAttribute localForeignKey() {
        return localForeignKey;
    }

    ColumnAttribute remoteForeignKey() {
        return remoteForeignKey;
    }

    Table link() {
        return link;
    }

    Column<?> linkSource() {
        return linkSource;
    }

    Column<?> linkTarget() {
        return linkTarget;
    }

    /**
     * What carries over to related objects ({@link Relationship#cascade()}).
     *
     * <pre>{@code
     * Set<Cascade> cascade = Mapper.relationship(User.class, "posts").cascade();   // [ALL, DELETE_ORPHAN]
     * }</pre>
     *
     * @return the cascades
     */
    public Set<Cascade> cascade() {
        return cascade;
    }

    /**
     * The default loading strategy ({@link Relationship#lazy()}).
     *
     * <pre>{@code
     * Loading how = Mapper.relationship(User.class, "posts").loading();
     * }</pre>
     *
     * @return the loading strategy
     */
    public Loading loading() {
        return loading;
    }

    /**
     * Whether deleting the children of a deleted object is left to the database ({@link Relationship#passiveDeletes()}).
     *
     * <pre>{@code
     * boolean databaseDeletes = Mapper.relationship(User.class, "posts").passiveDeletes();
     * }</pre>
     *
     * @return true for passive deletes
     */
    public boolean passiveDeletes() {
        return passiveDeletes;
    }

    /**
     * The relationship of the other class kept in sync with this one, or null.
     *
     * <pre>{@code
     * RelationshipAttribute author = Mapper.relationship(User.class, "posts").back();   // Post.author
     * }</pre>
     *
     * @return the other side, or {@code null} when none is declared
     * @throws OrmException when the other side does not relate back to this class
     */
    public @Nullable RelationshipAttribute back() {
        if (!backResolved) {
            back = backName.isEmpty() ? null : target.relationship(backName);
            if (back != null && back.targetClass != entityClass) {
                throw new OrmException(qualifiedName() + " back-populates " + back.qualifiedName() + ", which relates to "
                        + back.targetClass.getSimpleName());
            }
            backResolved = true;
        }
        return back;
    }





    @Override
    public void set(Object entity, Object value) {
        if (setter == null) {
            throw new OrmException(qualifiedName() + " is final and null; initialize it (new "
                    + javaType.getSimpleName() + "<>(this))");
        }
        try {
            setter.invokeExact(entity, value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new OrmException("cannot write " + qualifiedName() + ": " + t, t);
        }
    }


    @Override
    public String toString() {
        return qualifiedName() + " (" + kind + " " + targetClass.getSimpleName() + ")";
    }

    // ---------------------------------------------------------------- holders and sync

    /** The holder of this relationship on {@code entity}, created (and bound) when the field is null. */
    RelationHolder holder(Object entity) {
        Object h = get(entity);
        if (h == null) {
            h = isCollection() ? new RelatedList<>(entity) : new Ref<>(entity);
            set(entity, h);
        }
        RelationHolder holder = RelationHolder.of(h);
        if (holder == null) {
            throw new OrmException(qualifiedName() + " holds a " + h.getClass().getName());
        }
        holder.bind(entity, this);
        return holder;
    }

    /** {@code owner}'s holder now contains {@code related}: the other side follows. */
    void afterLink(Object owner, Object related) {
        RelationshipAttribute b = back();
        if (b == null) {
            return;
        }
        Object previous = b.holder(related).attach(owner);
        if (previous != null && previous != owner) {
            holder(previous).release(related);
        }
    }

    /** {@code owner}'s holder no longer contains {@code related}. */
    void afterUnlink(Object owner, Object related) {
        RelationshipAttribute b = back();
        if (b == null) {
            return;
        }
        b.holder(related).detach(owner);
    }

    // ---------------------------------------------------------------- statements

    @SuppressWarnings("rawtypes")
    private Column sourceKey() {
        return source.primaryKey().get(0).column();
    }

    @SuppressWarnings("rawtypes")
    private Column targetKey() {
        return target.primaryKey().get(0).column();
    }

    /**
     * The objects related to owners with these keys (the owners' primary keys, or for a
     * many-to-one their foreign key values). For a many-to-many the last selected column is the
     * owner key of each row.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Select selectFor(Collection<?> ownerKeys) {
        Select s = target.select();
        switch (kind) {
            case MANY_TO_ONE:
                return s.where(targetKey().in(ownerKeys));
            case MANY_TO_MANY:
                s = s.columns(linkSource).join(link, ((Column) linkTarget).eq(targetKey())).where(((Column) linkSource).in(ownerKeys));
                break;
            default:
                s = s.where(((Column) remoteForeignKey.column()).in(ownerKeys));
        }
        return orderBy == null ? s : s.orderBy(orderBy.column());
    }

    /** The key on the owner side that {@link #selectFor} matches: its primary key, or its foreign key for a many-to-one. */
    Object ownerKey(Object owner) {
        return kind == Kind.MANY_TO_ONE ? localForeignKey.value(owner) : source.primaryKey().get(0).value(owner);
    }

    /** For a row of {@link #selectFor}: which owner key it belongs to. */
    Object rowOwnerKey(org.tabula.result.Row row, Object[] targetValues) {
        switch (kind) {
            case MANY_TO_ONE:
                return targetValues[target.indexOf(target.primaryKey().get(0))];
            case MANY_TO_MANY:
                return row.get(row.size() - 1);
            default:
                return targetValues[target.indexOf(remoteForeignKey)];
        }
    }

    /** {@code base} with a LEFT OUTER JOIN to the target under {@code alias}, and the target's columns appended. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Select joined(Select base, String alias) {
        TableAlias t = target.table().as(alias);
        Select s;
        switch (kind) {
            case MANY_TO_ONE:
                s = base.leftJoin(t, t.col(targetKey()).eq((Column) localForeignKey.column()));
                break;
            case MANY_TO_MANY:
                TableAlias l = link.as(alias + "_link");
                s = base.leftJoin(l, l.col((Column) linkSource).eq(sourceKey()))
                        .leftJoin(t, t.col(targetKey()).eq(l.col((Column) linkTarget)));
                break;
            default:
                s = base.leftJoin(t, t.col((Column) remoteForeignKey.column()).eq(sourceKey()));
        }
        List<Expression<?>> cols = new ArrayList<>();
        for (Expression<?> e : target.select().selections()) {
            cols.add(t.col((Column) e));
        }
        s = s.columns(cols.toArray(new Expression<?>[0]));
        return orderBy == null ? s : s.orderBy(t.col((Column) orderBy.column()));
    }

    /** {@code base} with an inner join along this relationship (the target table unaliased, to filter by its columns). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Select innerJoin(Select base) {
        switch (kind) {
            case MANY_TO_ONE:
                return base.join(target.table(), targetKey().eq((Column) localForeignKey.column()));
            case MANY_TO_MANY:
                return base.join(link, ((Column) linkSource).eq(sourceKey())).join(target.table(), targetKey().eq((Column) linkTarget));
            default:
                return base.join(target.table(), ((Column) remoteForeignKey.column()).eq(sourceKey()));
        }
    }

    /**
     * {@code EXISTS (SELECT ... FROM target WHERE <correlated to the owner> AND conditions)}: SQLAlchemy's
     * {@code User.posts.any(...)} for collections and {@code Post.author.has(...)} for to-one.
     *
     * <pre>{@code
     * Condition writes = Mapper.relationship(User.class, "posts").any(Mapper.column(Post.class, "title").isNotNull());
     * }</pre>
     *
     * @param conditions conditions on the target's columns (none: any related row)
     * @return the EXISTS condition
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Condition any(Condition... conditions) {
        Select s;
        switch (kind) {
            case MANY_TO_ONE:
                s = Select.of(List.<Expression<?>>of(targetKey())).from(target.table()).where(targetKey().eq((Column) localForeignKey.column()));
                break;
            case MANY_TO_MANY:
                s = Select.of(List.<Expression<?>>of(targetKey())).from(target.table()).join(link, ((Column) linkTarget).eq(targetKey()))
                        .where(((Column) linkSource).eq(sourceKey()));
                break;
            default:
                s = Select.of(List.<Expression<?>>of(targetKey())).from(target.table()).where(((Column) remoteForeignKey.column()).eq(sourceKey()));
        }
        if (conditions.length > 0) {
            s = s.where(conditions);
        }
        return Sql.exists(s);
    }

    /**
     * The to-one spelling of {@link #any}: {@code post.author.has(name.eq("ann"))}.
     *
     * <pre>{@code
     * Condition byAnn = Mapper.relationship(Post.class, "author").has(Mapper.column(User.class, "name").eq("ann"));
     * }</pre>
     *
     * @param conditions conditions on the target's columns (none: a related row exists)
     * @return the EXISTS condition
     */
    public Condition has(Condition... conditions) {
        return any(conditions);
    }

    /**
     * Load this relationship with the query (LEFT OUTER JOIN).
     *
     * <pre>{@code
     * List<User> users = session.select(User.class).options(Mapper.relationship(User.class, "profile").joinedLoad()).all();
     * }</pre>
     *
     * @return the load option
     */
    public LoadOption joinedLoad() {
        return LoadOption.joined(name);
    }

    /**
     * Load this relationship for the whole result with one more IN query.
     *
     * <pre>{@code
     * List<User> users = session.select(User.class).options(Mapper.relationship(User.class, "posts").selectIn()).all();
     * }</pre>
     *
     * @return the load option
     */
    public LoadOption selectIn() {
        return LoadOption.selectIn(name);
    }

    /**
     * Load this relationship on first access.
     *
     * <pre>{@code
     * List<User> users = session.select(User.class).options(Mapper.relationship(User.class, "posts").lazyLoad()).all();
     * }</pre>
     *
     * @return the load option
     */
    public LoadOption lazyLoad() {
        return LoadOption.lazy(name);
    }
}
