package org.tabula.dialect;

import org.tabula.statement.Insert;

import org.jspecify.annotations.Nullable;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.tabula.error.ErrorKind;
import org.tabula.error.UnsupportedFeatureException;
import org.tabula.expr.SqlNode;
import org.tabula.schema.Column;
import org.tabula.schema.Index;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;
import org.tabula.statement.CreateIndex;
import org.tabula.statement.CreateTable;
import org.tabula.statement.Select;
import org.tabula.statement.Statement;
import org.tabula.statement.StatementCompiler;
import org.tabula.type.EnumType;
import org.tabula.type.DatabaseFamily;
import org.tabula.type.SqlType;
import org.tabula.type.TypeDialect;

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
public abstract class Dialect implements StatementCompiler<RenderedSql>, TypeDialect {

    /** SQLite, through sqlite-jdbc: dates as text, no arrays, table rebuilds for schema changes. */
    public static final Dialect SQLITE = new SqliteDialect();
    /** MySQL, through Connector/J: backtick quoting, no RETURNING. */
    public static final Dialect MYSQL = new MySqlDialect(false);
    /** MariaDB: MySQL's SQL plus {@code RETURNING} on INSERT and DELETE. */
    public static final Dialect MARIADB = new MySqlDialect(true);
    /** PostgreSQL, through pgjdbc: RETURNING, arrays, native enums and {@code jsonb}. */
    public static final Dialect POSTGRES = new PostgresDialect();

    /** Which statement a RETURNING clause would be attached to. */
    public enum ReturningSupport {
        /** {@code INSERT ... RETURNING}. */
        INSERT,
        /** {@code UPDATE ... RETURNING}. */
        UPDATE,
        /** {@code DELETE ... RETURNING}. */
        DELETE
    }

    /**
     * A short name: sqlite, mysql, mariadb, postgresql.
     *
     * <pre>{@code
     * String name = engine.dialect().name();   // "postgresql", "mysql", "mariadb" or "sqlite"
     * }</pre>
     *
     * @return the dialect's name, as in logs and error messages
     */
    @Override
    public abstract String name();

    /**
     * The family whose DDL names and value codecs {@link SqlType}s use on this dialect; a dialect
     * of another database ({@link DialectProvider}) answers {@link DatabaseFamily#OTHER} unless
     * it is a close relative of a built-in one.
     *
     * <pre>{@code
     * Dialect.MARIADB.family();   // DatabaseFamily.MYSQL
     * }</pre>
     *
     * @return the family
     */
    @Override
    public DatabaseFamily family() {
        return DatabaseFamily.OTHER;
    }

