package org.tabula.dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.concurrent.ConcurrentHashMap;
import org.tabula.error.ErrorKind;
import org.tabula.error.UnsupportedFeatureException;
import org.tabula.expr.SqlNode;
import org.tabula.schema.Column;
import org.tabula.type.EnumType;
import org.tabula.type.SqlType;
import org.tabula.type.TypeKind;

/**
 * A database's flavour of SQL: how the AST becomes text, how identifiers are quoted, which
 * DDL types and features it has, how values are bound and read, and what its error codes mean.
 *
 * <pre>{@code
 * RenderedSql pg = statement.toSql(Dialect.POSTGRES);
 * RenderedSql my = statement.toSql(Dialect.MYSQL);
 * }</pre>
 *
 * <p>Dialects are stateless and shared. Rendering creates one short-lived {@link SqlRenderer}.
 */
public abstract class Dialect {

    public static final Dialect SQLITE = new SqliteDialect();
    public static final Dialect MYSQL = new MySqlDialect(false);
    public static final Dialect MARIADB = new MySqlDialect(true);
    public static final Dialect POSTGRES = new PostgresDialect();

    /** Which statement a RETURNING clause would be attached to. */
    public enum ReturningSupport { INSERT, UPDATE, DELETE }

    /** A short name: sqlite, mysql, mariadb, postgresql. */
    public abstract String name();

