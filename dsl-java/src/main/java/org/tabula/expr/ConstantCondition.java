package org.tabula.expr;

import org.jspecify.annotations.Nullable;

/** A condition that is always true or always false (rendered as {@code 1 = 1} / {@code 1 = 0}). */
public record ConstantCondition(boolean value) implements Condition {

    public static final ConstantCondition TRUE = new ConstantCondition(true);
    public static final ConstantCondition FALSE = new ConstantCondition(false);

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