    /**
     * The dialect for a JDBC URL ({@code jdbc:sqlite:}, {@code jdbc:mysql:}, {@code jdbc:mariadb:},
     * {@code jdbc:postgresql:}), read from its scheme alone, so multi-host URLs pass through as
     * they are: {@code jdbc:postgresql://h1,h2/db?targetServerType=primary}, Connector/J's
     * {@code jdbc:mysql:loadbalance://}, {@code jdbc:mysql:replication://} and DNS SRV
     * {@code jdbc:mysql+srv:} forms, MariaDB Connector/J's {@code jdbc:mariadb:sequential://}.
     *
     * <pre>{@code
     * Dialect.forUrl("jdbc:mysql+srv:loadbalance://_mysql._tcp.db.example/app");   // MYSQL
     * }</pre>
     *
     * <p>Dialects of other databases plug in as a {@link DialectProvider} found through
     * {@link java.util.ServiceLoader}; they are asked first, the built-in ones last.
     *
     * @param jdbcUrl the JDBC URL the engine connects to
     * @return the dialect for it
     * @throws IllegalArgumentException when no built-in dialect nor provider knows the URL's scheme
     */
    public static Dialect forUrl(String jdbcUrl) {
        for (DialectProvider provider : DialectProviders.ALL) {
            Dialect dialect = provider.forUrl(jdbcUrl);
            if (dialect != null) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("no Tabula dialect for URL " + jdbcUrl
                + " (supported: jdbc:sqlite:, jdbc:mysql:, jdbc:mysql+srv:, jdbc:mariadb:, jdbc:postgresql:"
                + (DialectProviders.ALL.size() > 1 ? ", and those of " + DialectProviders.ALL.subList(0,
                DialectProviders.ALL.size() - 1) : "") + ")");
    }

    /**
     * The dialect for the server a connection reached, once it is known: a dialect chosen by URL
     * may refine itself (a {@code jdbc:mysql:} URL may lead to MariaDB, which has RETURNING).
     *
     * <pre>{@code
     * Dialect exact = Dialect.MYSQL.forServer(conn.jdbc().getMetaData());   // MARIADB when the server says so
     * }</pre>
     *
     * @param server the metadata of a connection to the server
     * @return this dialect, or a refined one (MariaDB for a MySQL URL)
     * @throws SQLException when the metadata cannot be read
     */
    public Dialect forServer(java.sql.DatabaseMetaData server) throws SQLException {
        return this;
    }

    /**
     * Whether {@link #forServer} may answer another dialect, so the engine asks a first connection.
     *
     * <pre>{@code
     * boolean refine = Dialect.MYSQL.refinedByServer();   // true: the URL cannot tell MySQL from MariaDB
     * }</pre>
     *
     * @return {@code true} when the engine should ask a first connection
     */
    public boolean refinedByServer() {
        return false;
    }

    // ---------------------------------------------------------------- rendering

    /**
     * Renders any statement or expression to SQL plus bindings.
     *
     * <pre>{@code
     * RenderedSql sql = Dialect.POSTGRES.render(select(USERS.name).where(USERS.id.eq(1L)));
     * }</pre>
     */
    @Override
    public RenderedSql render(SqlNode node) {
        if (node instanceof Select select) {
            RenderedSql cached = renderCache.render(this, select);
            if (cached != null) {
                return cached;
            }
        }
        SqlRenderer renderer = newRenderer();
        renderer.top = node;
        node.accept(renderer);
        return renderer.result();
    }

    /**
     * The DDL {@code metaData.createAll(engine)} runs on this dialect (tables parents first, each
     * with its indexes), for review or migration scripts.
     *
     * <pre>{@code
     * for (Statement s : Dialect.POSTGRES.createStatements(new MetaData(USERS, POSTS))) {
     *     System.out.println(Dialect.POSTGRES.render(s).sql() + ";");
     * }
     * }</pre>
     *
     * @param metaData the tables, indexes and enum types to create
     * @return the DDL statements, in the order to run them
     */
    public List<Statement> createStatements(MetaData metaData) {
        List<Statement> out = new ArrayList<>();
        for (Table t : metaData.sortedTables()) {
            out.add(new CreateTable(t, true));
            for (Index index : t.indexes()) {
                out.add(new CreateIndex(index, supportsCreateIndexIfNotExists()));
            }
        }
        return out;
    }

    /**
     * The catalog questions of this database (tables, columns, keys, indexes, enum types), for
     * {@code Inspector} and {@code MetaData}.
     *
     * <pre>{@code
     * List<String> tables = Dialect.SQLITE.catalog().tableNames(conn.jdbc());
     * }</pre>
     *
     * @return the catalog of this database
     */
    public Catalog catalog() {
        throw new UnsupportedFeatureException(name() + " has no catalog support");
    }

    /**
     * A column's server default as this dialect writes it in DDL, or {@code null} without one;
     * what a schema comparison holds against the catalog's report.
     *
     * <pre>{@code
     * String sql = Dialect.POSTGRES.serverDefaultSql(USERS.createdAt);   // CURRENT_TIMESTAMP
     * }</pre>
     *
     * @param column the column
     * @return the DEFAULT expression, or {@code null}
     */
    public @Nullable String serverDefaultSql(Column<?> column) {
        if (column.serverDefault() == null) {
            return null;
        }
        SqlRenderer renderer = newRenderer();
        renderer.ddl = true;
        renderer.qualify = false;
        column.serverDefault().accept(renderer);
        return renderer.result().sql();
    }

    /**
     * A renderer for one statement.
     *
     * @return a new renderer, used for one statement only
     */
    protected abstract SqlRenderer newRenderer();

    /**
     * The character that quotes identifiers: {@code "} in standard SQL, a backtick on MySQL.
     *
     * @return the quote character
     */
    protected char identifierQuote() {
        return '"';
    }

    /**
     * Appends {@code identifier} quoted, doubling any quote character inside it.
     *
     * <pre>{@code
     * StringBuilder sql = new StringBuilder("SELECT * FROM ");
     * Dialect.POSTGRES.quoteIdentifier(sql, "order");   // SELECT * FROM "order"
     * }</pre>
     *
     * @param out where to append
     * @param identifier the unquoted name
     */
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

    /** Rendered selects by shape; see {@link RenderCache}. */
    private final RenderCache renderCache = new RenderCache();

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

    /**
     * Quoted identifier as a string (for messages and tests).
     *
     * <pre>{@code
     * Dialect.POSTGRES.quote("user");   // "user"
     * Dialect.MYSQL.quote("user");      // `user`
     * }</pre>
     *
     * @param identifier the unquoted name
     * @return the quoted name
     */
    public final String quote(String identifier) {
        StringBuilder sb = new StringBuilder(identifier.length() + 2);
        quoteIdentifier(sb, identifier);
        return sb.toString();
    }

    /**
     * The DDL type of a column: what the type says it is called here ({@link SqlType#sqlName}).
     * A failure names the column.
     *
     * <pre>{@code
     * Dialect.POSTGRES.typeName(SqlTypes.DURATION, null);   // "INTERVAL"
     * }</pre>
     *
     * <pre>{@code
     * String type = Dialect.POSTGRES.typeName(USERS.name.type(), USERS.name);   // VARCHAR(80)
     * }</pre>
     *
     * @param type the column's type
     * @param column the column, for its auto-increment and for messages; may be {@code null}
     * @return the type as written in CREATE TABLE
     * @throws UnsupportedFeatureException when the type has no form on this database
     */
    public String typeName(SqlType<?> type, @Nullable Column<?> column) {
        try {
            return type.sqlName(this);
        } catch (UnsupportedFeatureException | UnsupportedOperationException e) {
            if (column == null) {
                throw e;
            }
            throw new UnsupportedFeatureException(column.qualifiedName() + ": " + e.getMessage());
        }
    }

    /**
     * The type name inside {@code CAST(x AS ...)} ({@link SqlType#castName}); MySQL spells
     * integers and strings differently there.
     *
     * <pre>{@code
     * Dialect.MYSQL.castTypeName(SqlTypes.BIGINT);   // "SIGNED"
     * }</pre>
     *
     * <pre>{@code
     * String type = Dialect.MYSQL.castTypeName(SqlTypes.VARCHAR);   // for CAST(x AS ...)
     * }</pre>
     *
     * @param type the target type
     * @return the name written after {@code AS}
     */
    public String castTypeName(SqlType<?> type) {
        return type.castName(this);
    }

    /**
     * Appends a constant as an SQL literal, for DDL only (server defaults, enum labels), where
     * parameters do not exist. Strings have their quotes doubled.
     *
     * <pre>{@code
     * StringBuilder sql = new StringBuilder();
     * Dialect.POSTGRES.appendLiteral(sql, Status.DRAFT, EnumType.byName(Status.class));   // 'DRAFT'
     * }</pre>
     *
     * @param out where to append
     * @param value the constant
     * @param type its type, which decides the literal's form
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

    /**
     * {@code 'text'} as a literal ({@link #appendStringLiteral}), for types that write labels in DDL.
     *
     * <pre>{@code
     * Dialect.MYSQL.stringLiteral("a\\b");   // 'a\\\\b'
     * }</pre>
     *
     * @param text the string
     * @return the quoted literal
     */
    @Override
    public String stringLiteral(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2);
        appendStringLiteral(sb, text);
        return sb.toString();
    }

