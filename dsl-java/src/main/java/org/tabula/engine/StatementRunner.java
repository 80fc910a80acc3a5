package org.tabula.engine;

import org.jspecify.annotations.Nullable;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tabula.dialect.Binding;
import org.tabula.dialect.Dialect;
import org.tabula.dialect.RenderedSql;
import org.tabula.dialect.StatementKind;
import org.tabula.error.DataException;
import org.tabula.error.DatabaseException;
import org.tabula.error.NotNullViolationException;
import org.tabula.error.UnsupportedFeatureException;
import org.tabula.expr.Aliased;
import org.tabula.expr.AliasedColumn;
import org.tabula.expr.Expression;
import org.tabula.result.Result;
import org.tabula.result.ResultColumns;
import org.tabula.result.Row;
import org.tabula.result.ValuesMapper;
import org.tabula.schema.Column;
import org.tabula.schema.Table;
import org.tabula.statement.DerivedColumn;
import org.tabula.type.SqlType;
import org.tabula.type.SqlTypes;
import org.tabula.type.TypeKind;

/**
 * The one place a rendered statement runs: prepare, bind (checking NOT NULL and length against
 * the bindings' target columns first), execute, read rows with the rendered result columns'
 * types, and record a failure on the transaction. It never looks at the statement's AST: what it
 * needs came with the {@link RenderedSql}.
 */
final class StatementRunner {

    private final Engine engine;
    private final Dialect dialect;
    private final java.sql.Connection jdbc;
    private final TransactionState tx;
    private final RunningStatement running;
    private final ErrorTranslator errors;
    private final Cursors cursors;
    private final ConnectionEvents events;
    private @Nullable StatementCache statements;
    private boolean statementsLooked;

    StatementRunner(Engine engine, java.sql.Connection jdbc, TransactionState tx, RunningStatement running,
                    ErrorTranslator errors, Cursors cursors, ConnectionEvents events) {
        this.events = events;
        this.engine = engine;
        this.dialect = engine.dialect();
        this.jdbc = jdbc;
        this.tx = tx;
        this.running = running;
        this.errors = errors;
        this.cursors = cursors;
    }

    Engine engine() {
        return engine;
    }

    Dialect dialect() {
        return dialect;
    }

    java.sql.Connection jdbc() {
        return jdbc;
    }

    TransactionState tx() {
        return tx;
    }

    ConnectionEvents events() {
        return events;
    }

    RunningStatement running() {
        return running;
    }

    /** Runs {@code rendered}: its rows in memory, or as a cursor when {@code streaming}, or its count. */
    Result run(RenderedSql rendered, Map<String, ?> parameters, boolean streaming, int fetchSize, Row insertedKey) {
        PreparedStatement ps = null;
        boolean keepOpen = false;
        try {
            StatementCache cache = !streaming && rendered.kind() == StatementKind.QUERY ? statementsFor(rendered) : null;
            ps = prepareAndExecute(rendered, parameters, streaming, fetchSize, cache);
            ResultSet rs = ps.getResultSet();
            Table changed = rendered.kind() == StatementKind.UPDATE || rendered.kind() == StatementKind.DELETE
                    ? rendered.table() : null;
            if (rs == null) {
                return Result.ofCount(events.statementEnded(ps.getUpdateCount()), insertedKey, changed);
            }
            ResultColumns columns = columnsOf(rendered, rs.getMetaData(), true);
            if (streaming) {
                keepOpen = true;
                events.statementEnded(-1);
                return Result.streaming(columns, cursors.open(this, ps, rs, columns, rendered));
            }
            List<Row> rows = new ArrayList<>();
            long notNull = notNullColumns(rendered, columns);
            try (rs) {
                while (rs.next()) {
                    rows.add(new Row(columns, readValues(rs, columns, notNull)));
                }
            }
            if (cache != null) {
                cache.release(rendered.sql(), ps);
                ps = null;
            }
            events.statementEnded(rows.size());
            return Result.buffered(columns, rows, rendered.kind() == StatementKind.QUERY ? -1 : rows.size(), insertedKey,
                    changed);
        } catch (SQLException e) {
            throw failed(e, rendered);
        } finally {
            if (!keepOpen) {
                closeQuietly(ps);
            }
        }
    }