    /**
     * The dialect for a JDBC URL ({@code jdbc:sqlite:}, {@code jdbc:mysql:}, {@code jdbc:mariadb:},
     * {@code jdbc:postgresql:}), read from its scheme alone, so multi-host URLs pass through as
     * they are: {@code jdbc:postgresql://h1,h2/db?targetServerType=primary}, Connector/J's
     * {@code jdbc:mysql:loadbalance://}, {@code jdbc:mysql:replication://} and DNS SRV
     * {@code jdbc:mysql+srv:} forms, MariaDB Connector/J's {@code jdbc:mariadb:sequential://}.
     *
     * <pre>{@code
     * Dialect.forUrl("jdbc:mysql+srv:loadbalance://_mysql._tcp.db.example/app")   // MYSQL
     * }</pre>
     */
    public static Dialect forUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:mariadb:")) {
            return MARIADB;
        }
        if (jdbcUrl.startsWith("jdbc:mysql:") || jdbcUrl.startsWith("jdbc:mysql+srv:")) {
            return MYSQL;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        throw new IllegalArgumentException("no Tabula dialect for URL " + jdbcUrl
                + " (supported: jdbc:sqlite:, jdbc:mysql:, jdbc:mysql+srv:, jdbc:mariadb:, jdbc:postgresql:)");
    }

    // ---------------------------------------------------------------- rendering

    /** Renders any statement or expression to SQL plus bindings. */
    public RenderedSql render(SqlNode node) {
        SqlRenderer renderer = newRenderer();
        node.accept(renderer);
        return renderer.result();
    }

    /** A renderer for one statement. */
    protected abstract SqlRenderer newRenderer();

    /** The character that quotes identifiers: {@code "} in standard SQL, a backtick on MySQL. */
    protected char identifierQuote() {
        return '"';
    }

    /** Appends {@code identifier} quoted, doubling any quote character inside it. */
    public void quoteIdentifier(StringBuilder out, String identifier) {
        char quote = identifierQuote();
        out.append(quote);
        if (identifier.indexOf(quote) < 0 && identifier.indexOf('\0') < 0) {
            // The usual identifier has nothing to double: one bulk copy instead of a char-by-char loop.
            out.append(identifier).append(quote);
            return;
        }
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (c == '\0') {
                throw new IllegalArgumentException("identifier contains a NUL character");
            }
            if (c == quote) {
                out.append(quote);
            }
            out.append(c);
        }
        out.append(quote);
    }

    /**
     * How many distinct identifiers a dialect remembers in quoted form. Table and column names
     * are a fixed, small set; the bound keeps ad-hoc aliases from growing the cache forever.
     */
    static final int QUOTED_CACHE_LIMIT = 4096;

    /** Identifier to its quoted form; see {@link #appendQuoted}. */
    private final ConcurrentHashMap<String, String> quotedCache = new ConcurrentHashMap<>();

    /**
     * Appends {@code identifier} quoted, as {@link #quoteIdentifier} would. Quoting was most of
     * the time spent rendering a select, and a statement names the same few tables and columns
     * over and over, so their quoted forms are kept in a bounded cache (full: new names are
     * quoted each time, never evicting).
     */
    final void appendQuoted(StringBuilder out, String identifier) {
        String quoted = quotedCache.get(identifier);
        if (quoted == null) {
            quoted = quote(identifier);
            if (quotedCache.size() < QUOTED_CACHE_LIMIT) {
                quotedCache.putIfAbsent(identifier, quoted);
            }
        }
        out.append(quoted);
    }

    /** Entries in the quoted-identifier cache (for tests). */
    final int quotedCacheSize() {
        return quotedCache.size();
    }

    /** Quoted identifier as a string (for messages and tests). */
    public final String quote(String identifier) {
        StringBuilder sb = new StringBuilder(identifier.length() + 2);
        quoteIdentifier(sb, identifier);
        return sb.toString();
    }

    /** The DDL type of a column. */
    public abstract String typeName(SqlType<?> type, Column<?> column);

    /** The type name inside {@code CAST(x AS ...)}; MySQL spells integers and strings differently there. */
    public String castTypeName(SqlType<?> type) {
        return typeName(type, null);
    }

    /**
     * Appends a constant as an SQL literal, for DDL only (server defaults, enum labels), where
     * parameters do not exist. Strings have their quotes doubled.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void appendLiteral(StringBuilder out, Object value, SqlType<?> type) {
        if (value instanceof Enum<?> e && type instanceof EnumType enumType) {
            appendStringLiteral(out, enumType.toDatabase(e));
        } else if (value instanceof String s) {
            appendStringLiteral(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b ? "TRUE" : "FALSE");
        } else if (value instanceof Number n) {
            out.append(n instanceof java.math.BigDecimal d ? d.toPlainString() : n.toString());
        } else if (value instanceof Enum<?> e) {
            appendStringLiteral(out, e.name());
        } else {
            throw new UnsupportedFeatureException("a " + value.getClass().getSimpleName()
                    + " cannot be written as an SQL literal; use serverDefault(\"...SQL...\")");
        }
    }

    /** {@code 'text'} with single quotes doubled; MySQL also doubles backslashes. */
    protected void appendStringLiteral(StringBuilder out, String text) {
        out.append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                out.append('\'');
            } else if (c == '\0') {
                throw new IllegalArgumentException("a NUL character cannot appear in an SQL literal");
            }
            out.append(c);
        }
        out.append('\'');
    }

    /** Whether named enum types ({@code CREATE TYPE ... AS ENUM}) exist. */
    public boolean supportsNativeEnumTypes() {
        return false;
    }

    /** {@code ('a', 'b')}: an enum's labels as a literal list, for CHECK constraints and MySQL's ENUM. */
    protected final String enumLabels(EnumType<?> type) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < type.labels().size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            appendStringLiteral(sb, type.labels().get(i));
        }
        return sb.append(')').toString();
    }

    /** The error for an ARRAY column on a dialect without arrays. */
    protected final UnsupportedFeatureException noArrays(Column<?> column) {
        return new UnsupportedFeatureException("ARRAY columns are PostgreSQL-only"
                + (column != null ? " (" + column.qualifiedName() + ")" : "") + "; " + name()
                + " has no arrays: use a JSON column (JsonType) for lists");
    }

    // ---------------------------------------------------------------- capabilities

    public abstract boolean supportsReturning(ReturningSupport statement);

    /**
     * Whether the JDBC driver returns every row's generated key after {@code executeBatch} of an
     * INSERT prepared with {@code RETURN_GENERATED_KEYS}, in row order (MySQL Connector/J does;
     * sqlite-jdbc returns none). Where false, {@code Connection.executeManyReturningKeys} runs
     * one prepared statement per row instead.
     */
    public boolean batchReturnsGeneratedKeys() {
        return false;
    }

    /**
     * With {@link #batchReturnsGeneratedKeys()}: whether the batched INSERT carries its own
     * {@code RETURNING key} for the driver to read back (pgjdbc), rather than the driver's
     * generated-key protocol alone (Connector/J, which refuses result sets in a batch).
     */
    public boolean batchKeysFromReturning() {
        return false;
    }

    /**
     * How many rows of {@code columns} values one {@code INSERT ... VALUES (...), (...) RETURNING}
     * of an executemany with generated keys carries, within the database's bind-parameter limit; 0
     * where the driver returns a batch's keys itself ({@link #batchReturnsGeneratedKeys()}) or the
     * dialect has no RETURNING.
     */
    public int insertManyValuesRows(int columns) {
        return 0;
    }

    /** Whether {@code CREATE INDEX IF NOT EXISTS} parses. */
    public boolean supportsCreateIndexIfNotExists() {
        return true;
    }

    /** Whether cancelling a running statement from another thread works with this database's driver. */
    public boolean supportsStatementCancel() {
        return true;
    }

    /** SQL run on each new connection (e.g. session time zone), or {@code null}. */
    public String connectionInitSql() {
        return null;
    }

    /**
     * The statement that replaces a fresh, still unused transaction with one that holds the
     * database's write lock from its start, or {@code null} when row locks make that
     * unnecessary. The engine runs it when a transaction's first statement is a
     * {@code SELECT ... FOR UPDATE}, so a read-modify-write cannot lose an update.
     */
    public String beginWriteTransactionSql() {
        return null;
    }

    /**
     * Sets the isolation level and read-only flag of the transaction about to start on
     * {@code jdbc} (no statement has run in it yet): a {@code java.sql.Connection.TRANSACTION_*}
     * level, {@code TRANSACTION_NONE} or {@code null} leave one as it is. The default
     * uses JDBC's own setters: PostgreSQL's driver then begins with {@code BEGIN READ ONLY}, MySQL's
     * sends {@code SET SESSION TRANSACTION ...}.
     */
    public void setTransactionCharacteristics(java.sql.Connection jdbc, int isolationLevel,
                                              Boolean readOnly) throws SQLException {
        if (isolationLevel != java.sql.Connection.TRANSACTION_NONE) {
            jdbc.setTransactionIsolation(isolationLevel);
        }
        if (readOnly != null) {
            jdbc.setReadOnly(readOnly);
        }
    }

    /** The read-only flag that {@link #setTransactionCharacteristics} set, read back. */
    public boolean isReadOnly(java.sql.Connection jdbc) throws SQLException {
        return jdbc.isReadOnly();
    }

    /** The fetch size that makes the driver stream rows instead of loading them all. */
    public int streamingFetchSize(int requested) {
        return requested;
    }

    // ---------------------------------------------------------------- values

    /** Binds {@code value} (possibly null) of {@code type} at {@code index}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void bind(PreparedStatement ps, int index, SqlType type, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, jdbcType(type));
        } else if (type.kind() == org.tabula.type.TypeKind.ARRAY) {
            throw noArrays(null);
        } else {
            type.bind(ps, index, type.coerce(value));
        }
    }

    /**
     * Whether {@link #bind} hands non-null values of {@code kind} straight to
     * {@link SqlType#bind}, converting nothing. executemany then skips the per-value dispatch; a
     * dialect whose {@code bind} converts a kind must answer {@code false} for that kind.
     */
    public boolean bindsWithType(TypeKind kind) {
        return kind != TypeKind.ANY;
    }

    /** Reads a value of {@code type} from column {@code index}. */
    public Object read(ResultSet rs, int index, SqlType<?> type) throws SQLException {
        return type.read(rs, index);
    }

    /** The {@link Types} constant for NULLs of {@code type}. */
    protected int jdbcType(SqlType<?> type) {
        return switch (type.kind()) {
            case BOOLEAN -> Types.BOOLEAN;
            case INTEGER -> Types.INTEGER;
            case BIGINT -> Types.BIGINT;
            case DECIMAL -> Types.NUMERIC;
            case DOUBLE -> Types.DOUBLE;
            case VARCHAR, TEXT, ENUM -> Types.VARCHAR;
            case DATE -> Types.DATE;
            case TIMESTAMP -> Types.TIMESTAMP;
            case INSTANT -> Types.TIMESTAMP_WITH_TIMEZONE;
            case BYTES -> Types.BINARY;
            case UUID, JSON, ARRAY -> Types.OTHER;
            case ANY -> Types.NULL;
        };
    }

    // ---------------------------------------------------------------- errors

    /** What a driver exception means. The default reads the standard SQLState classes. */
    public ErrorKind classify(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return lostConnection(e) ? ErrorKind.CONNECTION : ErrorKind.OTHER;
        }
        return switch (state) {
            case "23505" -> ErrorKind.UNIQUE_VIOLATION;
            case "23503" -> ErrorKind.FOREIGN_KEY_VIOLATION;
            case "23502" -> ErrorKind.NOT_NULL_VIOLATION;
            case "23514" -> ErrorKind.CHECK_VIOLATION;
            case "57014" -> ErrorKind.CANCELED;
            case "40001", "40P01" -> ErrorKind.TRANSACTION_CONFLICT;
            case "25006" -> ErrorKind.READ_ONLY;
            default -> {
                if (state.startsWith("23")) {
                    yield ErrorKind.OTHER_INTEGRITY;
                }
                if (state.startsWith("22")) {
                    yield ErrorKind.DATA;
                }
                if (state.startsWith("08") || state.startsWith("57P") || lostConnection(e)) {
                    yield ErrorKind.CONNECTION;
                }
                yield ErrorKind.OTHER;
            }
        };
    }

    /**
     * Whether the database aborted the transaction for a reason that running it again can fix, as
     * {@code RetryPolicy} asks: by default what {@link #classify} calls
     * {@link ErrorKind#TRANSACTION_CONFLICT} (serialization failures, deadlocks, lock-wait
     * timeouts, Galera certification conflicts, SQLite's busy database). A lost connection is not:
     * a COMMIT that lost its connection may have been applied. A dialect for a distributed engine
     * overrides this to add its own restart errors.
     *
     * <pre>{@code
     * boolean again = engine.dialect().isRetryable(sqlException);
     * }</pre>
     */
    public boolean isRetryable(SQLException e) {
        return classify(e) == ErrorKind.TRANSACTION_CONFLICT;
    }

    /**
     * Whether the driver lost the connection while talking to the server: some drivers report
     * that with a generic SQLState (MySQL Connector/J reading a streamed row, for one) and only
     * the I/O exception underneath tells.
     */
    protected static boolean lostConnection(SQLException e) {
        int depth = 0;
        for (Throwable t = e.getCause(); t != null && depth < 8; t = t.getCause(), depth++) {
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return name();
    }
}
