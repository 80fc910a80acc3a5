package org.tabula.result;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The result of a {@link org.tabula.statement.Select1}: a {@link Result} whose scalar methods
 * return the selected expression's type instead of whatever the caller assigns them to.
 *
 * <pre>{@code
 * Long id = conn.execute(select(USERS.id).where(USERS.name.eq("ann"))).scalarOne();
 * List<String> names = conn.execute(select(USERS.name).orderBy(USERS.name)).scalars();
 * }</pre>
 *
 * @param <T> the Java type of the selected expression's values
 */
public final class Result1<T extends @Nullable Object> extends Result {

    private Result1(Result result) {
        super(result);
    }

    /**
     * Types {@code result}, which the caller knows to come from a {@code Select1<T>}; {@code result} is used up.
     *
     * <pre>{@code
     * Result1<String> names = Result1.of(conn.execute(text("SELECT name FROM users")));
     * }</pre>
     *
     * @param <T> the selected expression's Java type
     * @param result the result of executing a {@code Select1<T>}
     * @return {@code result}, typed
     */
    public static <T extends @Nullable Object> Result1<T> of(Result result) {
        return new Result1<>(result);
    }

    /**
     * The value of the first row, or {@code null} when there is no row.
     *
     * <pre>{@code
     * String first = conn.execute(select(USERS.name).orderBy(USERS.id)).scalar();
     * }</pre>
     */
    @Override
    @SuppressWarnings("unchecked")
    public @Nullable T scalar() {
        return super.scalar();
    }

    /**
     * The value of the only row; an error for zero or several rows.
     *
     * <pre>{@code
     * Long id = conn.execute(select(USERS.id).where(USERS.name.eq("ann"))).scalarOne();
     * }</pre>
     */
    @Override
    @SuppressWarnings("unchecked")
    public T scalarOne() {
        return super.scalarOne();
    }

    /**
     * The value of the only row, {@code null} for no row; an error for several.
     *
     * <pre>{@code
     * Integer age = conn.execute(select(USERS.age).where(USERS.id.eq(1L))).scalarOneOrNull();
     * }</pre>
     */
    @Override
    @SuppressWarnings("unchecked")
    public @Nullable T scalarOneOrNull() {
        return super.scalarOneOrNull();
    }

    /**
     * The value of every row.
     *
     * <pre>{@code
     * List<String> names = conn.execute(select(USERS.name).orderBy(USERS.name)).scalars();
     * }</pre>
     */
    @Override
    @SuppressWarnings("unchecked")
    public List<T> scalars() {
        return super.scalars();
    }
}