    /**
     * {@code 'text'} with single quotes doubled; MySQL also doubles backslashes.
     *
     * @param out where to append
     * @param text the string
     */
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

    /**
     * Whether a column of enum type gets a {@code CHECK (col IN (...labels))}: where the enum is
     * not a native type that refuses other labels itself.
     *
     * <pre>{@code
     * boolean check = Dialect.SQLITE.checksEnumLabels(EnumType.byName(Status.class));   // a CHECK constraint lists the labels
     * }</pre>
     *
     * @param type the enum type
     * @return {@code true} when the CHECK is written
     */
    public boolean checksEnumLabels(org.tabula.type.EnumType<?> type) {
        return type.nativeName() == null || !supportsNativeEnumTypes();
    }

    /**
     * Whether named enum types ({@code CREATE TYPE ... AS ENUM}) exist.
     *
     * <pre>{@code
     * boolean createType = Dialect.POSTGRES.supportsNativeEnumTypes();   // true: CREATE TYPE ... AS ENUM
     * }</pre>
     *
     * @return {@code true} on PostgreSQL
     */
    public boolean supportsNativeEnumTypes() {
        return false;
    }

    /**
     * {@code ('a', 'b')}: an enum's labels as a literal list, for CHECK constraints and MySQL's ENUM.
     *
     * @param type the enum type
     * @return the parenthesised, quoted labels
     */
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

