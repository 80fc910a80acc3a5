package org.tabula.type;

import org.jspecify.annotations.Nullable;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A Java enum stored by name (the default) or by a value of each constant's choosing.
 *
 * <p>By default the column is a {@code VARCHAR} with a {@code CHECK (col IN (...))} on every
 * dialect; {@link #asNative(String)} asks for the database's own enum type instead: a named
 * {@code CREATE TYPE ... AS ENUM} on PostgreSQL (created and dropped by {@code MetaData}),
 * an inline {@code ENUM(...)} on MySQL/MariaDB, and the checked VARCHAR on SQLite.
 *
 * <pre>{@code
 * enum Status { DRAFT, PUBLISHED }
 * Column<Status> status = enumeration("status", Status.class).serverDefaultValue(Status.DRAFT);
 * Column<Mood> mood = column("mood", EnumType.byValue(Mood.class, Mood::code).asNative("mood"));
 * }</pre>
 *
 * @param <E> the enum class
 */
public final class EnumType<E extends Enum<E>> implements SqlType<E> {

    private final Class<E> enumClass;
    private final Function<E, String> toDatabase;
    private final Map<String, E> fromDatabase;
    private final List<String> labels;
    private final String nativeName;
    private final int length;

    private EnumType(Class<E> enumClass, Function<E, String> toDatabase, String nativeName) {
        this.enumClass = Objects.requireNonNull(enumClass, "enumClass");
        this.toDatabase = Objects.requireNonNull(toDatabase, "toDatabase");
        this.nativeName = nativeName;
        Map<String, E> map = new HashMap<>();
        List<String> names = new ArrayList<>();
        int max = 1;
        for (E constant : enumClass.getEnumConstants()) {
            String label = Objects.requireNonNull(toDatabase.apply(constant),
                    () -> "database value of " + enumClass.getSimpleName() + "." + constant.name());
            if (map.put(label, constant) != null) {
                throw new IllegalArgumentException("two constants of " + enumClass.getSimpleName()
                        + " are stored as '" + label + "'");
            }
            names.add(label);
            max = Math.max(max, label.length());
        }
        this.fromDatabase = Map.copyOf(map);
        this.labels = Collections.unmodifiableList(names);
        this.length = max;
    }

    /**
     * Stored as {@link Enum#name()}.
     *
     * <pre>{@code
     * EnumType<Status> status = EnumType.byName(Status.class);
     * }</pre>
     *
     * @param <E> the enum class
     * @param enumClass the enum class
     * @return the type
     */
    public static <E extends Enum<E>> EnumType<E> byName(Class<E> enumClass) {
        return new EnumType<>(enumClass, Enum::name, null);
    }

    /**
     * Stored as the text {@code toDatabase} gives each constant, so renaming a constant does
     * not change stored data.
     *
     * <pre>{@code
     * EnumType<Mood> mood = EnumType.byValue(Mood.class, Mood::code);
     * }</pre>
     *
     * @param <E> the enum class
     * @param enumClass the enum class
     * @param toDatabase the stored text of each constant; distinct and non-null
     * @return the type
     * @throws IllegalArgumentException when two constants are stored as the same text
     * @throws NullPointerException when {@code toDatabase} returns {@code null} for a constant
     */
    public static <E extends Enum<E>> EnumType<E> byValue(Class<E> enumClass, Function<E, String> toDatabase) {
        return new EnumType<>(enumClass, toDatabase, null);
    }

    /**
     * The same mapping, as the database's native enum type named {@code typeName} where it has one.
     *
     * <pre>{@code
     * EnumType<Mood> mood = EnumType.byName(Mood.class).asNative("mood");
     * }</pre>
     *
     * @param typeName the name of the native type (used by PostgreSQL's {@code CREATE TYPE})
     * @return a new type using the native enum
     * @throws IllegalArgumentException when the name is empty or not a valid identifier
     */
    public EnumType<E> asNative(String typeName) {
        if (typeName == null || typeName.isEmpty()) {
            throw new IllegalArgumentException("native enum type of " + enumClass.getSimpleName() + " needs a name");
        }
        org.tabula.type.Identifiers.check(typeName, "native enum type name of " + enumClass.getSimpleName() + ":");
        return new EnumType<>(enumClass, toDatabase, typeName);
    }

    /**
     * The stored labels, in constant order.
     *
     * <pre>{@code
     * List<String> labels = EnumType.byName(Status.class).labels();   // [DRAFT, PUBLISHED]
     * }</pre>
     *
     * @return an unmodifiable list of labels
     */
    public List<String> labels() {
        return labels;
    }

    /**
     * The native type's name, or {@code null} for a checked VARCHAR.
     *
     * <pre>{@code
     * String typeName = EnumType.byName(Mood.class).asNative("mood").nativeName();   // "mood"
     * }</pre>
     *
     * @return the name given to {@link #asNative(String)}, or {@code null}
     */
    public @Nullable String nativeName() {
        return nativeName;
    }

    /**
     * The stored text of a constant.
     *
     * <pre>{@code
     * String label = EnumType.byValue(Mood.class, Mood::code).toDatabase(Mood.HAPPY);   // "happy"
     * }</pre>
     *
     * @param value the constant
     * @return its label
     */
    public String toDatabase(E value) {
        return toDatabase.apply(value);
    }

    /**
     * The constant stored as {@code label}.
     *
     * <pre>{@code
     * Mood mood = EnumType.byValue(Mood.class, Mood::code).fromDatabase("sad");   // Mood.SAD
     * }</pre>
     *
     * @param label a stored label
     * @return the constant
     * @throws IllegalArgumentException when no constant is stored as {@code label}
     */
    public E fromDatabase(String label) {
        E e = fromDatabase.get(label);
        if (e == null) {
            throw new IllegalArgumentException("'" + label + "' is not a stored value of " + enumClass.getSimpleName()
                    + " (expected one of " + labels + ")");
        }
        return e;
    }

    @Override
    public TypeKind kind() {
        return TypeKind.ENUM;
    }

    @Override
    public Class<E> javaType() {
        return enumClass;
    }

    /**
     * The longest label, the VARCHAR length where the enum is stored as text.
     *
     * <pre>{@code
     * int width = EnumType.byName(Status.class).length();   // 9: the longest label, for a VARCHAR column
     * }</pre>
     *
     * @return the length of the longest label, at least 1
     */
    @Override
    public int length() {
        return length;
    }

    @Override
    public void bind(PreparedStatement ps, int index, E value) throws SQLException {
        ps.setString(index, toDatabase.apply(value));
    }

    /**
     * A native type's quoted name on PostgreSQL, MySQL's inline {@code ENUM('a', 'b')}, else a
     * VARCHAR as long as the longest label (the dialect adds a CHECK of the labels).
     *
     * <pre>{@code
     * String ddl = EnumType.byName(Status.class).sqlName(Dialect.MYSQL);   // ENUM('DRAFT', 'PUBLISHED')
     * }</pre>
     */
    @Override
    public String sqlName(TypeDialect dialect) {
        if (nativeName != null && dialect.family() == DatabaseFamily.POSTGRESQL) {
            return dialect.quote(nativeName);
        }
        if (nativeName != null && dialect.family() == DatabaseFamily.MYSQL) {
            StringBuilder sb = new StringBuilder("ENUM(");
            for (int i = 0; i < labels.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(dialect.stringLiteral(labels.get(i)));
            }
            return sb.append(')').toString();
        }
        return "VARCHAR(" + Math.max(1, length) + ")";
    }

    @Override
    public String castName(TypeDialect dialect) {
        return dialect.family() == DatabaseFamily.MYSQL ? "CHAR" : sqlName(dialect);
    }

    @Override
    public int jdbcType(TypeDialect dialect) {
        return dialect.family() == DatabaseFamily.POSTGRESQL ? Types.OTHER : Types.VARCHAR;
    }

    /**
     * On PostgreSQL as untyped text, so the server casts it to the column's enum type.
     *
     * <pre>{@code
     * PreparedStatement ps = conn.jdbc().prepareStatement("UPDATE posts SET status = ?");
     * EnumType.byName(Status.class).bind(Dialect.POSTGRES, ps, 1, Status.DRAFT);
     * }</pre>
     */
    @Override
    public void bind(TypeDialect dialect, PreparedStatement ps, int index, E value) throws SQLException {
        if (dialect.family() == DatabaseFamily.POSTGRESQL) {
            ps.setObject(index, toDatabase.apply(value), Types.OTHER);
        } else {
            ps.setString(index, toDatabase.apply(value));
        }
    }

    @Override
    public @Nullable E read(ResultSet rs, int index) throws SQLException {
        String s = rs.getString(index);
        return s == null ? null : fromDatabase(s);
    }

    @Override
    public @Nullable E coerce(@Nullable Object value) {
        if (value == null || enumClass.isInstance(value)) {
            return enumClass.cast(value);
        }
        if (value instanceof String s) {
            return fromDatabase(s);
        }
        return SqlType.super.coerce(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnumType<?> other && other.enumClass == enumClass && other.labels.equals(labels)
                && Objects.equals(other.nativeName, nativeName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enumClass, labels, nativeName);
    }

    @Override
    public String toString() {
        return "ENUM(" + enumClass.getSimpleName() + (nativeName != null ? " as " + nativeName : "") + ")";
    }
}
