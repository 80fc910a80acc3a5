package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import java.util.Objects;
import org.tabula.type.SqlType;

/**
 * A trusted SQL fragment written by the programmer, such as a server default
 * ({@code CURRENT_TIMESTAMP}). It carries no values: anything that comes from outside the
 * program belongs in a {@link BindValue}.
 */
public record RawSql<T extends @Nullable Object>(String sql, SqlType<T> type) implements Expression<T> {

    public RawSql {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitRawSql(this);
    }
}