    // ---------------------------------------------------------------- capabilities

    /**
     * Whether a RETURNING clause is accepted on {@code statement}; where not, rendering one
     * fails with an {@code UnsupportedFeatureException} that names the table.
     *
     * <pre>{@code
     * boolean ok = Dialect.POSTGRES.supportsReturning(Dialect.ReturningSupport.UPDATE);   // true
     * }</pre>
     *
     * @param statement the kind of statement
     * @return {@code true} when RETURNING may follow it
     */
    public abstract boolean supportsReturning(ReturningSupport statement);

    /**
     * Whether an engine's reads outside an explicit transaction run in auto-commit mode when
     * {@code EngineOptions.autoCommitReads} is not set: where the driver switches auto-commit
     * without a round trip (pgjdbc sends BEGIN itself; sqlite-jdbc runs in-process), the switch
     * costs a transaction nothing and saves every read its ROLLBACK. The default is {@code false}.
     *
     * <pre>{@code
     * boolean oneRoundTripReads = Dialect.POSTGRES.autoCommitReadsByDefault();   // true
     * }</pre>
     *
     * @return {@code true} when reads outside transactions run in auto-commit by default
     */
    public boolean autoCommitReadsByDefault() {
        return false;
    }

    /**
     * Whether the JDBC driver returns every row's generated key after {@code executeBatch} of an
     * INSERT prepared with {@code RETURN_GENERATED_KEYS}, in row order (MySQL Connector/J does;
     * sqlite-jdbc returns none). Where false, {@code Connection.executeManyReturningKeys} runs
     * one prepared statement per row instead.
     *
     * <pre>{@code
     * boolean keys = Dialect.POSTGRES.batchReturnsGeneratedKeys();
     * }</pre>
     *
     * @return {@code true} when a batch returns one key per row
     */
    public boolean batchReturnsGeneratedKeys() {
        return false;
    }

    /**
     * With {@link #batchReturnsGeneratedKeys()}: whether the batched INSERT carries its own
     * {@code RETURNING key} for the driver to read back (pgjdbc), rather than the driver's
     * generated-key protocol alone (Connector/J, which refuses result sets in a batch).
     *
     * <pre>{@code
     * boolean viaReturning = Dialect.POSTGRES.batchKeysFromReturning();   // pgjdbc reads RETURNING
     * }</pre>
     *
     * @return {@code true} when the batched INSERT has its own RETURNING
     */
    public boolean batchKeysFromReturning() {
        return false;
    }

