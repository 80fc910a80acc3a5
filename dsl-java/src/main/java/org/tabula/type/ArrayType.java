package org.tabula.type;

import org.jspecify.annotations.Nullable;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A PostgreSQL array column, as a {@code List} of an element type. Other dialects have no
 * arrays: creating or writing such a column there fails with a clear error suggesting a JSON
 * column ({@link JsonType}) instead.
 *
 * <pre>{@code
 * Column<List<String>> tags = array("tags", SqlTypes.TEXT);
 * }</pre>
 *
 * @param <T> the Java type of the elements
 */
public final class ArrayType<T extends @Nullable Object> implements SqlType<List<T>> {

    private final SqlType<T> elementType;

    private ArrayType(SqlType<T> elementType) {
        this.elementType = Objects.requireNonNull(elementType, "elementType");
        if (elementType.kind() == TypeKind.ARRAY || elementType.kind() == TypeKind.JSON
                || elementType.kind() == TypeKind.ANY) {
            throw new IllegalArgumentException("arrays of " + elementType + " are not supported");
        }
    }

    /**
     * An array of {@code elementType}.
     *
     * <pre>{@code
     * ArrayType<Integer> scores = ArrayType.of(SqlTypes.INTEGER);
     * }</pre>
     *
     * @param <T> the Java type of the elements
     * @param elementType the type of each element; not an array, JSON or {@code ANY} type
     * @return the array type
     * @throws IllegalArgumentException when the element type cannot be an array element
     */
    public static <T extends @Nullable Object> ArrayType<T> of(SqlType<T> elementType) {
        return new ArrayType<>(elementType);
    }

    /**
     * The type of each element, whose SQL name the dialect uses to bind the array.
     *
     * <pre>{@code
     * SqlType<Integer> element = ArrayType.of(SqlTypes.INTEGER).elementType();   // SqlTypes.INTEGER
     * }</pre>
     *
     * @return the element type
     */
    public SqlType<T> elementType() {
        return elementType;
    }

    @Override
    public TypeKind kind() {
        return TypeKind.ARRAY;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<List<T>> javaType() {
        return (Class) List.class;
    }

    /**
     * Binding needs the dialect's element type name; see {@code Dialect.bind}.
     *
     * <pre>{@code
     * ArrayType.of(SqlTypes.TEXT).bind(ps, 1, List.of("a", "b"));   // a java.sql.Array made by the connection
     * }</pre>
     */
    @Override
    public void bind(PreparedStatement ps, int index, List<T> value) throws SQLException {
        throw new UnsupportedOperationException("arrays are bound by the dialect");
    }

    @Override
    public @Nullable List<T> read(ResultSet rs, int index) throws SQLException {
        Array array = rs.getArray(index);
        if (array == null) {
            return null;
        }
        try {
            Object[] items = (Object[]) array.getArray();
            List<T> out = new ArrayList<>(items.length);
            for (Object item : items) {
                out.add(elementType.coerce(item));
            }
            return Collections.unmodifiableList(out);
        } finally {
            array.free();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public @Nullable List<T> coerce(@Nullable Object value) {
        if (value == null || value instanceof List<?>) {
            return (List<T>) value;
        }
        if (value instanceof Object[] items) {
            List<T> out = new ArrayList<>(items.length);
            for (Object item : items) {
                out.add(elementType.coerce(item));
            }
            return out;
        }
        return SqlType.super.coerce(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArrayType<?> other && other.elementType.equals(elementType);
    }

    @Override
    public int hashCode() {
        return elementType.hashCode() * 17;
    }

    @Override
    public String toString() {
        return elementType + "[]";
    }
}
