package org.tabula.expr;

import org.jspecify.annotations.Nullable;

/**
 * A condition that is always true or always false (rendered as {@code 1 = 1} / {@code 1 = 0}),
 * such as {@code in} with an empty collection.
 *
 * <pre>{@code
 * Condition filter = ConstantCondition.TRUE;
 * for (String n : names) filter = filter.and(USERS.name.ne(n));
 * }</pre>
 *
 * @param value the constant truth value
 */
public record ConstantCondition(boolean value) implements Condition {

    /** The condition that is always true. */
    public static final ConstantCondition TRUE = new ConstantCondition(true);
    /** The condition that is always false. */
    public static final ConstantCondition FALSE = new ConstantCondition(false);

    /**
     * The constant for a truth value.
     *
     * <pre>{@code
     * Condition everyone = ConstantCondition.of(names.isEmpty());
     * }</pre>
     *
     * @param value the truth value
     * @return {@link #TRUE} or {@link #FALSE}
     */
    public static ConstantCondition of(boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public Condition not() {
        return of(!value);
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitConstantCondition(this);
    }
}
