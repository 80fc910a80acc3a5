package org.tabula.type;

import org.jspecify.annotations.Nullable;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.tabula.error.UnsupportedFeatureException;
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
     * Binding needs the dialect; see {@link #bind(TypeDialect, PreparedStatement, int, List)}.
     *
     * <pre>{@code
     * PreparedStatement ps = conn.jdbc().prepareStatement("INSERT INTO tags (names) VALUES (?)");
     * ArrayType.of(SqlTypes.TEXT).bind(Dialect.POSTGRES, ps, 1, List.of("a", "b"));   // a java.sql.Array made by the connection
     * }</pre>
     */
    @Override
    public void bind(PreparedStatement ps, int index, List<T> value) throws SQLException {
        throw new UnsupportedOperationException("arrays are bound by the dialect");
    }

    /**
     * The element's name followed by {@code []} on PostgreSQL; other databases have no arrays.
     *
     * <pre>{@code
     * String ddl = ArrayType.of(SqlTypes.TEXT).sqlName(Dialect.POSTGRES);   // TEXT[]
     * }</pre>
     */
    @Override
    public String sqlName(TypeDialect dialect) {
        if (dialect.family() != DatabaseFamily.POSTGRESQL) {
            throw noArrays(dialect);
        }
        return elementType.sqlName(dialect) + "[]";
    }

    @Override
    public int jdbcType(TypeDialect dialect) {
        return dialect.family() == DatabaseFamily.POSTGRESQL ? Types.ARRAY : Types.OTHER;
    }

    /**
     * A JDBC array of the elements on PostgreSQL; other databases refuse arrays.
     *
     * <pre>{@code
     * PreparedStatement ps = conn.jdbc().prepareStatement("INSERT INTO tags (names) VALUES (?)");
     * ArrayType.of(SqlTypes.TEXT).bind(Dialect.POSTGRES, ps, 1, List.of("a", "b"));
     * }</pre>
     */
    @Override
    public void bind(TypeDialect dialect, PreparedStatement ps, int index, List<T> value) throws SQLException {
        if (dialect.family() != DatabaseFamily.POSTGRESQL) {
            throw noArrays(dialect);
        }
        ps.setArray(index, ps.getConnection().createArrayOf(elementTypeName(), value.toArray()));
    }

    private UnsupportedFeatureException noArrays(TypeDialect dialect) {
        return new UnsupportedFeatureException("ARRAY columns are PostgreSQL-only; " + dialect.name()
                + " has no arrays: use a JSON column (JsonType) for lists");
    }

    /** pgjdbc's name of the element type, for {@code createArrayOf}. */
    private String elementTypeName() {
        return switch (elementType.kind()) {
            case BOOLEAN -> "bool";
            case INTEGER -> "int4";
            case BIGINT -> "int8";
            case DECIMAL -> "numeric";
            case DOUBLE -> "float8";
            case VARCHAR -> "varchar";
            case UUID -> "uuid";
            case DATE -> "date";
            case TIME -> "time";
            case TIMESTAMP -> "timestamp";
            case INSTANT, TIMESTAMP_TZ -> "timestamptz";
            case BYTES -> "bytea";
            default -> "text";
        };
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
