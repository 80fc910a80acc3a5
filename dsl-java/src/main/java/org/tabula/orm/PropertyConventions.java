package org.tabula.orm;

import java.lang.reflect.Field;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What a language says about an entity's fields beyond Java reflection: whether a field's
 * declared type admits null, and the value its declaration initialises it to. The mapper asks
 * the implementations found by {@link java.util.ServiceLoader} once per entity class, when it is
 * first mapped (never while loading or flushing). dsl-kotlin registers one that reads Kotlin
 * classes with kotlin-reflect, so {@code var age: Int?} is a nullable column, {@code var age: Int}
 * NOT NULL, and {@code var status: String = "draft"} a column whose client-side default is
 * {@code "draft"}.
 *
 * <pre>{@code
 * // META-INF/services/org.tabula.orm.PropertyConventions
 * public final class MyConventions implements PropertyConventions {
 *     public boolean appliesTo(Class<?> entityClass) { return entityClass.isAnnotationPresent(MyLanguage.class); }
 *     public boolean isNullable(Field field) { return field.isAnnotationPresent(MaybeNull.class); }
 * }
 * }</pre>
 */
public interface PropertyConventions {

    /**
     * Whether these conventions describe the fields of {@code entityClass}.
     *
     * <pre>{@code
     * public boolean appliesTo(Class<?> entityClass) { return entityClass.isAnnotationPresent(MyLanguage.class); }
     * }</pre>
     *
     * @param entityClass the entity class being mapped
     * @return true if these conventions apply to it
     */
    boolean appliesTo(Class<?> entityClass);

    /**
     * Whether {@code field}'s declared type admits null (a primary key is NOT NULL regardless).
     *
     * <pre>{@code
     * public boolean isNullable(Field field) { return field.isAnnotationPresent(MaybeNull.class); }
     * }</pre>
     *
     * @param field a mapped field of an entity these conventions apply to
     * @return true for a nullable column
     */
    boolean isNullable(Field field);

    /**
     * The client-side default of {@code field}'s column (used when an INSERT leaves it out or the
     * field is null), or {@code null} for none. Asked only for fields without
     * {@code @MappedColumn(defaultValue = ...)}.
     *
     * <pre>{@code
     * public Supplier<?> defaultValue(Field field) { return field.getType() == Instant.class ? Instant::now : null; }
     * }</pre>
     *
     * @param field a mapped field of an entity these conventions apply to
     * @return the default's supplier, or {@code null}
     */
    default @Nullable Supplier<?> defaultValue(Field field) {
        return null;
    }
}
