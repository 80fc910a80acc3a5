package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import java.util.Objects;
import org.tabula.type.SqlType;

/**
 * A named placeholder whose value is supplied at execution time, e.g. once per row of an
 * executemany.
 *
 * <pre>{@code
 * var stmt = update(USERS).set(USERS.name, bindParam("newName", USERS.name.type()))
 *                         .where(USERS.id.eq(bindParam("uid", USERS.id.type())));
 * conn.execute(stmt, List.of(Map.of("uid", 1L, "newName", "ann")));
 * }</pre>
 *
 * @param name the parameter's name, the key of the value at execution time
 * @param type how to bind the value
 * @param <T>  the Java type of the value
 */
public record BindParam<T extends @Nullable Object>(String name, SqlType<T> type) implements Expression<T> {

    /**
     * Checks the components.
     *
     * @param name the parameter's name
     * @param type how to bind the value
     * @throws NullPointerException if {@code name} or {@code type} is {@code null}
     */
    public BindParam {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitBindParam(this);
    }
}