    /**
     * How many rows of {@code columns} values one {@code INSERT ... VALUES (...), (...) RETURNING}
     * of an executemany with generated keys carries, within the database's bind-parameter limit; 0
     * where the driver returns a batch's keys itself ({@link #batchReturnsGeneratedKeys()}) or the
     * dialect has no RETURNING.
     *
     * <pre>{@code
     * int rows = Dialect.SQLITE.insertManyValuesRows(3);   // rows per multi-row INSERT under the parameter limit
     * }</pre>
     *
     * @param columns the number of bound columns per row
     * @return rows per INSERT, or 0
     */
    public int insertManyValuesRows(int columns) {
        return 0;
    }

    /**
     * The INSERT of {@code rows} copies of {@code single}'s one row of named parameters, returning
     * {@code key}: one statement of an executemany with generated keys
     * ({@link #insertManyValuesRows}), whose keys, sorted, are in row order. The default is
     * {@code INSERT ... VALUES (...), (...) RETURNING key}, where the database assigns
     * auto-increment keys in VALUES order (SQLite).
     *
     * <pre>{@code
     * RenderedSql sql = dialect.renderInsertManyValues(insert(USERS).values(Map.of("name", bindParam("name", SqlTypes.TEXT))), 100, USERS.id);
     * }</pre>
     *
     * @param single an INSERT of one row of named parameters
     * @param rows how many rows the statement carries
     * @param key the auto-increment key to return
     * @return the rendered statement, {@code rows} times the row's bindings
     */
    public RenderedSql renderInsertManyValues(Insert single, int rows, Column<?> key) {
        return render(single.repeatRow(rows).returning(key));
    }

    /** Renders {@code insert}'s rows so that the database takes them in row order (see {@link SqlRenderer#valueRows}). */
    final RenderedSql renderInRowOrder(Insert insert) {
        SqlRenderer renderer = newRenderer();
        renderer.top = insert;
        renderer.rowOrder = true;
        insert.accept(renderer);
        return renderer.result();
    }

    /**
     * Whether ALTER TABLE can change a column's type, nullability or default and add or drop
     * constraints in place. Where not (SQLite), a schema change rebuilds the table.
     *
     * <pre>{@code
     * boolean alter = Dialect.SQLITE.altersTablesInPlace();   // false: SQLite rebuilds the table
     * }</pre>
     *
     * @return {@code false} where a change rebuilds the table
     */
    public boolean altersTablesInPlace() {
        return true;
    }

    /**
     * Whether {@code CREATE INDEX IF NOT EXISTS} parses.
     *
     * <pre>{@code
     * boolean ifNotExists = Dialect.MYSQL.supportsCreateIndexIfNotExists();
     * }</pre>
     *
     * @return {@code true} when the clause is supported
     */
    public boolean supportsCreateIndexIfNotExists() {
        return true;
    }

    /**
     * Whether the driver stops a statement that runs past {@code Statement.setQueryTimeout}; where
     * it does not, the engine cancels the statement itself when the time is up.
     *
     * <pre>{@code
     * boolean enforced = Dialect.POSTGRES.driverEnforcesQueryTimeout();
     * }</pre>
     *
     * @return {@code false} where the engine must cancel itself
     */
    public boolean driverEnforcesQueryTimeout() {
        return true;
    }

    /**
     * Whether cancelling a running statement from another thread works with this database's driver.
     *
     * <pre>{@code
     * boolean cancellable = Dialect.POSTGRES.supportsStatementCancel();
     * }</pre>
     *
     * @return {@code true} when {@code Statement.cancel} works
     */
    public boolean supportsStatementCancel() {
        return true;
    }

