package org.tabula.type;

import org.jspecify.annotations.Nullable;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link SqlType} built from a kind, a Java class and two small JDBC functions.
 * All built-in types in {@link SqlTypes} are instances of it.
 *
 * <pre>{@code
 * BasicType<Short> smallint = new BasicType<>(TypeKind.INTEGER, Short.class, 0, 0,
 *         (ps, i, v) -> ps.setShort(i, v),
 *         (rs, i) -> { short v = rs.getShort(i); return rs.wasNull() ? null : v; },
 *         v -> v instanceof Number n ? n.shortValue() : null);
 * }</pre>
 *
 * @param <T> the Java type of values
 */
public final class BasicType<T extends @Nullable Object> implements SqlType<T> {

    /**
     * Binds one non-null value to a statement parameter.
     *
     * <pre>{@code
     * BasicType.Binder<Short> binder = (ps, i, v) -> ps.setShort(i, v);
     * }</pre>
     *
     * @param <T> the Java type of values
     */
    @FunctionalInterface
    public interface Binder<T extends @Nullable Object> {
        /**
         * Binds {@code value} as parameter {@code index}.
         *
         * <pre>{@code
         * BasicType.Binder<Short> binder = (ps, i, v) -> ps.setShort(i, v);
         * binder.bind(ps, 1, (short) 7);
         * }</pre>
         *
         * @param ps the statement to bind to
         * @param index the 1-based parameter index
         * @param value the value, never {@code null}
         * @throws SQLException when the driver rejects the value
         */
        void bind(PreparedStatement ps, int index, T value) throws SQLException;
    }

    /**
     * Reads one value, or {@code null}, from a result column.
     *
     * <pre>{@code
     * BasicType.Reader<String> reader = ResultSet::getString;
     * }</pre>
     *
     * @param <T> the Java type of values
     */
    @FunctionalInterface
    public interface Reader<T extends @Nullable Object> {
        /**
         * Reads column {@code index} of the current row.
         *
         * <pre>{@code
         * BasicType.Reader<String> reader = ResultSet::getString;
         * ResultSet rs = ps.executeQuery();
         * String first = rs.next() ? reader.read(rs, 1) : null;
         * }</pre>
         *
         * @param rs the result set, positioned on a row
         * @param index the 1-based column index
         * @return the value, or {@code null} for SQL {@code NULL}
         * @throws SQLException when the driver cannot read the column
         */
        @Nullable T read(ResultSet rs, int index) throws SQLException;
    }

    private final TypeKind kind;
    private final Class<T> javaType;
    private final int length;
    private final int scale;
    private final Binder<T> binder;
    private final Reader<T> reader;
    private final Function<Object, T> coercion;
    /** Which of the standard readers {@link #reader} is, so {@link #read} can call JDBC directly. */
    private final int readCode;
    /** Which of the standard binders {@link #binder} is, so {@link #bind} can call JDBC directly. */
    private final int bindCode;

    // The built-in readers. read() recognises them by identity and inlines their work: a reader
    // called through the interface is a megamorphic call per value, the largest cost Tabula added
    // to reading large results (see benchmarks/README.md). Any other reader is called as given.
    private static final int OTHER = 0;
    private static final int LONG = 1;
    private static final int INT = 2;
    private static final int DOUBLE = 3;
    private static final int BOOLEAN = 4;
    private static final int STRING = 5;

    static final Reader<Long> LONG_READER = (rs, i) -> {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    };
    static final Reader<Integer> INT_READER = (rs, i) -> {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    };
    static final Reader<Double> DOUBLE_READER = (rs, i) -> {
        double v = rs.getDouble(i);
        return rs.wasNull() ? null : v;
    };
    static final Reader<Boolean> BOOLEAN_READER = (rs, i) -> {
        boolean v = rs.getBoolean(i);
        return rs.wasNull() ? null : v;
    };
    static final Reader<String> STRING_READER = ResultSet::getString;

    // The same for binding: executemany binds every value of every row through here.
    static final Binder<Long> LONG_BINDER = (ps, i, v) -> ps.setLong(i, v);
    static final Binder<Integer> INT_BINDER = (ps, i, v) -> ps.setInt(i, v);
    static final Binder<Double> DOUBLE_BINDER = (ps, i, v) -> ps.setDouble(i, v);
    static final Binder<Boolean> BOOLEAN_BINDER = (ps, i, v) -> ps.setBoolean(i, v);
    static final Binder<String> STRING_BINDER = (ps, i, v) -> ps.setString(i, v);