    /** Runs a query and maps each row's values array (no {@link Row}) with the mapper made for its columns. */
    <T extends @Nullable Object> List<T> fetch(RenderedSql rendered, Map<String, ?> parameters,
                                               Function<ResultColumns, ValuesMapper<T>> mapperFor, boolean labelled) {
        PreparedStatement ps = null;
        StatementCache cache = null;
        try {
            ResultSet rs;
            if (rendered.kind() == StatementKind.QUERY) {
                // executeQuery: what hand-written JDBC calls for a SELECT (sqlite-jdbc's execute()
                // also scans the SQL text with a regular expression for generated keys).
                cache = statementsFor(rendered);
                ps = prepare(rendered, parameters, false, 0, cache);
                PreparedStatement query = ps;
                rs = running.execute(query, query::executeQuery);
                tx.started();
            } else {
                ps = prepareAndExecute(rendered, parameters, false, 0, null);
                rs = ps.getResultSet();
            }
            if (rs == null) {
                throw new IllegalArgumentException("fetch() needs a statement that returns rows: " + rendered.sql());
            }
            List<T> out = new ArrayList<>();
            try (rs) {
                ResultColumns columns = columnsOf(rendered, rs.getMetaData(), labelled);
                ValuesMapper<T> mapper = mapperFor.apply(columns);
                long notNull = notNullColumns(rendered, columns);
                while (rs.next()) {
                    out.add(mapper.map(readValues(rs, columns, notNull)));
                }
            }
            if (cache != null) {
                cache.release(rendered.sql(), ps);
                ps = null;
            }
            events.statementEnded(out.size());
            return out;
        } catch (SQLException e) {
            throw failed(e, rendered);
        } finally {
            closeQuietly(ps);
        }
    }

    /**
     * The cache to take {@code rendered}'s statement from, or null to prepare one of its own: only
     * a select built with the DSL (its columns fixed by the AST, not a star a later ALTER TABLE
     * changes) is kept, and only when the engine keeps statements.
     */
    private @Nullable StatementCache statementsFor(RenderedSql rendered) {
        if (rendered.columns().isEmpty() || rendered.locksRows()) {
            return null;
        }
        if (!statementsLooked) {
            statements = engine.statementCache(jdbc);
            statementsLooked = true;
        }
        return statements;
    }

    /** Prepares, binds and executes; the caller reads {@code getResultSet()} (null for a count) and closes it. */
    private PreparedStatement prepareAndExecute(RenderedSql rendered, Map<String, ?> parameters, boolean streaming,
                                                int fetchSize, @Nullable StatementCache cache) throws SQLException {
        PreparedStatement ps = prepare(rendered, parameters, streaming, fetchSize, cache);
        try {
            running.execute(ps, ps::execute);
            tx.started();
            return ps;
        } catch (SQLException | RuntimeException | Error e) {
            closeQuietly(ps);
            throw e;
        }
    }

    /**
     * Prepares (or takes from {@code cache}, where given) and binds, the statement's listeners told
     * it starts; the caller executes it, and closes it on failure.
     */
    private PreparedStatement prepare(RenderedSql rendered, Map<String, ?> parameters, boolean streaming,
                                      int fetchSize, @Nullable StatementCache cache) throws SQLException {
        if (cursors.anyOpen() && !engine.runsStatementsWhileStreaming(jdbc)) {
            // Connector/J would refuse it too, naming a driver class; say what the user can do instead.
            throw new UnsupportedFeatureException(rendered.context() + ": a stream is still open on this connection, and "
                    + dialect.name() + " (Connector/J streams row by row) runs no other statement until the stream is read"
                    + " to its end or closed: finish or close it first, or add useCursorFetch=true to the JDBC URL (streams"
                    + " then read through a server-side cursor)");
        }
        if (streaming) {
            tx.leaveAutoCommit(); // a cursor lives in a transaction (pgjdbc reads everything at once in auto-commit)
        } else {
            tx.beforeStatement(rendered);
        }
        if (!tx.isDirty() && rendered.locksRows()) {
            beginWriteTransaction();
        }
        PreparedStatement ps;
        try {
            ps = streaming ? jdbc.prepareStatement(rendered.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)
                    : cache != null ? cache.take(rendered.sql()) : jdbc.prepareStatement(rendered.sql());
        } catch (SQLException e) {
            // SQLite refuses bad SQL when preparing, the others when executing: listeners hear of both alike.
            events.statementStarting(rendered, parameters, 1);
            throw e;
        }
        try {
            if (streaming) {
                ps.setFetchSize(engine.streamsByCursor(jdbc) ? fetchSize : dialect.streamingFetchSize(fetchSize));
            } else if (engine.options().fetchSize() > 0) {
                ps.setFetchSize(engine.options().fetchSize());
            }
            running.applyTimeout(ps);
            bindAll(ps, rendered.bindings(), parameters, rendered.context());
            events.statementStarting(rendered, parameters, 1);
            return ps;
        } catch (SQLException | RuntimeException | Error e) {
            closeQuietly(ps);
            throw e;
        }
    }

