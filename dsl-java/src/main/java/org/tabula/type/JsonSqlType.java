package org.tabula.type;

import org.jspecify.annotations.Nullable;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * A JSON column type, whatever library maps its values: {@link JsonType} (Jackson) in Java,
 * a kotlinx.serialization type in the Kotlin layer. Dialects use the JSON text it produces,
 * e.g. to send it as {@code jsonb} on PostgreSQL.
 *
 * <pre>{@code
 * String text = jsonType.toJson(value);
 * }</pre>
 *
 * @param <T> the Java type of values
 */
public interface JsonSqlType<T extends @Nullable Object> extends SqlType<T> {

    /**
     * The JSON text of a non-null value.
     *
     * <pre>{@code
     * String text = jsonType.toJson(Map.of("theme", "dark"));   // {"theme":"dark"}
     * }</pre>
     *
     * @param value the value, never {@code null}
     * @return its JSON text
     */
    String toJson(T value);

    /**
     * The value of JSON text.
     *
     * <pre>{@code
     * Object settings = jsonType.fromJson("{\"theme\":\"dark\"}");   // a Map
     * }</pre>
     *
     * @param json the JSON text
     * @return the value it describes
     */
    T fromJson(String json);

    @Override
    default TypeKind kind() {
        return TypeKind.JSON;
    }

    /**
     * {@code JSONB} on PostgreSQL, {@code JSON} on MySQL and others, {@code TEXT} on SQLite.
     *
     * <pre>{@code
     * String ddl = JsonType.of().sqlName(Dialect.POSTGRES);   // JSONB
     * }</pre>
     */
    @Override
    default String sqlName(TypeDialect dialect) {
        return switch (dialect.family()) {
            case POSTGRESQL -> "JSONB";
            case SQLITE -> "TEXT";
            case MYSQL, OTHER -> "JSON";
        };
    }

    /**
     * On PostgreSQL the JSON text goes untyped, so the server casts it to the column's {@code jsonb}.
     *
     * <pre>{@code
     * PreparedStatement ps = conn.jdbc().prepareStatement("UPDATE events SET payload = ?");
     * JsonType.of().bind(Dialect.POSTGRES, ps, 1, Map.of("a", 1));
     * }</pre>
     */
    @Override
    default void bind(TypeDialect dialect, PreparedStatement ps, int index, T value) throws SQLException {
        if (dialect.family() == DatabaseFamily.POSTGRESQL) {
            ps.setObject(index, toJson(value), Types.OTHER);
        } else {
            bind(ps, index, value);
        }
    }
}
