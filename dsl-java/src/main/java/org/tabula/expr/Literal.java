package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import java.util.Objects;
import org.tabula.type.SqlType;

/**
 * A constant written by the programmer. In DDL (a server default) the dialect renders it as an
 * escaped SQL literal, since DDL has no parameters; everywhere else it is a bind parameter
 * like any value.
 *
 * <pre>{@code
 * Column<Status> status = enumeration("status", Status.class).serverDefaultValue(Status.DRAFT);
 * }</pre>
 *
 * @param value the constant, never {@code null}
 * @param type  the SQL type of the constant
 * @param <T>   the Java type of the constant
 */
public record Literal<T extends @Nullable Object>(T value, SqlType<T> type) implements Expression<T> {

    /**
     * Checks the components.
     *
     * @param value the constant, never {@code null}
     * @param type the SQL type of the constant
     * @throws NullPointerException if {@code value} or {@code type} is {@code null}
     */
    public Literal {
        Objects.requireNonNull(value, "literal value");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitLiteral(this);
    }
}