    /**
     * Creates a type. The built-in binders and readers of {@link SqlTypes} are recognised and
     * called without the indirection, so types built from them bind and read as fast as the
     * built-in ones.
     *
     * <pre>{@code
     * BasicType<Short> smallint = new BasicType<>(TypeKind.INTEGER, Short.class, 0, 0,
     *         (ps, i, v) -> ps.setShort(i, v),
     *         (rs, i) -> { short v = rs.getShort(i); return rs.wasNull() ? null : v; },
     *         v -> v instanceof Number n ? n.shortValue() : null);
     * }</pre>
     *
     * @param kind the family, which decides DDL names and dialect codecs
     * @param javaType the Java class of values
     * @param length length or precision, 0 when not applicable
     * @param scale scale for decimals, 0 when not applicable
     * @param binder binds a non-null value
     * @param reader reads a value or {@code null}
     * @param coercion converts a loosely typed value (driver or parameter map) to {@code T},
     *        returning {@code null} when it cannot; may be {@code null} for no conversion
     * @throws NullPointerException when kind, javaType, binder or reader is {@code null}
     */
    public BasicType(TypeKind kind, Class<T> javaType, int length, int scale,
                     Binder<T> binder, Reader<T> reader, Function<Object, T> coercion) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.javaType = Objects.requireNonNull(javaType, "javaType");
        this.length = length;
        this.scale = scale;
        this.binder = Objects.requireNonNull(binder, "binder");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.coercion = coercion;
        this.readCode = reader == LONG_READER ? LONG
                : reader == INT_READER ? INT
                : reader == DOUBLE_READER ? DOUBLE
                : reader == BOOLEAN_READER ? BOOLEAN
                : reader == STRING_READER ? STRING
                : OTHER;
        this.bindCode = binder == LONG_BINDER ? LONG
                : binder == INT_BINDER ? INT
                : binder == DOUBLE_BINDER ? DOUBLE
                : binder == BOOLEAN_BINDER ? BOOLEAN
                : binder == STRING_BINDER ? STRING
                : OTHER;
    }

    /**
     * The same type with another length (and scale), e.g. {@code varchar(20)} from {@code varchar}.
     *
     * <pre>{@code
     * BasicType<String> code = SqlTypes.VARCHAR.withLength(20, 0);
     * }</pre>
     *
     * @param newLength the length or precision, 0 for none
     * @param newScale the scale, 0 for none
     * @return a new type with the same codecs
     */
    public BasicType<T> withLength(int newLength, int newScale) {
        return new BasicType<>(kind, javaType, newLength, newScale, binder, reader, coercion);
    }

    @Override public TypeKind kind() { return kind; }
    @Override public Class<T> javaType() { return javaType; }
    @Override public int length() { return length; }
    @Override public int scale() { return scale; }

    @Override
    public void bind(PreparedStatement ps, int index, T value) throws SQLException {
        switch (bindCode) {
            case LONG -> ps.setLong(index, (Long) value);
            case INT -> ps.setInt(index, (Integer) value);
            case DOUBLE -> ps.setDouble(index, (Double) value);
            case BOOLEAN -> ps.setBoolean(index, (Boolean) value);
            case STRING -> ps.setString(index, (String) value);
            default -> binder.bind(ps, index, value);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public @Nullable T read(ResultSet rs, int index) throws SQLException {
        switch (readCode) {
            case LONG: {
                long v = rs.getLong(index);
                return rs.wasNull() ? null : (T) Long.valueOf(v);
            }
            case INT: {
                int v = rs.getInt(index);
                return rs.wasNull() ? null : (T) Integer.valueOf(v);
            }
            case DOUBLE: {
                double v = rs.getDouble(index);
                return rs.wasNull() ? null : (T) Double.valueOf(v);
            }
            case BOOLEAN: {
                boolean v = rs.getBoolean(index);
                return rs.wasNull() ? null : (T) Boolean.valueOf(v);
            }
            case STRING:
                return (T) rs.getString(index);
            default:
                return reader.read(rs, index);
        }
    }

    @Override
    public @Nullable T coerce(@Nullable Object value) {
        if (value == null || javaType.isInstance(value)) {
            return javaType.cast(value);
        }
        if (coercion != null) {
            T converted = coercion.apply(value);
            if (converted != null) {
                return converted;
            }
        }
        return SqlType.super.coerce(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BasicType<?> other && kind == other.kind && javaType == other.javaType
                && length == other.length && scale == other.scale;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, javaType, length, scale);
    }

    @Override
    public String toString() {
        return length > 0 ? kind + "(" + length + (scale > 0 ? "," + scale : "") + ")" : kind.name();
    }
}
