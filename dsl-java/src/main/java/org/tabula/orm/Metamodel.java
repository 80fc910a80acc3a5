package org.tabula.orm;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.tabula.schema.Column;

/**
 * The runtime side of the generated metamodel classes ({@code User_} for an {@link Entity}
 * {@code User}, written by the {@code tabula-processor} annotation processor): each typed handle
 * is taken from the runtime mapping, and checked against the type the processor derived from the
 * field's declaration, so a handle can never disagree with the mapping it stands for.
 *
 * <pre>{@code
 * // generated:
 * public static final Column<@Nullable Integer> age = Metamodel.column(User.class, "age", Integer.class, true);
 * public static final Relation<User, Post> posts = Metamodel.relation(User.class, "posts", Post.class, true);
 *
 * // used:
 * session.select(User.class).where(User_.age.gt(18)).options(LoadOption.selectIn(User_.posts)).all();
 * }</pre>
 *
 * <p>Call it from generated code; hand-written code reads {@code User_} instead.
 */
@NullMarked
public final class Metamodel {

    private Metamodel() {
    }

    /**
     * The column of {@code entityClass.attribute}, checked to hold values of {@code valueClass}
     * and to accept NULL exactly when {@code nullable}.
     *
     * <pre>{@code
     * public static final Column<@Nullable Integer> age = Metamodel.column(User.class, "age", Integer.class, true);
     * }</pre>
     *
     * @throws OrmException naming the attribute when the mapping disagrees (a stale generated class)
     *
     * @param <V> the column's value type
     * @param entityClass the entity class
     * @param attribute the field name
     * @param valueClass the value type the generated code expects
     * @param nullable whether the generated code expects a nullable column
     * @return the checked column
     */
    @SuppressWarnings("unchecked")
    public static <V extends @Nullable Object> Column<V> column(Class<?> entityClass, String attribute,
                                                                 Class<?> valueClass, boolean nullable) {
        Column<?> column = Mapper.column(entityClass, attribute);
        Class<?> mapped = Mapper.box(column.type().javaType());
        if (mapped != Mapper.box(valueClass)) {
            throw stale(entityClass, attribute, "holds " + valueClass.getName() + " values but column "
                    + column.qualifiedName() + " is mapped to " + mapped.getName());
        }
        if (column.isNullable() != nullable) {
            throw stale(entityClass, attribute, (nullable ? "is nullable" : "is NOT NULL") + " but column "
                    + column.qualifiedName() + (column.isNullable() ? " is nullable" : " is NOT NULL"));
        }
        return (Column<V>) column;
    }

    /**
     * The relationship {@code name} of {@code source}, checked to lead to {@code target} and to be
     * a collection ({@link RelatedList}) exactly when {@code toMany}.
     *
     * <pre>{@code
     * public static final Relation<User, Post> posts = Metamodel.relation(User.class, "posts", Post.class, true);
     * }</pre>
     *
     * @throws OrmException naming the relationship when the mapping disagrees
     *
     * @param <S> the source entity type
     * @param <T> the target entity type
     * @param source the source entity class
     * @param name the relationship's field name
     * @param target the target entity class the generated code expects
     * @param toMany whether the generated code expects a collection
     * @return the checked relation
     */
    public static <S, T> Relation<S, T> relation(Class<S> source, String name, Class<T> target, boolean toMany) {
        Relation<S, T> relation = Relation.of(source, name, target);
        RelationshipAttribute attribute = relation.attribute();     // checks the target class
        if (attribute.isCollection() != toMany) {
            throw stale(source, name, (toMany ? "is to-many" : "is to-one") + " but the mapping says " + attribute.kind());
        }
        return relation;
    }

    private static OrmException stale(Class<?> entityClass, String attribute, String what) {
        return new OrmException("metamodel " + entityClass.getSimpleName() + "_." + attribute + " " + what
                + "; recompile " + entityClass.getName() + " so that the annotation processor regenerates it");
    }
}