    /**
     * JDBC driver properties for connections to {@code url}: what the dialect needs of its driver
     * (and what {@code settings} ask for). The user's own {@code EngineOptions.driverProperty}
     * values are applied after these and win.
     *
     * <pre>{@code
     * Map<String, String> props = Dialect.SQLITE.driverProperties("jdbc:sqlite:app.db", new ConnectionSettings(Duration.ofSeconds(5), "WAL"));
     * }</pre>
     *
     * @param url the JDBC URL
     * @param settings the engine's connection settings
     * @return driver properties, possibly empty
     */
    public java.util.Map<String, String> driverProperties(String url, ConnectionSettings settings) {
        return java.util.Map.of();
    }

    /**
     * Whether the database at {@code url} exists only inside its one connection (in-memory SQLite),
     * so an engine keeps exactly that connection and never recycles it.
     *
     * <pre>{@code
     * boolean single = Dialect.SQLITE.databaseLivesInConnection("jdbc:sqlite::memory:");   // true
     * }</pre>
     *
     * @param url the JDBC URL
     * @return {@code true} for an in-memory database
     */
    public boolean databaseLivesInConnection(String url) {
        return false;
    }

    /**
     * SQL that makes a new connection refuse writes, where the driver cannot switch an open
     * connection to read-only ({@code null}: JDBC's {@code setReadOnly} does it).
     *
     * <pre>{@code
     * String sql = Dialect.POSTGRES.readOnlyInitSql();   // run on a read-only engine's new connections, or null
     * }</pre>
     *
     * @return the SQL, or {@code null}
     */
    public @Nullable String readOnlyInitSql() {
        return null;
    }

    /**
     * SQL run on each new connection (e.g. session time zone), or {@code null}.
     *
     * <pre>{@code
     * String sql = Dialect.POSTGRES.connectionInitSql();   // SET TIME ZONE 'UTC'
     * }</pre>
     *
     * @return the SQL, or {@code null}
     */
    public @Nullable String connectionInitSql() {
        return null;
    }

    /**
     * Replaces a fresh, still unused transaction on {@code jdbc} with one that holds the database's
     * write lock from its start, where row locks do not exist; answers whether it did. The engine
     * calls it when a transaction's first statement is a {@code SELECT ... FOR UPDATE}, so a
     * read-modify-write cannot lose an update. The default does nothing: row locks suffice.
     *
     * <pre>{@code
     * boolean begun = engine.dialect().beginWriteTransaction(conn.jdbc());   // before a first SELECT ... FOR UPDATE
     * }</pre>
     *
     * @param jdbc the connection, inside a transaction that has run nothing yet
     * @return {@code true} when the transaction now holds the write lock
     * @throws SQLException when the lock cannot be taken
     */
    public boolean beginWriteTransaction(java.sql.Connection jdbc) throws SQLException {
        return false;
    }

    /**
     * Sets the isolation level and read-only flag of the transaction about to start on
     * {@code jdbc} (no statement has run in it yet): a {@code java.sql.Connection.TRANSACTION_*}
     * level, {@code TRANSACTION_NONE} or {@code null} leave one as it is. The default
     * uses JDBC's own setters: PostgreSQL's driver then begins with {@code BEGIN READ ONLY}, MySQL's
     * sends {@code SET SESSION TRANSACTION ...}.
     *
     * <pre>{@code
     * engine.dialect().setTransactionCharacteristics(conn.jdbc(), java.sql.Connection.TRANSACTION_SERIALIZABLE, true);
     * }</pre>
     *
     * @param jdbc the connection
     * @param isolationLevel a {@code java.sql.Connection.TRANSACTION_*} level
     * @param readOnly whether the transaction refuses writes
     * @throws SQLException when the driver refuses the settings
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

    /**
     * The read-only flag that {@link #setTransactionCharacteristics} set, read back.
     *
     * <pre>{@code
     * boolean readOnly = engine.dialect().isReadOnly(conn.jdbc());
     * }</pre>
     *
     * @param jdbc the connection
     * @return {@code true} when the connection is read-only
     * @throws SQLException when the driver cannot tell
     */
    public boolean isReadOnly(java.sql.Connection jdbc) throws SQLException {
        return jdbc.isReadOnly();
    }

