package org.tabula.type;

import org.jspecify.annotations.Nullable;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * A SQL data type together with its Java representation.
 *
 * <p>This is Tabula's type SPI: a type says, per database ({@link TypeDialect}), its DDL name
 * ({@link #sqlName}), how it binds ({@link #bind(TypeDialect, PreparedStatement, int, Object)})
 * and how it reads ({@link #read(TypeDialect, ResultSet, int)}); dialects only ask. The
 * dialect-free {@link #bind(PreparedStatement, int, Object)} / {@link #read(ResultSet, int)} are
 * the plain JDBC forms the dialect-aware ones default to. The built-in types ({@link SqlTypes},
 * {@link BasicType}) use the same methods. To add a Java type on top of an existing column type,
 * {@link SqlTypes#converted} is usually all it takes; implement this interface for a type of
 * your own. Instances are immutable and shared.
 *
 * <pre>{@code
 * SqlType<String> name = SqlTypes.varchar(50);
 * SqlType<BigDecimal> price = SqlTypes.decimal(10, 2);
 * SqlType<EmailAddress> email = SqlTypes.converted(SqlTypes.varchar(254), EmailAddress.class,
 *         EmailAddress::new, EmailAddress::value);
 * }</pre>
 *
 * @param <T> the Java type of values
 */
public interface SqlType<T extends @Nullable Object> {

    /**
     * The family of this type, as reflection and schema comparison describe it (a type made with
     * {@link SqlTypes#converted} has its stored type's kind). Dialects do not switch on it.
     *
     * <pre>{@code
     * TypeKind kind = SqlTypes.varchar(20).kind();   // TypeKind.VARCHAR
     * }</pre>
     *
     * @return the type's kind, never {@code null}
     */
    TypeKind kind();

    /**
     * The Java class of values of this type.
     *
     * <pre>{@code
     * Class<Long> type = SqlTypes.BIGINT.javaType();   // Long.class
     * }</pre>
     *
     * @return the class of {@code T} (the raw class for generic types such as {@code List})
     */
    Class<T> javaType();

    /**
     * Length for {@code varchar(n)}, precision for decimals; 0 when not applicable.
     *
     * <pre>{@code
     * int length = SqlTypes.varchar(20).length();   // 20
     * }</pre>
     *
     * @return the length or precision, or 0
     */
    default int length() {
        return 0;
    }

    /**
     * Scale for decimals; 0 when not applicable.
     *
     * <pre>{@code
     * int scale = SqlTypes.decimal(10, 2).scale();   // 2
     * }</pre>
     *
     * @return the scale, or 0
     */
    default int scale() {
        return 0;
    }

    /**
     * Binds a non-null value with standard JDBC. Nulls never reach this method: the caller
     * binds them with {@code setNull}.
     *
     * <pre>{@code
     * SqlTypes.INSTANT.bind(ps, 1, Instant.now());
     * }</pre>
     *
     * @param ps the statement to bind to
     * @param index the 1-based parameter index
     * @param value the value, never {@code null}
     * @throws SQLException when the driver rejects the value
     */
    void bind(PreparedStatement ps, int index, T value) throws SQLException;

    /**
     * Reads a value (or {@code null}) with standard JDBC.
     *
     * <pre>{@code
     * ResultSet rs = ps.executeQuery();
     * Instant at = rs.next() ? SqlTypes.INSTANT.read(rs, 1) : null;
     * }</pre>
     *
     * @param rs the result set, positioned on a row
     * @param index the 1-based column index
     * @return the value, or {@code null} for SQL {@code NULL}
     * @throws SQLException when the driver cannot read the column
     */
    @Nullable T read(ResultSet rs, int index) throws SQLException;

    /**
     * The type as written in CREATE TABLE (and ALTER TABLE) on {@code dialect}. The default fails:
     * a type of one's own names itself, or is made with {@link SqlTypes#converted}.
     *
     * <pre>{@code
     * SqlTypes.DURATION.sqlName(Dialect.POSTGRES);   // "INTERVAL"
     * SqlTypes.DURATION.sqlName(Dialect.MARIADB);    // "BIGINT"
     * }</pre>
     *
     * @param dialect the dialect the DDL is for
     * @return the DDL type name
     * @throws UnsupportedOperationException when the type has no name on that dialect
     */
    default String sqlName(TypeDialect dialect) {
        throw new UnsupportedOperationException(this + " has no DDL type name on " + dialect.name()
                + "; implement SqlType.sqlName");
    }

    /**
     * The name written in {@code CAST(x AS ...)}; by default {@link #sqlName}. MySQL's CAST knows
     * only a few names ({@code SIGNED}, {@code CHAR}, {@code DECIMAL}), which the built-ins use there.
     *
     * <pre>{@code
     * SqlTypes.BIGINT.castName(Dialect.MYSQL);   // "SIGNED"
     * }</pre>
     *
     * @param dialect the dialect
     * @return the name after {@code AS}
     */
    default String castName(TypeDialect dialect) {
        return sqlName(dialect);
    }

    /**
     * The {@link Types} code a NULL of this type is bound with on {@code dialect}.
     *
     * <pre>{@code
     * SqlTypes.BIGINT.jdbcType(Dialect.SQLITE);   // Types.BIGINT
     * }</pre>
     *
     * @param dialect the dialect
     * @return a {@code java.sql.Types} constant; by default {@code Types.OTHER}
     */
    default int jdbcType(TypeDialect dialect) {
        return Types.OTHER;
    }

    /**
     * Binds a non-null value on {@code dialect}; by default {@link #bind(PreparedStatement, int, Object)}.
     * A type that stores values differently per database (SQLite keeps times as text) overrides it.
     *
     * <pre>{@code
     * SqlTypes.LOCAL_TIME.bind(Dialect.SQLITE, ps, 1, LocalTime.NOON);   // binds the text 12:00:00
     * }</pre>
     *
     * @param dialect the dialect of the statement
     * @param ps the statement to bind to
     * @param index the 1-based parameter index
     * @param value the value, never {@code null}
     * @throws SQLException when the driver rejects the value
     */
    default void bind(TypeDialect dialect, PreparedStatement ps, int index, T value) throws SQLException {
        bind(ps, index, value);
    }

    /**
     * Reads a value (or {@code null}) on {@code dialect}; by default {@link #read(ResultSet, int)}.
     *
     * <pre>{@code
     * ResultSet rs = conn.jdbc().createStatement().executeQuery("SELECT opens_at FROM shops");
     * LocalTime t = rs.next() ? SqlTypes.LOCAL_TIME.read(Dialect.SQLITE, rs, 1) : null;
     * }</pre>
     *
     * @param dialect the dialect of the query
     * @param rs the result set, positioned on a row
     * @param index the 1-based column index
     * @return the value, or {@code null} for SQL {@code NULL}
     * @throws SQLException when the driver cannot read the column
     */
    default @Nullable T read(TypeDialect dialect, ResultSet rs, int index) throws SQLException {
        return read(rs, index);
    }

    /**
     * Reads a value the statement guarantees is not {@code NULL} (a column declared NOT NULL,
     * selected without outer joins); by default {@link #read(TypeDialect, ResultSet, int)}. The
     * built-in types read the primitive without asking the driver {@code wasNull()}, which is a
     * native call per value with sqlite-jdbc.
     *
     * <pre>{@code
     * ResultSet rs = conn.jdbc().createStatement().executeQuery("SELECT id FROM users");
     * Long id = rs.next() ? SqlTypes.BIGINT.readNotNull(Dialect.SQLITE, rs, 1) : null;
     * }</pre>
     *
     * @param dialect the dialect of the query
     * @param rs the result set, positioned on a row
     * @param index the 1-based column index
     * @return the value
     * @throws SQLException when the driver cannot read the column
     */
    default @Nullable T readNotNull(TypeDialect dialect, ResultSet rs, int index) throws SQLException {
        return read(dialect, rs, index);
    }

    /**
     * Converts a loosely typed value (from a map of parameters, or a driver) to {@code T}.
     *
     * <pre>{@code
     * Long id = SqlTypes.BIGINT.coerce(42);   // 42L
     * }</pre>
     *
     * @param value the value to convert, may be {@code null}
     * @return the value as a {@code T}, or {@code null} for {@code null}
     * @throws IllegalArgumentException when the value cannot represent a {@code T}
     */
    default @Nullable T coerce(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        Class<T> type = javaType();
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        throw new IllegalArgumentException("expected a value of type " + type.getSimpleName()
                + " but got " + value.getClass().getSimpleName());
    }
}
