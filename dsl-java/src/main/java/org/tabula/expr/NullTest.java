package org.tabula.expr;

import org.jspecify.annotations.Nullable;

/**
 * {@code expr IS NULL}, or {@code IS NOT NULL} when negated. Build it with
 * {@link Expression#isNull} or {@link Expression#isNotNull}.
 *
 * <pre>{@code
 * Condition noEmail = USERS.email.isNull();
 * }</pre>
 *
 * @param expression the tested expression
 * @param negated    {@code IS NOT NULL}
 */
public record NullTest(Expression<?> expression, boolean negated) implements Condition {

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitNullTest(this);
    }
}
