package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import java.util.List;
import org.tabula.type.SqlType;
import org.tabula.type.SqlTypes;

/**
 * String concatenation of two or more parts; build it with {@link Expression#concat}.
 *
 * <pre>{@code
 * Expression<String> full = USERS.firstName.concat(" ").concat(USERS.lastName);
 * }</pre>
 *
 * @param parts the concatenated expressions, in order
 */
public record Concat(List<Expression<?>> parts) implements Expression<String> {

    /**
     * Copies the parts, so the node stays immutable.
     *
     * @param parts the concatenated expressions, in order
     */
    public Concat {
        parts = List.copyOf(parts);
    }

    @Override
    public SqlType<String> type() {
        return SqlTypes.VARCHAR;
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitConcat(this);
    }
}
