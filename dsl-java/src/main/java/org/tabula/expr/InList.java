package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code expr [NOT] IN (v1, v2, ...)}; never empty (see {@link #of}). Build it with
 * {@link Expression#in(Iterable)}.
 *
 * <pre>{@code
 * Condition some = USERS.id.in(List.of(1L, 2L, 3L));
 * }</pre>
 *
 * @param expression the tested expression
 * @param values     the listed values, at least one
 * @param negated    {@code NOT IN}
 */
public record InList(Expression<?> expression, List<Expression<?>> values, boolean negated) implements Condition {

    /**
     * Copies the values.
     *
     * @param expression the tested expression
     * @param values the listed values, at least one
     * @param negated {@code NOT IN}
     * @throws IllegalArgumentException if {@code values} is empty
     */
    public InList {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an IN list needs at least one value");
        }
    }

    /**
     * Builds {@code expr IN (values)}. An empty list gives the constant FALSE (TRUE when negated):
     * nothing is in an empty set, and {@code IN ()} is a syntax error on most databases.
     *
     * <pre>{@code
     * Condition some = InList.of(USERS.id, List.of(1L, 2L), false);   // the same as USERS.id.in(List.of(1L, 2L))
     * }</pre>
     *
     * @param expression the tested expression, whose type binds the values
     * @param values     the values, none of them {@code null}
     * @param negated    {@code NOT IN}
     * @param <T>        the Java type of the values
     * @return an {@code InList}, or a {@link ConstantCondition} for an empty list
     * @throws IllegalArgumentException if {@code values} is or contains {@code null}
     */
    public static <T extends @Nullable Object> Condition of(Expression<T> expression, Iterable<? extends T> values, boolean negated) {
        if (values == null) {
            throw new IllegalArgumentException("in(null): pass an empty collection to match nothing");
        }
        List<Expression<?>> bound = new ArrayList<>();
        for (T value : values) {
            if (value == null) {
                throw new IllegalArgumentException("null inside an IN list never matches; use isNull()");
            }
            bound.add(expression.bind(value));
        }
        if (bound.isEmpty()) {
            return ConstantCondition.of(negated);
        }
        return new InList(expression, bound, negated);
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitInList(this);
    }
}
