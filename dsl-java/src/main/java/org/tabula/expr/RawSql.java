package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import java.util.Objects;
import org.tabula.type.SqlType;

/**
 * A trusted SQL fragment written by the programmer, such as a server default
 * ({@code CURRENT_TIMESTAMP}). It carries no values: anything that comes from outside the
 * program belongs in a {@link BindValue}.
 *
 * <pre>{@code
 * Expression<LocalDateTime> now = Sql.raw("CURRENT_TIMESTAMP", SqlTypes.TIMESTAMP);
 * }</pre>
 *
 * @param sql  the SQL text, copied verbatim
 * @param type the SQL type of its value
 * @param <T>  the Java type of its value
 */
public record RawSql<T extends @Nullable Object>(String sql, SqlType<T> type) implements Expression<T> {

    /**
     * Checks the components.
     *
     * @param sql the SQL text, copied verbatim
     * @param type the SQL type of its value
     * @throws NullPointerException if {@code sql} or {@code type} is {@code null}
     */
    public RawSql {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitRawSql(this);
    }
}