    /**
     * Runs {@code rendered} once, prepared to return generated keys, adding them (as
     * {@code keyColumn}'s type) to {@code keysOut}; returns the update count.
     */
    long runWithGeneratedKeys(RenderedSql rendered, Map<String, ?> parameters, Column<?> keyColumn,
                              List<Object> keysOut) {
        PreparedStatement ps = null;
        try {
            tx.beforeStatement(rendered);
            ps = jdbc.prepareStatement(rendered.sql(), java.sql.Statement.RETURN_GENERATED_KEYS);
            running.applyTimeout(ps);
            bindAll(ps, rendered.bindings(), parameters, rendered.context());
            events.statementStarting(rendered, parameters, 1);
            long count = running.execute(ps, ps::executeUpdate);
            tx.started();
            readKeys(ps.getGeneratedKeys(), keyColumn, keysOut);
            return events.statementEnded(count);
        } catch (SQLException e) {
            throw failed(e, rendered);
        } finally {
            closeQuietly(ps);
        }
    }

    /** Adds every key of {@code keys} (the first column) to {@code out} as {@code key}'s type, and closes it. */
    static void readKeys(ResultSet keys, Column<?> key, List<Object> out) throws SQLException {
        try (keys) {
            if (key.type().javaType() == Long.class) {
                // getLong: no driver-chosen object to convert (sqlite-jdbc's getObject asks the column type first, and
                // answers Integer for small keys; Connector/J answers BigInteger for its unsigned key column).
                while (keys.next()) {
                    long v = keys.getLong(1);
                    out.add(v == 0 && keys.wasNull() ? null : v);
                }
                return;
            }
            while (keys.next()) {
                out.add(key.type().coerce(keys.getObject(1)));
            }
        }
    }

    /**
     * Where the dialect has no row locks (SQLite), a transaction that starts with
     * {@code SELECT ... FOR UPDATE} is restarted as a write transaction before anything ran in
     * it, so concurrent read-modify-writes take turns instead of losing updates.
     */
    private void beginWriteTransaction() {
        try {
            if (dialect.beginWriteTransaction(jdbc)) {
                tx.started();
            }
        } catch (SQLException e) {
            throw errors.translate(e, "BEGIN", null);
        }
    }

    // ---------------------------------------------------------------- rows

    Row readRow(ResultSet rs, ResultColumns columns, long notNull) throws SQLException {
        return new Row(columns, readValues(rs, columns, notNull));
    }