    /**
     * The fetch size that makes the driver stream rows instead of loading them all.
     *
     * <pre>{@code
     * int fetch = Dialect.MYSQL.streamingFetchSize(500);   // Integer.MIN_VALUE: MySQL streams row by row
     * }</pre>
     *
     * @param requested the fetch size the user asked for
     * @return the fetch size to set on the statement
     */
    public int streamingFetchSize(int requested) {
        return requested;
    }

    /**
     * Whether a connection runs other statements while a streamed result ({@code Connection.stream})
     * is open on it. MySQL's Connector/J streams row by row and refuses any other statement until
     * the stream is read to its end or closed, unless its URL asks for a server-side cursor
     * ({@code useCursorFetch=true}: {@code Connection.runsStatementsWhileStreaming()} is the answer
     * that knows); SQLite and PostgreSQL keep a cursor and go on.
     *
     * <pre>{@code
     * boolean interleave = Dialect.MYSQL.runsStatementsWhileStreaming();   // false: read the stream to its end first
     * }</pre>
     *
     * @return true when another statement can run while a stream is open
     */
    public boolean runsStatementsWhileStreaming() {
        return true;
    }

    // ---------------------------------------------------------------- values

    /**
     * Binds {@code value} (possibly null) of {@code type} at {@code index}: NULL with the type's
     * JDBC code ({@link SqlType#jdbcType}), anything else coerced to the type's Java type and
     * bound as the type binds it here ({@link SqlType#bind(TypeDialect, PreparedStatement, int, Object)}).
     * Dialects do not override this: types decide how they are stored on each database.
     *
     * <pre>{@code
     * dialect.bind(ps, 1, SqlTypes.INSTANT, Instant.now());
     * }</pre>
     *
     * @param ps the statement
     * @param index the parameter's position, from 1
     * @param type the value's SQL type
     * @param value the value, or null for NULL
     * @throws SQLException when the driver refuses the value
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public final void bind(PreparedStatement ps, int index, SqlType type, @Nullable Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, type.jdbcType(this));
        } else {
            type.bind(this, ps, index, type.coerce(value));
        }
    }

    /**
     * Reads a value of {@code type} from column {@code index}, as the type reads it here
     * ({@link SqlType#read(TypeDialect, ResultSet, int)}).
     *
     * <pre>{@code
     * ResultSet rs = conn.jdbc().createStatement().executeQuery("SELECT created_at FROM users");
     * Object at = rs.next() ? Dialect.POSTGRES.read(rs, 1, SqlTypes.INSTANT) : null;
     * }</pre>
     *
     * @param rs the result set, positioned on a row
     * @param index the 1-based column index
     * @param type the column's type
     * @return the value, or {@code null}
     * @throws SQLException when the driver cannot read the column
     */
    public final @Nullable Object read(ResultSet rs, int index, SqlType<?> type) throws SQLException {
        return type.read(this, rs, index);
    }

    // ---------------------------------------------------------------- errors

