package org.tabula.type;

import org.jspecify.annotations.Nullable;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.EnumMap;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A {@link SqlType} built from a kind, a Java class, a DDL name and two small JDBC functions,
 * each of which may differ per {@link DatabaseFamily} ({@link #builder}). All built-in types in
 * {@link SqlTypes} are instances of it.
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
    private final @Nullable Function<Object, T> coercion;
    private final @Nullable Function<? super SqlType<?>, String> sqlName;
    private final @Nullable Function<? super SqlType<?>, String> castName;
    private final int jdbcType;
    /** Made by the public constructor: named (and NULL-typed) as the built-in type of its kind. */
    private final boolean namedByKind;
    /** What made this type, so {@link #withLength} can make it again with another length. */
    private final Builder<T> spec;
    /**
     * This type as each {@link DatabaseFamily} (by ordinal) sees it, {@code this} where nothing
     * differs; {@code null} when nothing differs anywhere. An array lookup, so a type that binds
     * differently on SQLite costs no extra call per value.
     */
    private final BasicType<T> @Nullable [] variants;
    /**
     * {@link #variants} when some family binds or reads differently, else {@code null}: types that
     * differ only in name (MySQL's CAST names, say) bind and read with no per-value lookup at all.
     */
    private final BasicType<T> @Nullable [] codecs;
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
     * Creates a type with one codec and no DDL name of its own: its DDL name is that of the
     * built-in type of the same {@code kind} (so a {@code TypeKind.INTEGER} type is an
     * {@code INTEGER} column). The built-in binders and readers of {@link SqlTypes} are
     * recognised and called without the indirection, so types built from them bind and read as
     * fast as the built-in ones. {@link #builder} makes types whose DDL name or codec differs per
     * database.
     *
     * <pre>{@code
     * BasicType<Short> smallint = new BasicType<>(TypeKind.INTEGER, Short.class, 0, 0,
     *         (ps, i, v) -> ps.setShort(i, v),
     *         (rs, i) -> { short v = rs.getShort(i); return rs.wasNull() ? null : v; },
     *         v -> v instanceof Number n ? n.shortValue() : null);
     * }</pre>
     *
     * @param kind the family, as reflection and schema comparison describe it
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
                     Binder<T> binder, Reader<T> reader, @Nullable Function<Object, T> coercion) {
        this(new Builder<>(kind, javaType).length(length, scale).binder(binder).reader(reader).coercion(coercion)
                .namedByKind(), null);
    }

    private BasicType(Builder<T> spec, BasicType<T> @Nullable [] variants) {
        this.spec = spec;
        this.kind = Objects.requireNonNull(spec.kind, "kind");
        this.javaType = Objects.requireNonNull(spec.javaType, "javaType");
        this.length = spec.length;
        this.scale = spec.scale;
        this.binder = Objects.requireNonNull(spec.binder, "binder");
        this.reader = Objects.requireNonNull(spec.reader, "reader");
        this.coercion = spec.coercion;
        this.sqlName = spec.sqlName;
        this.castName = spec.castName;
        this.jdbcType = spec.jdbcType;
        this.namedByKind = spec.namedByKind;
        if (variants != null) {
            for (int i = 0; i < variants.length; i++) {
                if (variants[i] == null) {
                    variants[i] = this;
                }
            }
        }
        this.variants = variants;
        boolean codecDiffers = false;
        if (variants != null) {
            for (BasicType<T> v : variants) {
                codecDiffers |= v.binder != binder || v.reader != reader;
            }
        }
        this.codecs = codecDiffers ? variants : null;
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
     * Starts a type whose DDL name, codec and NULL code may differ per {@link DatabaseFamily}:
     * the builder's settings are the standard-SQL form, {@link Builder#on} changes them for one
     * family. The built-in types are made this way.
     *
     * <pre>{@code
     * BasicType<LocalTime> time = BasicType.builder(TypeKind.TIME, LocalTime.class)
     *         .sqlName("TIME").jdbcType(Types.TIME)
     *         .binder((ps, i, v) -> ps.setObject(i, v))
     *         .reader((rs, i) -> rs.getObject(i, LocalTime.class))
     *         .on(DatabaseFamily.SQLITE, b -> b.sqlName("TEXT")
     *                 .binder((ps, i, v) -> ps.setString(i, v.toString()))
     *                 .reader((rs, i) -> { String s = rs.getString(i); return s == null ? null : LocalTime.parse(s); }))
     *         .build();
     * }</pre>
     *
     * @param <T> the Java type of values
     * @param kind the family, as reflection and schema comparison describe it
     * @param javaType the Java class of values
     * @return a builder; set at least a binder, a reader and an SQL name
     */
    public static <T extends @Nullable Object> Builder<T> builder(TypeKind kind, Class<T> javaType) {
        return new Builder<>(kind, javaType);
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
        return spec.copy().length(newLength, newScale).build();
    }

    /**
     * Whether every value this type reads, on every database, is null or an instance of exactly
     * {@link #javaType()}: true for the built-in readers of {@code Long}, {@code Integer},
     * {@code Double}, {@code Boolean} and {@code String} (JDBC's own getters), which lets a row
     * mapper pass such values on without a class check.
     *
     * <pre>{@code
     * boolean exact = SqlTypes.BIGINT.readsExactJavaType();   // true: getLong, a Long
     * }</pre>
     *
     * @return true when a read value needs no check against {@code javaType()}
     */
    public boolean readsExactJavaType() {
        if (readCode == OTHER) {
            return false;
        }
        if (codecs != null) {
            for (BasicType<T> codec : codecs) {
                if (codec.readCode == OTHER) {
                    return false;
                }
            }
        }
        return true;
    }

    /** This type as {@code dialect}'s family sees it. */
    private BasicType<T> on(TypeDialect dialect) {
        BasicType<T>[] v = variants;
        return v == null ? this : v[dialect.family().ordinal()];
    }

    /** This type's codec on {@code dialect}: itself, without asking, unless some family's differs. */
    private BasicType<T> codecOn(TypeDialect dialect) {
        BasicType<T>[] v = codecs;
        return v == null ? this : v[dialect.family().ordinal()];
    }

    @Override
    public String sqlName(TypeDialect dialect) {
        BasicType<T> v = on(dialect);
        if (v.sqlName != null) {
            return v.sqlName.apply(v);
        }
        BasicType<?> like = namedByKind ? SqlTypes.builtIn(kind) : null;
        return like != null ? like.withLength(length, scale).sqlName(dialect) : SqlType.super.sqlName(dialect);
    }

    @Override
    public String castName(TypeDialect dialect) {
        BasicType<T> v = on(dialect);
        if (v.castName != null) {
            return v.castName.apply(v);
        }
        BasicType<?> like = namedByKind ? SqlTypes.builtIn(kind) : null;
        return like != null ? like.withLength(length, scale).castName(dialect) : sqlName(dialect);
    }

    @Override
    public int jdbcType(TypeDialect dialect) {
        BasicType<?> like = namedByKind ? SqlTypes.builtIn(kind) : null;
        return like != null ? like.jdbcType(dialect) : on(dialect).jdbcType;
    }

    @Override
    public void bind(TypeDialect dialect, PreparedStatement ps, int index, T value) throws SQLException {
        BasicType<T> codec = codecOn(dialect);
        int code = codec.bindCode;
        if (code >= LONG && code <= DOUBLE && dialect.family() == DatabaseFamily.SQLITE) {
            // sqlite-jdbc's setLong/setInt/setDouble box the value anew (new Long(v)) to keep it until
            // the statement runs; setObject keeps the boxed value given, an allocation less per value.
            ps.setObject(index, codec.javaType.cast(value));
            return;
        }
        codec.bind(ps, index, value);
    }

    @Override
    public @Nullable T read(TypeDialect dialect, ResultSet rs, int index) throws SQLException {
        return codecOn(dialect).read(rs, index);
    }

    @Override
    @SuppressWarnings("unchecked")
    public @Nullable T readNotNull(TypeDialect dialect, ResultSet rs, int index) throws SQLException {
        BasicType<T> codec = codecOn(dialect);
        return switch (codec.readCode) {
            case LONG -> (T) Long.valueOf(rs.getLong(index));
            case INT -> (T) Integer.valueOf(rs.getInt(index));
            case DOUBLE -> (T) Double.valueOf(rs.getDouble(index));
            case BOOLEAN -> (T) Boolean.valueOf(rs.getBoolean(index));
            default -> codec.read(rs, index);
        };
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

    /**
     * Makes a {@link BasicType}; see {@link BasicType#builder}. Not thread-safe; the types it
     * builds are immutable.
     *
     * <pre>{@code
     * BasicType<Short> smallint = BasicType.builder(TypeKind.INTEGER, Short.class)
     *         .sqlName("SMALLINT").jdbcType(Types.SMALLINT)
     *         .binder((ps, i, v) -> ps.setShort(i, v))
     *         .reader((rs, i) -> { short v = rs.getShort(i); return rs.wasNull() ? null : v; })
     *         .build();
     * }</pre>
     *
     * @param <T> the Java type of values
     */
    public static final class Builder<T extends @Nullable Object> {
        private final TypeKind kind;
        private final Class<T> javaType;
        private int length;
        private int scale;
        private @Nullable Binder<T> binder;
        private @Nullable Reader<T> reader;
        private @Nullable Function<Object, T> coercion;
        private @Nullable Function<? super SqlType<?>, String> sqlName;
        private @Nullable Function<? super SqlType<?>, String> castName;
        private int jdbcType = Types.OTHER;
        private boolean namedByKind;
        private final EnumMap<DatabaseFamily, UnaryOperator<Builder<T>>> overrides = new EnumMap<>(DatabaseFamily.class);

        private Builder(TypeKind kind, Class<T> javaType) {
            this.kind = Objects.requireNonNull(kind, "kind");
            this.javaType = Objects.requireNonNull(javaType, "javaType");
        }

        private Builder<T> copy() {
            Builder<T> b = new Builder<>(kind, javaType);
            b.length = length;
            b.scale = scale;
            b.binder = binder;
            b.reader = reader;
            b.coercion = coercion;
            b.sqlName = sqlName;
            b.castName = castName;
            b.jdbcType = jdbcType;
            b.namedByKind = namedByKind;
            b.overrides.putAll(overrides);
            return b;
        }

        /**
         * Length (or precision) and scale; 0 when not applicable.
         *
         * <pre>{@code
         * builder.length(65, 0);
         * }</pre>
         *
         * @param newLength the length or precision
         * @param newScale the scale
         * @return this builder
         */
        public Builder<T> length(int newLength, int newScale) {
            this.length = newLength;
            this.scale = newScale;
            return this;
        }

        /**
         * The length set so far, for an {@link #on} override whose codec depends on it.
         *
         * <pre>{@code
         * BasicType.Builder<BigInteger> b = BasicType.builder(TypeKind.BIG_INTEGER, BigInteger.class).length(30, 0);
         * int precision = b.length();   // 30
         * }</pre>
         *
         * @return the length or precision, 0 when none
         */
        public int length() {
            return length;
        }

        /**
         * The scale set so far, for an {@link #on} override whose codec depends on it.
         *
         * <pre>{@code
         * int digits = builder.scale();
         * }</pre>
         *
         * @return the scale, 0 when none
         */
        public int scale() {
            return scale;
        }

        /**
         * How a non-null value is bound.
         *
         * <pre>{@code
         * builder.binder((ps, i, v) -> ps.setObject(i, v));
         * }</pre>
         *
         * @param newBinder the binder
         * @return this builder
         */
        public Builder<T> binder(Binder<T> newBinder) {
            this.binder = Objects.requireNonNull(newBinder, "binder");
            return this;
        }

        /**
         * How a value (or {@code null}) is read.
         *
         * <pre>{@code
         * builder.reader((rs, i) -> rs.getObject(i, LocalTime.class));
         * }</pre>
         *
         * @param newReader the reader
         * @return this builder
         */
        public Builder<T> reader(Reader<T> newReader) {
            this.reader = Objects.requireNonNull(newReader, "reader");
            return this;
        }

        /**
         * How a loosely typed value (a parameter map's, or what a driver's {@code getObject}
         * returned for a {@code text()} column) becomes a {@code T}; answering {@code null}
         * means it cannot.
         *
         * <pre>{@code
         * builder.coercion(v -> v instanceof String s ? LocalTime.parse(s) : null);
         * }</pre>
         *
         * @param newCoercion the conversion, or {@code null} for none
         * @return this builder
         */
        public Builder<T> coercion(@Nullable Function<Object, T> newCoercion) {
            this.coercion = newCoercion;
            return this;
        }

        /**
         * The DDL name.
         *
         * <pre>{@code
         * builder.sqlName("TIME");
         * }</pre>
         *
         * @param name the name as written in CREATE TABLE
         * @return this builder
         */
        public Builder<T> sqlName(String name) {
            Objects.requireNonNull(name, "name");
            return sqlName(t -> name);
        }

        /**
         * The DDL name, computed from the type (for its length and scale).
         *
         * <pre>{@code
         * builder.sqlName(t -> "NUMERIC(" + t.length() + ", 0)");
         * }</pre>
         *
         * @param name the type to its name
         * @return this builder
         */
        public Builder<T> sqlName(Function<? super SqlType<?>, String> name) {
            this.sqlName = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * The name in {@code CAST(x AS ...)} where it is not the DDL name.
         *
         * <pre>{@code
         * builder.castName(t -> "SIGNED");
         * }</pre>
         *
         * @param name the type to its CAST name
         * @return this builder
         */
        public Builder<T> castName(Function<? super SqlType<?>, String> name) {
            this.castName = Objects.requireNonNull(name, "name");
            return this;
        }

        private Builder<T> namedByKind() {
            this.namedByKind = true;
            return this;
        }

        /**
         * The {@link Types} code NULLs are bound with; {@code Types.OTHER} unless set.
         *
         * <pre>{@code
         * builder.jdbcType(Types.TIME);
         * }</pre>
         *
         * @param code a {@code java.sql.Types} constant
         * @return this builder
         */
        public Builder<T> jdbcType(int code) {
            this.jdbcType = code;
            return this;
        }

        /**
         * Changes, for one database family, what differs there: {@code override} gets a copy of
         * this builder's settings (as they are when {@link #build} runs) and changes some.
         *
         * <pre>{@code
         * builder.on(DatabaseFamily.MYSQL, b -> b.sqlName("TIME(6)"));
         * }</pre>
         *
         * @param family the database family
         * @param override changes the settings for that family
         * @return this builder
         */
        public Builder<T> on(DatabaseFamily family, UnaryOperator<Builder<T>> override) {
            overrides.put(Objects.requireNonNull(family, "family"), Objects.requireNonNull(override, "override"));
            return this;
        }

        /**
         * The type.
         *
         * <pre>{@code
         * BasicType<LocalTime> time = builder.build();
         * }</pre>
         *
         * @return a new immutable type
         * @throws NullPointerException when no binder or reader was set
         */
        @SuppressWarnings("unchecked")
        public BasicType<T> build() {
            Builder<T> spec = copy();
            if (overrides.isEmpty()) {
                return new BasicType<>(spec, null);
            }
            DatabaseFamily[] families = DatabaseFamily.values();
            BasicType<T>[] variants = new BasicType[families.length];
            for (DatabaseFamily f : families) {
                UnaryOperator<Builder<T>> override = overrides.get(f);
                if (override != null) {
                    Builder<T> b = copy();
                    b.overrides.clear();
                    variants[f.ordinal()] = new BasicType<>(override.apply(b), null);
                }
            }
            return new BasicType<>(spec, variants);
        }
    }
}
