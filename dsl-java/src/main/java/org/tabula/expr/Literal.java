package org.tabula.expr;

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
 */
public record Literal<T>(T value, SqlType<T> type) implements Expression<T> {

    public Literal {
        Objects.requireNonNull(value, "literal value");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public <R> R accept(SqlVisitor<R> visitor) {
        return visitor.visitLiteral(this);
    }
}