    /**
     * What a driver exception means. The default reads the standard SQLState classes; a
     * dialect reads its vendor codes first, so that the same failure is the same
     * {@link ErrorKind} (and exception class) on every database, as {@code docs/errors.md} lists.
     *
     * <pre>{@code
     * ErrorKind kind = engine.dialect().classify(sqlException);   // UNIQUE_VIOLATION, ...
     * }</pre>
     *
     * @param e the driver's exception
     * @return the kind of failure
     */
    public ErrorKind classify(SQLException e) {
        if (e instanceof java.sql.SQLTimeoutException) {
            // the driver's own query timeout (MySQL Connector/J's carries no SQLState)
            return ErrorKind.CANCELED;
        }
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
            // serialization failure, deadlock; a lock wait that timed out (PostgreSQL's lock_timeout)
            case "40001", "40P01", "55P03" -> ErrorKind.TRANSACTION_CONFLICT;
            // a value of the wrong type for its column (PostgreSQL: a string bound to an integer column)
            case "42804" -> ErrorKind.DATA;
            // a write in a read-only transaction, or on a hot standby
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
     * The exception that carries the database's own error: a dialect whose driver wraps it (a
     * failed batch) unwraps it here, so that {@link #classify} and the message see the server's.
     *
     * <pre>{@code
     * SQLException cause = Dialect.POSTGRES.databaseError(sqlException);   // the batch's first real error
     * }</pre>
     *
     * @param e the driver's exception
     * @return the server's exception, or {@code e} itself
     */
    public SQLException databaseError(SQLException e) {
        return e;
    }

    /**
     * Whether a unique-violation message names the primary key rather than a column, so the
     * error can name the table's key columns instead (MySQL says {@code for key 'PRIMARY'}).
     *
     * <pre>{@code
     * boolean pk = Dialect.MYSQL.namesPrimaryKey("Duplicate entry '1' for key 'PRIMARY'");   // true
     * }</pre>
     *
     * @param message the driver's message
     * @return {@code true} when the primary key is meant
     */
    public boolean namesPrimaryKey(String message) {
        return false;
    }

    /**
     * Whether the server ended the connection (killed by an administrator, shut down, restarted)
     * rather than the statement failing: for an error {@link #classify} calls
     * {@link ErrorKind#CONNECTION}, it makes the message say so, since drivers often do not
     * (MySQL Connector/J says "Communications link failure"). The default recognises
     * PostgreSQL's administrator and crash shutdown states and the end of the server's stream.
     *
     * <pre>{@code
     * boolean gone = engine.dialect().serverClosedConnection(sqlException);   // retry on a new connection
     * }</pre>
     *
     * @param e the driver's exception
     * @return {@code true} when the server ended the connection
     */
    public boolean serverClosedConnection(SQLException e) {
        String state = e.getSQLState();
        if ("57P01".equals(state) || "57P02".equals(state) || "57P03".equals(state)) {
            return true;
        }
        int depth = 0;
        for (Throwable t = e; t != null && depth < 8; t = t.getCause(), depth++) {
            if (t instanceof java.io.EOFException
                    || t instanceof java.net.SocketException && String.valueOf(t.getMessage()).contains("reset")) {
                return true;
            }
        }
        return false;
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
     *
     * @param e the driver's exception
     * @return {@code true} when running the work again may succeed
     */
    public boolean isRetryable(SQLException e) {
        return classify(e) == ErrorKind.TRANSACTION_CONFLICT;
    }

    /**
     * How far the server {@code jdbc} is connected to lags behind its primary, as the health probe
     * of {@code Engine.replicated} measures it: {@link java.time.Duration#ZERO} for a server that
     * is no replica or has applied everything it received, {@code null} when replication is
     * stopped or the lag cannot be known (such a replica gets no reads). The default, for a
     * database without replication (SQLite), is zero. PostgreSQL asks
     * {@code pg_is_in_recovery()} and {@code pg_last_xact_replay_timestamp()}; MariaDB and MySQL
     * read {@code SHOW SLAVE STATUS} / {@code SHOW REPLICA STATUS}, which needs the
     * {@code SLAVE MONITOR} (MariaDB) or {@code REPLICATION CLIENT} (MySQL) privilege.
     *
     * <pre>{@code
     * Duration lag = engine.dialect().replicationLag(conn.jdbc());   // null: not replicating
     * }</pre>
     *
     * @throws SQLException when the server cannot answer (down, or the user lacks the privilege)
     * @param jdbc a connection to the replica
     * @return how far the replica is behind, {@code Duration.ZERO} where there is no replication
     */
    public java.time.Duration replicationLag(java.sql.Connection jdbc) throws SQLException {
        return java.time.Duration.ZERO;
    }

    /**
     * Whether the driver lost the connection while talking to the server: some drivers report
     * that with a generic SQLState (MySQL Connector/J reading a streamed row, for one) and only
     * the I/O exception underneath tells.
     *
     * @param e the driver's exception
     * @return {@code true} when an I/O failure lies underneath
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