    /** @param notNull bit {@code i} set: column {@code i} reads no NULL ({@link #notNullColumns}) */
    private Object[] readValues(ResultSet rs, ResultColumns columns, long notNull) throws SQLException {
        int n = columns.size();
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
            SqlType<?> type = columns.type(i);
            values[i] = i < 64 && (notNull >>> i & 1L) != 0 ? type.readNotNull(dialect, rs, i + 1)
                    : dialect.read(rs, i + 1, type);
        }
        return values;
    }

    /**
     * The result columns (of the first 64) that are a table's columns declared NOT NULL, where the
     * statement keeps them so ({@link RenderedSql#notNullHolds()}), one bit each.
     */
    static long notNullColumns(RenderedSql rendered, ResultColumns columns) {
        List<Expression<?>> selected = rendered.columns();
        if (!rendered.notNullHolds() || selected.size() != columns.size()) {
            return 0L;
        }
        long mask = 0L;
        for (int i = 0; i < Math.min(64, selected.size()); i++) {
            Expression<?> e = selected.get(i);
            Column<?> column = e instanceof Column<?> c ? c : e instanceof AliasedColumn<?> a ? a.column() : null;
            if (column != null && !column.isNullable()) {
                mask |= 1L << i;
            }
        }
        return mask;
    }

    /**
     * The result's labels with the rendered result expressions and their types ({@code ANY} past them).
     * A select's column or alias names its own label, as the database would; the driver is asked
     * only for the others (a native call and a new String per column with sqlite-jdbc).
     *
     * @param labelled whether labels the statement does not name are wanted (else they are empty),
     *     false for mappers that read values by position
     */
    private static ResultColumns columnsOf(RenderedSql rendered, ResultSetMetaData md, boolean labelled)
            throws SQLException {
        List<Expression<?>> selected = rendered.columns();
        int n = md.getColumnCount();
        // Text and RETURNING statements are written or aliased beyond what the AST says; a select
        // whose columns the database expanded (a star) has labels at other positions.
        boolean named = rendered.kind() == StatementKind.QUERY && n == selected.size();
        String[] labels = new String[n];
        SqlType<?>[] types = new SqlType<?>[n];
        Expression<?>[] expressions = new Expression<?>[n];
        for (int i = 0; i < n; i++) {
            String label = named ? labelOf(selected.get(i)) : null;
            labels[i] = label != null ? label : labelled ? md.getColumnLabel(i + 1) : "";
            Expression<?> e = i < selected.size() ? selected.get(i) : null;
            expressions[i] = e;
            types[i] = e != null && e.type() != null ? e.type() : SqlTypes.ANY;
        }
        return new ResultColumns(labels, types, expressions);
    }

    /** The label every database gives a selected column or alias, or null where the driver must say. */
    private static @Nullable String labelOf(Expression<?> selected) {
        if (selected instanceof Column<?> c) {
            return c.name();
        }
        if (selected instanceof Aliased<?> a) {
            return a.alias();
        }
        if (selected instanceof AliasedColumn<?> a) {
            return a.column().name();
        }
        if (selected instanceof DerivedColumn<?> d) {
            return d.name();
        }
        return null;
    }

    // ---------------------------------------------------------------- binding

    void bindAll(PreparedStatement ps, List<Binding> bindings, Map<String, ?> parameters, String context)
            throws SQLException {
        bindAll(ps, bindings, parameters, context, 0);
    }

    /** Binds {@code bindings} at parameter indexes {@code offset + 1} and on. */
    void bindAll(PreparedStatement ps, List<Binding> bindings, Map<String, ?> parameters, String context, int offset)
            throws SQLException {
        for (int i = 0; i < bindings.size(); i++) {
            Binding b = bindings.get(i);
            Object value;
            if (b.isNamed()) {
                value = parameters.get(b.name());
                // One map lookup per value on the executemany path; the second only for a null.
                if (value == null && !parameters.containsKey(b.name())) {
                    throw new IllegalArgumentException((context == null ? "" : context + ": ")
                            + "no value for parameter :" + b.name() + " (given: " + parameters.keySet() + ")");
                }
            } else {
                value = b.value();
            }
            SqlType<?> type = b.type();
            if (type.kind() == TypeKind.ANY && value != null) {
                type = SqlTypes.forValue(value);
            }
            if (b.target() != null) {
                validate(b.target(), value, context);
            }
            try {
                dialect.bind(ps, offset + i + 1, type, value);
            } catch (IllegalArgumentException | ClassCastException e) {
                String what = b.target() != null ? "column " + b.target().qualifiedName()
                        : b.isNamed() ? "parameter :" + b.name() : "parameter " + (i + 1);
                throw new IllegalArgumentException((context == null ? "" : context + ": ") + what + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** Whether NULL may be written to {@code column} (auto-increment columns fill it themselves). */
    static boolean acceptsNull(Column<?> column) {
        return column.isNullable() || column.isAutoIncrement();
    }

    /** The most characters {@code column} holds: its {@code varchar(n)}, else no limit. */
    static int maxLength(Column<?> column) {
        SqlType<?> type = column.type();
        return type.kind() == TypeKind.VARCHAR && type.length() > 0 ? type.length() : Integer.MAX_VALUE;
    }

    /** NOT NULL and length checks before the database sees the value, so the message can name the column. */
    private static void validate(Column<?> column, Object value, String context) {
        if (value == null) {
            if (!acceptsNull(column)) {
                throw new NotNullViolationException((context == null ? "" : context + ": ") + "column "
                        + column.qualifiedName() + " is NOT NULL but the value is null", null, null);
            }
            return;
        }
        int max = maxLength(column);
        if (value instanceof String s && s.length() > max && s.codePointCount(0, s.length()) > max) {
            throw new DataException((context == null ? "" : context + ": ") + "value of "
                    + s.codePointCount(0, s.length()) + " characters is too long for column " + column.qualifiedName()
                    + " VARCHAR(" + max + ")", null, null);
        }
    }

    // ---------------------------------------------------------------- failures

    /** The translated failure of {@code rendered}, recorded on the transaction (or innermost savepoint). */
    DatabaseException failed(SQLException e, RenderedSql rendered) {
        return tx.failed(errors.translate(e, rendered));
    }

    static void closeQuietly(java.sql.Statement s) {
        if (s != null) {
            try {
                s.close();
            } catch (SQLException ignored) {
                // nothing to do
            }
        }
    }
}
