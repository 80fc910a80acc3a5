package org.tabula.type;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * JSON documents mapped to {@code Map}/{@code List} or to a user type with Jackson
 * (an optional dependency: add {@code com.fasterxml.jackson.core:jackson-databind} to use it).
 * Stored as {@code JSONB} on PostgreSQL, {@code JSON} on MySQL/MariaDB and {@code TEXT} on SQLite.
 *
 * <pre>{@code
 * Column<Object> attributes = column("attributes", JsonType.of());            // maps and lists
 * Column<Settings> settings = column("settings", JsonType.of(Settings.class));
 * Column<List<String>> tags = column("tags", JsonType.of(new TypeReference<List<String>>() {}));
 * }</pre>
 *
 * @param <T> the Java type of values
 */
public final class JsonType<T extends @Nullable Object> implements JsonSqlType<T> {

    private static final ObjectMapper DEFAULT_MAPPER = new ObjectMapper().findAndRegisterModules();

    private final Class<T> javaType;
    private final JavaType jacksonType;
    private final ObjectMapper mapper;

    private JsonType(Class<T> javaType, JavaType jacksonType, ObjectMapper mapper) {
        this.javaType = javaType;
        this.jacksonType = jacksonType;
        this.mapper = mapper;
    }

    /**
     * Any JSON value: objects become {@code Map}, arrays {@code List}.
     *
     * <pre>{@code
     * Column<Object> attributes = column("attributes", JsonType.of());
     * }</pre>
     *
     * @return the type
     */
    public static JsonType<Object> of() {
        return of(Object.class);
    }

    /**
     * JSON bound to a Java class through Jackson.
     *
     * <pre>{@code
     * Column<Settings> settings = column("settings", JsonType.of(Settings.class));
     * }</pre>
     *
     * @param <T> the Java type of values
     * @param type the class Jackson maps documents to
     * @return the type
     */
    public static <T extends @Nullable Object> JsonType<T> of(Class<T> type) {
        return new JsonType<>(type, DEFAULT_MAPPER.constructType(type), DEFAULT_MAPPER);
    }

    /**
     * JSON bound to a generic type, e.g. {@code new TypeReference<List<Item>>() {}}.
     *
     * <pre>{@code
     * JsonType<List<String>> tags = JsonType.of(new TypeReference<List<String>>() {});
     * }</pre>
     *
     * @param <T> the Java type of values
     * @param type the generic type Jackson maps documents to
     * @return the type
     */
    @SuppressWarnings("unchecked")
    public static <T extends @Nullable Object> JsonType<T> of(TypeReference<T> type) {
        JavaType jt = DEFAULT_MAPPER.constructType(type);
        return new JsonType<>((Class<T>) jt.getRawClass(), jt, DEFAULT_MAPPER);
    }

    /**
     * The same type with a configured {@link ObjectMapper} (naming strategy, modules...).
     *
     * <pre>{@code
     * JsonType<Settings> settings = JsonType.of(Settings.class).withMapper(myMapper);
     * }</pre>
     *
     * @param objectMapper the mapper to read and write with
     * @return a new type using that mapper
     */
    public JsonType<T> withMapper(ObjectMapper objectMapper) {
        return new JsonType<>(javaType, jacksonType, Objects.requireNonNull(objectMapper));
    }

    /**
     * The JSON text of a value.
     *
     * <pre>{@code
     * String text = JsonType.of(Settings.class).toJson(new Settings("dark"));   // {"theme":"dark"}
     * }</pre>
     *
     * @param value the value
     * @return its JSON text
     * @throws IllegalArgumentException when Jackson cannot write the value
     */
    @Override
    public String toJson(T value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * The value of JSON text.
     *
     * <pre>{@code
     * Settings s = JsonType.of(Settings.class).fromJson("{\"theme\":\"dark\"}");
     * }</pre>
     *
     * @param json the JSON text
     * @return the value it describes
     * @throws IllegalArgumentException when the text is not JSON of the expected type
     */
    @Override
    public T fromJson(String json) {
        try {
            return mapper.readValue(json, jacksonType);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read JSON as " + jacksonType + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public TypeKind kind() {
        return TypeKind.JSON;
    }

    @Override
    public Class<T> javaType() {
        return javaType;
    }

    @Override
    public void bind(PreparedStatement ps, int index, T value) throws SQLException {
        ps.setString(index, toJson(value));
    }

    @Override
    public @Nullable T read(ResultSet rs, int index) throws SQLException {
        String s = rs.getString(index);
        return s == null ? null : fromJson(s);
    }

    /**
     * Any value Jackson can write is accepted; the declared class is checked on reading.
     *
     * <pre>{@code
     * Settings s = JsonType.of(Settings.class).coerce(Map.of("theme", "dark"));   // from a parameter map
     * }</pre>
     *
     * @param value the value, may be {@code null}
     * @return the same value
     */
    @Override
    @SuppressWarnings("unchecked")
    public @Nullable T coerce(@Nullable Object value) {
        return (T) value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonType<?> other && other.jacksonType.equals(jacksonType) && other.mapper == mapper;
    }

    @Override
    public int hashCode() {
        return jacksonType.hashCode();
    }

    @Override
    public String toString() {
        return "JSON(" + jacksonType + ")";
    }
}
