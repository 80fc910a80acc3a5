package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Objects;
import org.tabula.type.SqlType;

/**
 * {@code name(args)}. Names are the portable spelling ({@code count}, {@code now}, ...); each
 * dialect maps a few of them to its own (SQLite has no {@code now()}).
 *
 * @param distinct {@code count(DISTINCT x)}
 */
public record FunctionCall<T extends @Nullable Object>(String name, List<Expression<?>> arguments, SqlType<T> type, boolean distinct)
        implements Expression<T> {

    public FunctionCall {
        Objects.requireNonNull(name, "name");
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(type, "type");
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitFunctionCall(this);
    }
}
