package org.tabula.type;

import org.jspecify.annotations.Nullable;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A user-defined type on top of a stored one, like SQLAlchemy's {@code TypeDecorator} or jOOQ's
 * {@code Converter}: values of {@code T} in the application, values of {@code S} in the database.
 * Made with {@link SqlTypes#converted}; immutable. Per database, the DDL name may be changed
 * ({@link #withSqlName}) or another type used altogether ({@link #on}).
 *
 * <pre>{@code
 * record EmailAddress(String value) { }
 * static final ConvertedType<EmailAddress, String> EMAIL = SqlTypes.converted(SqlTypes.varchar(254),
 *         EmailAddress.class, EmailAddress::new, EmailAddress::value)
 *         .withSqlName(DatabaseFamily.POSTGRESQL, "CITEXT");    // case-insensitive there
 *
 * // UUIDs in 16 bytes on MySQL and SQLite, native elsewhere
 * static final SqlType<UUID> UUID_BINARY = SqlTypes.converted(SqlTypes.BYTES, UUID.class, Uuids::fromBytes, Uuids::toBytes)
 *         .withSqlName(DatabaseFamily.MYSQL, "BINARY(16)")
 *         .on(DatabaseFamily.POSTGRESQL, SqlTypes.UUID_TYPE);
 * }</pre>
 *
 * @param <T> the Java type the application uses
 * @param <S> the Java type of the stored type
 */
public final class ConvertedType<T extends @Nullable Object, S extends @Nullable Object> implements SqlType<T> {

    private final SqlType<S> stored;
    private final Class<T> javaType;
    private final Function<? super S, ? extends T> fromDatabase;
    private final Function<? super T, ? extends S> toDatabase;
    private final Map<DatabaseFamily, String> sqlNames;
    private final Map<DatabaseFamily, SqlType<T>> replacements;

    private ConvertedType(SqlType<S> stored, Class<T> javaType, Function<? super S, ? extends T> fromDatabase,
                          Function<? super T, ? extends S> toDatabase, Map<DatabaseFamily, String> sqlNames,
                          Map<DatabaseFamily, SqlType<T>> replacements) {
        this.stored = Objects.requireNonNull(stored, "stored");
        this.javaType = Objects.requireNonNull(javaType, "javaType");
        this.fromDatabase = Objects.requireNonNull(fromDatabase, "fromDatabase");
        this.toDatabase = Objects.requireNonNull(toDatabase, "toDatabase");
        this.sqlNames = sqlNames;
        this.replacements = replacements;
    }

    static <T extends @Nullable Object, S extends @Nullable Object> ConvertedType<T, S> of(
            SqlType<S> stored, Class<T> javaType, Function<? super S, ? extends T> fromDatabase,
            Function<? super T, ? extends S> toDatabase) {
        return new ConvertedType<>(stored, javaType, fromDatabase, toDatabase,
                new EnumMap<>(DatabaseFamily.class), new EnumMap<>(DatabaseFamily.class));
    }

    /**
     * The same type with another DDL name on one database family; values are still bound and
     * read as the stored type binds and reads them there.
     *
     * <pre>{@code
     * SqlType<EmailAddress> email = EMAIL.withSqlName(DatabaseFamily.POSTGRESQL, "CITEXT");
     * }</pre>
     *
     * @param family the database family
     * @param sqlName the DDL name there
     * @return a new type
     */
    public ConvertedType<T, S> withSqlName(DatabaseFamily family, String sqlName) {
        Map<DatabaseFamily, String> names = new EnumMap<>(DatabaseFamily.class);
        names.putAll(sqlNames);
        names.put(Objects.requireNonNull(family, "family"), Objects.requireNonNull(sqlName, "sqlName"));
        return new ConvertedType<>(stored, javaType, fromDatabase, toDatabase, names, replacements);
    }

    /**
     * The same type, but on one database family {@code replacement} does everything (DDL name,
     * binding, reading): e.g. a native type where the database has one.
     *
     * <pre>{@code
     * SqlType<UUID> id = UUID_BINARY.on(DatabaseFamily.POSTGRESQL, SqlTypes.UUID_TYPE);
     * }</pre>
     *
     * @param family the database family
     * @param replacement the type used there, of the same Java type
     * @return a new type
     */
    public ConvertedType<T, S> on(DatabaseFamily family, SqlType<T> replacement) {
        Map<DatabaseFamily, SqlType<T>> map = new EnumMap<>(DatabaseFamily.class);
        map.putAll(replacements);
        map.put(Objects.requireNonNull(family, "family"), Objects.requireNonNull(replacement, "replacement"));
        return new ConvertedType<>(stored, javaType, fromDatabase, toDatabase, sqlNames, map);
    }

    /**
     * The type values are stored as.
     *
     * <pre>{@code
     * EMAIL.stored();   // VARCHAR(254)
     * }</pre>
     *
     * @return the stored type
     */
    public SqlType<S> stored() {
        return stored;
    }

    /**
     * The stored value of {@code value}.
     *
     * <pre>{@code
     * EMAIL.toDatabase(new EmailAddress("a@example.com"));   // "a@example.com"
     * }</pre>
     *
     * @param value an application value, never {@code null}
     * @return what the database holds for it
     */
    public S toDatabase(T value) {
        return toDatabase.apply(value);
    }

    /**
     * The application value of a stored value.
     *
     * <pre>{@code
     * EMAIL.fromDatabase("a@example.com");   // EmailAddress[value=a@example.com]
     * }</pre>
     *
     * @param value a stored value, never {@code null}
     * @return the application value
     */
    public T fromDatabase(S value) {
        return fromDatabase.apply(value);
    }

    /**
     * The stored type's kind: reflection and schema comparison see the column as stored.
     *
     * <pre>{@code
     * TypeKind kind = EMAIL.kind();   // VARCHAR
     * }</pre>
     */
    @Override
    public TypeKind kind() {
        return stored.kind();
    }

    @Override
    public Class<T> javaType() {
        return javaType;
    }

    @Override
    public int length() {
        return stored.length();
    }

    @Override
    public int scale() {
        return stored.scale();
    }

    @Override
    public String sqlName(TypeDialect dialect) {
        SqlType<T> replacement = replacements.get(dialect.family());
        if (replacement != null) {
            return replacement.sqlName(dialect);
        }
        String name = sqlNames.get(dialect.family());
        return name != null ? name : stored.sqlName(dialect);
    }

    @Override
    public String castName(TypeDialect dialect) {
        SqlType<T> replacement = replacements.get(dialect.family());
        if (replacement != null) {
            return replacement.castName(dialect);
        }
        return sqlNames.containsKey(dialect.family()) ? sqlName(dialect) : stored.castName(dialect);
    }

    @Override
    public int jdbcType(TypeDialect dialect) {
        SqlType<T> replacement = replacements.get(dialect.family());
        return replacement != null ? replacement.jdbcType(dialect) : stored.jdbcType(dialect);
    }

    @Override
    public void bind(TypeDialect dialect, PreparedStatement ps, int index, T value) throws SQLException {
        SqlType<T> replacement = replacements.isEmpty() ? null : replacements.get(dialect.family());
        if (replacement != null) {
            replacement.bind(dialect, ps, index, value);
        } else {
            stored.bind(dialect, ps, index, toDatabase.apply(value));
        }
    }

    @Override
    public @Nullable T read(TypeDialect dialect, ResultSet rs, int index) throws SQLException {
        SqlType<T> replacement = replacements.isEmpty() ? null : replacements.get(dialect.family());
        if (replacement != null) {
            return replacement.read(dialect, rs, index);
        }
        S value = stored.read(dialect, rs, index);
        return value == null ? null : fromDatabase.apply(value);
    }

    @Override
    public void bind(PreparedStatement ps, int index, T value) throws SQLException {
        stored.bind(ps, index, toDatabase.apply(value));
    }

    @Override
    public @Nullable T read(ResultSet rs, int index) throws SQLException {
        S value = stored.read(rs, index);
        return value == null ? null : fromDatabase.apply(value);
    }

    /**
     * A {@code T} as it is; anything else as the stored type coerces it, then converted (a
     * {@code text()} parameter given as the stored form, a driver's {@code getObject} value).
     *
     * <pre>{@code
     * EmailAddress a = EMAIL.coerce("a@example.com");   // EmailAddress[value=a@example.com]
     * }</pre>
     *
     * @param value the value, may be {@code null}
     * @return the value as a {@code T}, or {@code null}
     */
    @Override
    public @Nullable T coerce(@Nullable Object value) {
        if (value == null || javaType.isInstance(value)) {
            return javaType.cast(value);
        }
        S s;
        try {
            s = stored.coerce(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected a value of type " + javaType.getSimpleName()
                    + " but got " + value.getClass().getSimpleName(), e);
        }
        return s == null ? null : fromDatabase.apply(s);
    }

    @Override
    public String toString() {
        return javaType.getSimpleName() + " as " + stored;
    }
}
