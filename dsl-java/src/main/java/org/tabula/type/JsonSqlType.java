package org.tabula.type;

import org.jspecify.annotations.Nullable;

/**
 * A JSON column type, whatever library maps its values: {@link JsonType} (Jackson) in Java,
 * a kotlinx.serialization type in the Kotlin layer. Dialects use the JSON text it produces,
 * e.g. to send it as {@code jsonb} on PostgreSQL.
 *
 * <pre>{@code
 * String text = jsonType.toJson(value);
 * }</pre>
 */
public interface JsonSqlType<T extends @Nullable Object> extends SqlType<T> {

    /** The JSON text of a non-null value. */
    String toJson(T value);

    /** The value of JSON text. */
    T fromJson(String json);

    @Override
    default TypeKind kind() {
        return TypeKind.JSON;
    }
}
