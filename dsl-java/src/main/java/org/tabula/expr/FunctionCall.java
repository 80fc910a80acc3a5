package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Objects;
import org.tabula.type.SqlType;

/**
 * {@code name(args)}. Names are the portable spelling ({@code count}, {@code now}, ...); each
 * dialect maps a few of them to its own (SQLite has no {@code now()}).
 *
 * <pre>{@code
 * Expression<Long> users = Sql.count();
 * }</pre>
 *
 * @param name      the portable function name
 * @param arguments the arguments, in order
 * @param type      the SQL type of the result
 * @param distinct  {@code count(DISTINCT x)}
 * @param <T>       the Java type of the result
 */
public record FunctionCall<T extends @Nullable Object>(String name, List<Expression<?>> arguments, SqlType<T> type, boolean distinct)
        implements Expression<T> {

    /**
     * Checks the components and copies the arguments.
     *
     * @param name the portable function name
     * @param arguments the arguments, in order
     * @param type the SQL type of the result
     * @param distinct {@code count(DISTINCT x)}
     * @throws NullPointerException if {@code name}, {@code arguments} or {@code type} is {@code null}
     */
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
