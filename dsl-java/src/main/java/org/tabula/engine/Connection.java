package org.tabula.engine;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tabula.dialect.Binding;
import org.tabula.dialect.Dialect;
import org.tabula.dialect.RenderedSql;
import org.tabula.error.DataException;
import org.tabula.error.DatabaseException;
import org.tabula.error.ErrorKind;
import org.tabula.error.NotNullViolationException;
import org.tabula.error.TabulaException;
import org.tabula.error.TransactionAbortedException;
import org.tabula.error.TransactionRolledBackException;
import org.tabula.error.TransactionStateException;
import org.tabula.error.UnsupportedFeatureException;
import org.tabula.expr.BindValue;
import org.tabula.expr.Expression;
import java.util.function.Function;
import org.tabula.result.RecordMapper;
import org.jspecify.annotations.Nullable;
import org.tabula.result.Result;
import org.tabula.result.Result1;
import org.tabula.result.ResultColumns;
import org.tabula.result.Row;
import org.tabula.result.ValuesMapper;
import org.tabula.schema.Column;
import org.tabula.schema.Table;
import org.tabula.statement.Delete;
import org.tabula.statement.Insert;
import org.tabula.statement.LockMode;
import org.tabula.statement.Select;
import org.tabula.statement.Select1;
import org.tabula.statement.SetOperation;
import org.tabula.statement.Statement;
import org.tabula.statement.TextStatement;
import org.tabula.statement.Update;
import org.tabula.type.SqlType;
import org.tabula.type.SqlTypes;
import org.tabula.type.TypeKind;

/**
 * A pooled database connection with a transaction always open ("commit as you go").
 * Not thread-safe: one thread (or one coroutine at a time) uses it, then closes it.
 *
 * <pre>{@code
 * try (Connection conn = engine.connect()) {
 *     Result r = conn.execute(insert(USERS).set(USERS.name, "ann"));
 *     long id = r.insertedPrimaryKey().get(USERS.id);
 *     conn.execute(insert(POSTS), List.of(                      // executemany (JDBC batch)
 *         Map.of("user_id", id, "title", "one"),
 *         Map.of("user_id", id, "title", "two")));
 *     conn.commit();
 * }                                                              // uncommitted work is rolled back
 * }</pre>
 */
public final class Connection implements AutoCloseable {

    private static final int BATCH_CHUNK = 1000;

    private final Engine engine;
    private final Dialect dialect;
    private final java.sql.Connection jdbc;
    private final List<JdbcCursor> openCursors = new ArrayList<>(2);
    private volatile java.sql.Statement running;
    /** The engine's timer for the running statement, where the driver has no query timeout of its own. */
    private java.util.concurrent.Future<?> timeout;
    private volatile boolean cancelled;
    private boolean closed;
    private boolean dirty;
    private boolean broken;
    private int savepoints;
    /** Whether the executemany in progress has sent rows to the database (a later refusal leaves it half done). */
    private boolean sent;
    /** Why this transaction can only roll back: a failed statement, a failed participant, or setRollbackOnly. */
    private Throwable rollbackCause;
    /** Whether a statement failed outside any savepoint: further statements are refused until rollback. */
    private boolean aborted;
    /** Savepoints set and not yet released or rolled back, innermost last. */
    private final ArrayList<Savepoint> openSavepoints = new ArrayList<>(0);
    /** What this transaction's options changed, to restore when it ends; null when nothing was changed. */
    private TransactionCharacteristics changed;

    Connection(Engine engine, java.sql.Connection jdbc) {
        this.engine = engine;
        this.dialect = engine.dialect();
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- execution

    /** Executes a statement. Queries are read into memory; see {@link #stream} for large results. */
    public Result execute(Statement statement) {
        return execute(statement, Map.of());
    }

    /**
     * Executes a select of one expression; the result's scalar methods return its type.
     *
     * <pre>{@code
     * long n = conn.execute(select(count()).from(USERS)).scalarOne();
     * }</pre>
     */
    public <T extends @Nullable Object> Result1<T> execute(Select1<T> select) {
        return Result1.of(execute((Statement) select, Map.of()));
    }

    /** Executes a statement with values for its named parameters ({@code text()} or bind params). */
    public Result execute(Statement statement, Map<String, ?> parameters) {
        ensureUsable();
        if (statement instanceof Insert insert) {
            if (insert.rows().isEmpty() && insert.fromSelect() == null && !parameters.isEmpty()) {
                return executeInsert(insert.values(parameters), Map.of());
            }
            return executeInsert(insert, parameters);
        }
        RenderedSql rendered = render(statement);
        return run(statement, rendered, parameters, false, 0, null);
    }

    /**
     * Executes a statement once per parameter map, as one JDBC batch (executemany). An
     * {@code insert(table)} without values takes its columns from the maps' keys.
     */
    public Result execute(Statement statement, List<? extends Map<String, ?>> rows) {
        ensureUsable();
        if (rows.isEmpty()) {
            return Result.ofCount(0, null);
        }
        if (rows.size() == 1) {
            return execute(statement, rows.get(0));
        }
        if (statement.returnsRows()) {
            throw new UnsupportedFeatureException("executemany cannot return rows; run " + statement
                    + " once per row instead");
        }
        RowsInsert many = null;
        if (statement instanceof Insert insert && insert.rows().isEmpty() && insert.fromSelect() == null) {
            many = RowsInsert.of(insert, rows.get(0));
            statement = many.statement();
        }
        RenderedSql rendered = render(statement);
        String context = contextOf(statement);
        PreparedStatement ps = null;
        try {
            ps = jdbc.prepareStatement(rendered.sql());
            applyTimeout(ps);
            RowBinder binder = RowBinder.of(dialect, rendered.bindings());
            long total = 0;
            int pending = 0;
            sent = false;
            for (int r = 0; r < rows.size(); r++) {
                Map<String, ?> params = many == null ? rows.get(r) : many.row(rows.get(r), r, context);
                if (r == 0) {
                    announce(rendered, params);
                }
                if (binder == null || !binder.bind(dialect, ps, params)) {
                    if (many != null) {
                        many.checkKeys(rows.get(r), r, context);
                    }
                    bindAll(ps, rendered.bindings(), params, context);
                }
                ps.addBatch();
                if (++pending == BATCH_CHUNK) {
                    total += sum(runBatch(ps));
                    pending = 0;
                }
            }
            if (pending > 0) {
                total += sum(runBatch(ps));
            }
            dirty = true;
            return Result.ofCount(total, null);
        } catch (SQLException e) {
            throw translateFor(e, rendered.sql(), statement);
        } catch (RuntimeException e) {
            // Refused at a later row after earlier batches ran: the statement is half done.
            throw sent ? failed(e) : e;
        } finally {
            closeQuietly(ps);
        }
    }

    /**
     * Executemany of an INSERT into a table whose key the database generates, returning each row's
     * generated {@code key} in row order: what an ORM flush of new objects needs. The statement is
     * rendered and prepared once; where the driver returns the keys of a batch
     * ({@link Dialect#batchReturnsGeneratedKeys()}) the rows go as JDBC batches of 1,000, otherwise
     * the prepared statement runs once per row ({@code RETURNING key} where the dialect has it).
     *
     * <pre>{@code
     * List<Object> ids = conn.executeManyReturningKeys(insert(USERS), List.of(Map.of("name", "ann"), Map.of("name", "bob")), USERS.id);
     * }</pre>
     *
     * Every row must name the same columns (those of the first row).
     */
    public List<Object> executeManyReturningKeys(Insert insert, List<? extends Map<String, ?>> rows, Column<?> key) {
        ensureUsable();
        if (rows.isEmpty()) {
            return List.of();
        }
        if (!insert.rows().isEmpty() || insert.fromSelect() != null || !insert.returning().isEmpty()) {
            throw new IllegalArgumentException("executeManyReturningKeys takes insert(" + insert.table().name()
                    + ") without values or RETURNING; the rows give the values");
        }
        RowsInsert many = RowsInsert.of(insert, rows.get(0));
        Insert statement = many.statement();
        int perStatement = key.isAutoIncrement() ? dialect.insertManyValuesRows(statement.columns().size()) : 0;
        if (perStatement > 1 && rows.size() > 1) {
            return insertManyValues(many, rows, key, perStatement);
        }
        boolean batched = dialect.batchReturnsGeneratedKeys();
        // With RETURNING in the SQL, the key column is named by us (quoted by the dialect) rather
        // than guessed by the driver; a batch still reads the keys through getGeneratedKeys().
        boolean returning = dialect.supportsReturning(Dialect.ReturningSupport.INSERT)
                && (!batched || dialect.batchKeysFromReturning());
        if (returning) {
            statement = statement.returning(key);
        }
        RenderedSql rendered = render(statement);
        String context = contextOf(statement);
        List<Object> out = new ArrayList<>(rows.size());
        PreparedStatement ps = null;
        try {
            ps = returning && !batched ? jdbc.prepareStatement(rendered.sql())
                    : jdbc.prepareStatement(rendered.sql(), java.sql.Statement.RETURN_GENERATED_KEYS);
            applyTimeout(ps);
            RowBinder binder = RowBinder.of(dialect, rendered.bindings());
            int pending = 0;
            sent = false;
            for (int r = 0; r < rows.size(); r++) {
                Map<String, ?> params = many.row(rows.get(r), r, context);
                if (r == 0) {
                    announce(rendered, params);
                }
                if (binder == null || !binder.bind(dialect, ps, params)) {
                    many.checkKeys(rows.get(r), r, context);
                    bindAll(ps, rendered.bindings(), params, context);
                }
                if (batched) {
                    ps.addBatch();
                    if (++pending == BATCH_CHUNK || r == rows.size() - 1) {
                        runBatch(ps);
                        pending = 0;
                        readKeys(ps.getGeneratedKeys(), key, out);
                    }
                } else {
                    sent = true;
                    startRunning(ps);
                    try {
                        if (returning) {
                            readKeys(ps.executeQuery(), key, out);
                        } else {
                            ps.executeUpdate();
                            readKeys(ps.getGeneratedKeys(), key, out);
                        }
                    } finally {
                        stopRunning();
                    }
                }
                dirty = true;
            }
            if (out.size() != rows.size()) {
                throw new IllegalStateException(context + ": the driver returned " + out.size() + " generated keys for "
                        + rows.size() + " rows");
            }
            return out;
        } catch (SQLException e) {
            throw translateFor(e, rendered.sql(), statement);
        } catch (RuntimeException e) {
            throw sent ? failed(e) : e;
        } finally {
            closeQuietly(ps);
        }
    }

    /**
     * SQLAlchemy's "insertmanyvalues": {@code perStatement} rows per {@code INSERT ... VALUES (...),
     * (...) RETURNING key}, for drivers that return no keys from a batch (sqlite-jdbc). The database
     * may return the keys in any order, but assigns auto-increment keys in the order of the VALUES
     * rows, so sorting each statement's keys puts them in input order.
     */
    private List<Object> insertManyValues(RowsInsert many, List<? extends Map<String, ?>> rows, Column<?> key,
                                          int perStatement) {
        Insert single = many.statement();
        int width = single.columns().size();
        String context = contextOf(single);
        List<Object> out = new ArrayList<>(rows.size());
        List<Object> chunkKeys = new ArrayList<>(Math.min(perStatement, rows.size()));
        PreparedStatement full = null;
        PreparedStatement ps = null;
        RenderedSql rendered = null;
        sent = false;
        try {
            RowBinder binder = null;
            for (int from = 0; from < rows.size(); from += perStatement) {
                int n = Math.min(perStatement, rows.size() - from);
                if (n == perStatement && full != null) {
                    ps = full;
                } else {
                    rendered = render(single.repeatRow(n).returning(key));
                    ps = jdbc.prepareStatement(rendered.sql());
                    applyTimeout(ps);
                    if (n == perStatement) {
                        full = ps;
                    }
                    binder = RowBinder.of(dialect, rendered.bindings().subList(0, width));
                }
                for (int r = 0; r < n; r++) {
                    int index = from + r;
                    Map<String, ?> params = many.row(rows.get(index), index, context);
                    if (index == 0) {
                        announce(rendered, params);
                    }
                    int offset = r * width;
                    if (binder == null || !binder.bind(dialect, ps, params, offset)) {
                        many.checkKeys(rows.get(index), index, context);
                        bindAll(ps, rendered.bindings().subList(offset, offset + width), params, context, offset);
                    }
                }
                sent = true;
                chunkKeys.clear();
                startRunning(ps);
                try {
                    readKeys(ps.executeQuery(), key, chunkKeys);
                } finally {
                    stopRunning();
                }
                dirty = true;
                if (chunkKeys.size() != n) {
                    throw new IllegalStateException(context + ": the database returned " + chunkKeys.size()
                            + " keys for " + n + " rows");
                }
                sortKeys(chunkKeys);
                out.addAll(chunkKeys);
                if (ps != full) {
                    closeQuietly(ps);
                }
            }
            return out;
        } catch (SQLException e) {
            throw translateFor(e, rendered == null ? null : rendered.sql(), single);
        } catch (RuntimeException e) {
            throw sent ? failed(e) : e;
        } finally {
            closeQuietly(ps);
            closeQuietly(full);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void sortKeys(List<Object> keys) {
        ((List) keys).sort(null);
    }

    private static void readKeys(ResultSet keys, Column<?> key, List<Object> out) throws SQLException {
        try (keys) {
            while (keys.next()) {
                out.add(key.type().coerce(keys.getObject(1)));
            }
        }
    }

    private int[] runBatch(PreparedStatement ps) throws SQLException {
        sent = true;
        startRunning(ps);
        try {
            return ps.executeBatch();
        } finally {
            stopRunning();
        }
    }

    private static long sum(int[] counts) {
        long total = 0;
        for (int c : counts) {
            total += c >= 0 ? c : (c == java.sql.Statement.SUCCESS_NO_INFO ? 1 : 0);
        }
        return total;
    }

    /** Executes a query and reads its rows as they are asked for, with the default fetch size of 1,000. */
    public Result stream(Statement statement) {
        return stream(statement, 1000);
    }

    /**
     * Executes a query and reads its rows in chunks of about {@code fetchSize}, so results larger
     * than memory can be processed. Close the result (or read it to the end) to free the cursor.
     */
    public Result stream(Statement statement, int fetchSize) {
        ensureUsable();
        if (fetchSize <= 0) {
            throw new IllegalArgumentException("fetchSize must be positive, got " + fetchSize);
        }
        RenderedSql rendered = render(statement);
        return run(statement, rendered, Map.of(), true, fetchSize, null);
    }

    /** Renders with this connection's dialect. */
    public RenderedSql render(Statement statement) {
        return dialect.render(statement);
    }

    // ---------------------------------------------------------------- INSERT specifics

    private Result executeInsert(Insert insert, Map<String, ?> parameters) {
        Table table = insert.table();
        boolean singleRow = insert.rows().size() <= 1 && insert.fromSelect() == null;
        if (!insert.returning().isEmpty()) {
            if (dialect.supportsReturning(Dialect.ReturningSupport.INSERT)) {
                return run(insert, render(insert), parameters, false, 0, null);
            }
            return emulateInsertReturning(insert, parameters);
        }
        List<Column<?>> pk = table.primaryKey();
        if (!singleRow || pk.isEmpty() || insert.onConflict() != null) {
            return run(insert, render(insert), parameters, false, 0, null);
        }
        // Client-side defaults of key columns are drawn here, so the key is known without asking the database.
        insert = withKeyDefaults(insert, pk);
        Map<Column<?>, Expression<?>> row = insert.singleRow();
        List<Column<?>> generated = new ArrayList<>();
        for (Column<?> c : pk) {
            if (!(row.get(c) instanceof BindValue<?>)) {
                generated.add(c);
            }
        }
        if (generated.isEmpty()) {
            Result r = run(insert, render(insert), parameters, false, 0, null);
            return Result.ofCount(r.rowCount(), keyRow(pk, row, Map.of()));
        }
        if (dialect.supportsReturning(Dialect.ReturningSupport.INSERT)) {
            Insert withReturning = insert.returning(generated.toArray(new Expression<?>[0]));
            Row returned = run(withReturning, render(withReturning), parameters, false, 0, null).one();
            Map<Column<?>, Object> values = new HashMap<>();
            for (Column<?> c : generated) {
                values.put(c, returned.get(c));
            }
            return Result.ofCount(1, keyRow(pk, row, values));
        }
        List<Object> keys = new ArrayList<>();
        RenderedSql rendered = render(insert);
        long count = runWithGeneratedKeys(insert, rendered, parameters, generated.get(0), keys);
        Map<Column<?>, Object> values = new HashMap<>();
        if (!keys.isEmpty()) {
            values.put(generated.get(0), keys.get(0));
        }
        return Result.ofCount(count, keyRow(pk, row, values));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Insert withKeyDefaults(Insert insert, List<Column<?>> pk) {
        Map<Column<?>, Expression<?>> row = insert.singleRow();
        Insert out = insert;
        for (Column<?> c : pk) {
            if (!row.containsKey(c) && c.defaultValue() != null) {
                Column raw = c;
                out = out.set(raw, (Object) raw.defaultValue().get());
            }
        }
        return out;
    }

    private static Row keyRow(List<Column<?>> pk, Map<Column<?>, Expression<?>> row, Map<Column<?>, Object> generated) {
        Object[] values = new Object[pk.size()];
        String[] labels = new String[pk.size()];
        SqlType<?>[] types = new SqlType<?>[pk.size()];
        for (int i = 0; i < pk.size(); i++) {
            Column<?> c = pk.get(i);
            labels[i] = c.name();
            types[i] = c.type();
            values[i] = generated.containsKey(c) ? generated.get(c)
                    : row.get(c) instanceof BindValue<?> b ? b.value() : null;
        }
        return new Row(new ResultColumns(labels, types, pk.toArray(new Expression<?>[0])), values);
    }

    /** MySQL has no INSERT ... RETURNING: insert, then read the rows back by their generated keys. */
    private Result emulateInsertReturning(Insert insert, Map<String, ?> parameters) {
        Table table = insert.table();
        List<Column<?>> pk = table.primaryKey();
        if (pk.size() != 1) {
            throw new UnsupportedFeatureException("INSERT ... RETURNING is emulated on " + dialect.name()
                    + " only for tables with a single-column primary key; " + table.name() + " has " + pk.size());
        }
        Column<?> key = pk.get(0);
        Insert plain = insert.withoutReturning();
        List<Object> keys = new ArrayList<>();
        Map<Column<?>, Expression<?>> row = plain.singleRow();
        if (row.get(key) instanceof BindValue<?> given) {
            Result r = run(plain, render(plain), parameters, false, 0, null);
            if (r.rowCount() > 0) {
                keys.add(given.value());
            }
        } else if (key.isAutoIncrement()) {
            runWithGeneratedKeys(plain, render(plain), parameters, key, keys);
        } else {
            throw new UnsupportedFeatureException("INSERT ... RETURNING on " + dialect.name() + " needs the key of "
                    + table.name() + " to be given or auto-incremented");
        }
        if (keys.isEmpty()) {
            return Result.buffered(null, List.of(), 0, null);
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Select readBack = Select.of(insert.returning()).from(table)
                .where(((Column) key).in((List) keys)).orderBy(key.asc());
        return run(readBack, render(readBack), Map.of(), false, 0, null);
    }

    private long runWithGeneratedKeys(Statement statement, RenderedSql rendered, Map<String, ?> parameters,
                                      Column<?> keyColumn, List<Object> keysOut) {
        String context = contextOf(statement);
        PreparedStatement ps = null;
        try {
            ps = jdbc.prepareStatement(rendered.sql(), java.sql.Statement.RETURN_GENERATED_KEYS);
            applyTimeout(ps);
            bindAll(ps, rendered.bindings(), parameters, context);
            announce(rendered, parameters);
            startRunning(ps);
            long count;
            try {
                count = ps.executeUpdate();
            } finally {
                stopRunning();
            }
            dirty = true;
            try (ResultSet keys = ps.getGeneratedKeys()) {
                while (keys.next()) {
                    keysOut.add(keyColumn.type().coerce(keys.getObject(1)));
                }
            }
            return count;
        } catch (SQLException e) {
            throw translateFor(e, rendered.sql(), statement);
        } finally {
            closeQuietly(ps);
        }
    }

    // ---------------------------------------------------------------- the one place statements run

    private Result run(Statement statement, RenderedSql rendered, Map<String, ?> parameters, boolean streaming,
                       int fetchSize, Row insertedKey) {
        PreparedStatement ps = null;
        boolean keepOpen = false;
        try {
            ps = prepareAndExecute(statement, rendered, parameters, streaming, fetchSize);
            ResultSet rs = ps.getResultSet();
            if (rs == null) {
                return Result.ofCount(ps.getUpdateCount(), insertedKey);
            }
            ResultColumns columns = columnsOf(statement, rs.getMetaData());
            if (streaming) {
                JdbcCursor cursor = new JdbcCursor(this, ps, rs, columns, rendered.sql());
                openCursors.add(cursor);
                keepOpen = true;
                return Result.streaming(columns, cursor);
            }
            List<Row> rows = new ArrayList<>();
            try (rs) {
                while (rs.next()) {
                    rows.add(new Row(columns, readValues(rs, columns)));
                }
            }
            return Result.buffered(columns, rows, statement instanceof Select ? -1 : rows.size(), insertedKey);
        } catch (SQLException e) {
            throw translateFor(e, rendered.sql(), statement);
        } finally {
            if (!keepOpen) {
                closeQuietly(ps);
            }
        }
    }

    /**
     * Runs a query and makes one object per row from that row's values, read from JDBC straight
     * into a new array that {@code mapper} may keep: no {@link Row} is made, which is the fast path
     * for mapping large results (the ORM loads entities through it). Values are converted by the
     * selected expressions' types, as for {@link Row}.
     *
     * <pre>{@code
     * record Item(long id, String name) {}
     * List<Item> items = conn.fetch(select(ITEMS.id, ITEMS.name).from(ITEMS), Map.of(),
     *         v -> new Item((Long) v[0], (String) v[1]));
     * }</pre>
     */
    public <T extends @Nullable Object> List<T> fetch(Statement statement, Map<String, ?> parameters, ValuesMapper<T> mapper) {
        return fetchMapped(statement, parameters, columns -> mapper);
    }

    /** {@link #fetch(Statement, Map, ValuesMapper)} of a statement without named parameters. */
    public <T extends @Nullable Object> List<T> fetch(Statement statement, ValuesMapper<T> mapper) {
        return fetchMapped(statement, Map.of(), columns -> mapper);
    }

    /**
     * The typed fast path: every row as a record whose components match the column labels (as
     * {@link Result#into(Class)}), built straight from the values JDBC returned, with no
     * {@link Row} in between.
     *
     * <pre>{@code
     * record UserName(long id, String name) {}
     * List<UserName> names = conn.fetch(select(USERS.id, USERS.name).from(USERS), UserName.class);
     * }</pre>
     */
    public <R extends @Nullable Object> List<R> fetch(Statement statement, Class<R> recordType) {
        return fetchMapped(statement, Map.of(), columns -> {
            RecordMapper<R> mapper = RecordMapper.of(recordType, columns);
            return values -> mapper.map(values, columns);
        });
    }

    private <T extends @Nullable Object> List<T> fetchMapped(Statement statement, Map<String, ?> parameters,
                                    Function<ResultColumns, ValuesMapper<T>> mapperFor) {
        ensureUsable();
        // text() is judged by the driver after it runs: its leading-keyword guess may miss a query.
        if (!(statement instanceof TextStatement) && !statement.returnsRows()) {
            String what = contextOf(statement);
            throw new IllegalArgumentException("fetch() needs a statement that returns rows (a query or RETURNING), not "
                    + (what != null ? what : statement.getClass().getSimpleName()));
        }
        if (statement instanceof Insert) {
            // INSERT ... RETURNING may be emulated (MySQL): take execute()'s rows.
            Result result = execute(statement, parameters);
            ValuesMapper<T> mapper = mapperFor.apply(result.columns());
            List<T> out = new ArrayList<>();
            for (Row row : result) {
                out.add(mapper.map(row.values().toArray()));
            }
            return out;
        }
        RenderedSql rendered = render(statement);
        PreparedStatement ps = null;
        try {
            ps = prepareAndExecute(statement, rendered, parameters, false, 0);
            ResultSet rs = ps.getResultSet();
            if (rs == null) {
                throw new IllegalArgumentException("fetch() needs a statement that returns rows: " + rendered.sql());
            }
            List<T> out = new ArrayList<>();
            try (rs) {
                ResultColumns columns = columnsOf(statement, rs.getMetaData());
                ValuesMapper<T> mapper = mapperFor.apply(columns);
                while (rs.next()) {
                    out.add(mapper.map(readValues(rs, columns)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw translateFor(e, rendered.sql(), statement);
        } finally {
            closeQuietly(ps);
        }
    }

    /** Prepares, binds and executes; the caller reads {@code getResultSet()} (null for a count) and closes it. */
    private PreparedStatement prepareAndExecute(Statement statement, RenderedSql rendered, Map<String, ?> parameters,
                                                boolean streaming, int fetchSize) throws SQLException {
        String context = contextOf(statement);
        if (!dirty && statement instanceof Select s && s.lock() != LockMode.NONE && s.lock() != LockMode.SHARE) {
            beginWriteTransaction();
        }
        PreparedStatement ps;
        if (streaming) {
            ps = jdbc.prepareStatement(rendered.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        } else {
            ps = jdbc.prepareStatement(rendered.sql());
        }
        try {
            if (streaming) {
                ps.setFetchSize(dialect.streamingFetchSize(fetchSize));
            } else if (engine.options().fetchSize() > 0) {
                ps.setFetchSize(engine.options().fetchSize());
            }
            applyTimeout(ps);
            bindAll(ps, rendered.bindings(), parameters, context);
            announce(rendered, parameters);
            startRunning(ps);
            try {
                ps.execute();
            } finally {
                stopRunning();
            }
            dirty = true;
            return ps;
        } catch (SQLException | RuntimeException | Error e) {
            closeQuietly(ps);
            throw e;
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
                dirty = true;
            }
        } catch (SQLException e) {
            throw translate(e, "BEGIN", null);
        }
    }

    Row readRow(ResultSet rs, ResultColumns columns) throws SQLException {
        return new Row(columns, readValues(rs, columns));
    }

    private Object[] readValues(ResultSet rs, ResultColumns columns) throws SQLException {
        int n = columns.size();
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
            values[i] = dialect.read(rs, i + 1, columns.type(i));
        }
        return values;
    }

    private static ResultColumns columnsOf(Statement statement, ResultSetMetaData md) throws SQLException {
        List<Expression<?>> selected;
        if (statement instanceof Select s) {
            selected = s.selections();
        } else if (statement instanceof SetOperation s) {
            selected = s.selects().get(0).selections();
        } else if (statement instanceof Insert s) {
            selected = s.returning();
        } else if (statement instanceof Update s) {
            selected = s.returning();
        } else if (statement instanceof Delete s) {
            selected = s.returning();
        } else if (statement instanceof TextStatement s) {
            selected = s.columns();
        } else {
            selected = List.of();
        }
        int n = md.getColumnCount();
        String[] labels = new String[n];
        SqlType<?>[] types = new SqlType<?>[n];
        Expression<?>[] expressions = new Expression<?>[n];
        for (int i = 0; i < n; i++) {
            labels[i] = md.getColumnLabel(i + 1);
            Expression<?> e = i < selected.size() ? selected.get(i) : null;
            expressions[i] = e;
            types[i] = e != null && e.type() != null ? e.type() : SqlTypes.ANY;
        }
        return new ResultColumns(labels, types, expressions);
    }

    private void bindAll(PreparedStatement ps, List<Binding> bindings, Map<String, ?> parameters, String context)
            throws SQLException {
        bindAll(ps, bindings, parameters, context, 0);
    }

    /** Binds {@code bindings} at parameter indexes {@code offset + 1} and on. */
    private void bindAll(PreparedStatement ps, List<Binding> bindings, Map<String, ?> parameters, String context,
                         int offset) throws SQLException {
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

    private void announce(RenderedSql rendered, Map<String, ?> parameters) {
        Echo echo = engine.echo();
        if (!echo.active()) {
            return;
        }
        List<Object> values = new ArrayList<>(rendered.bindings().size());
        for (Binding b : rendered.bindings()) {
            values.add(b.isNamed() ? parameters.get(b.name()) : b.value());
        }
        echo.statement(rendered.sql(), Collections.unmodifiableList(values));
    }

    /**
     * Makes {@code statement} the one {@link #cancel()} reaches; where the driver does not enforce
     * {@code queryTimeout} itself (sqlite-jdbc lets a running statement run on), the engine's timer
     * cancels it when the time is up.
     */
    private void startRunning(java.sql.Statement statement) {
        running = statement;
        if (engine.options().queryTimeout() != null && !dialect.driverEnforcesQueryTimeout()) {
            timeout = engine.cancelAfter(this, engine.options().queryTimeout());
        }
    }

    private void stopRunning() {
        running = null;
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
    }

    private void applyTimeout(PreparedStatement ps) throws SQLException {
        if (engine.options().queryTimeout() != null) {
            ps.setQueryTimeout((int) Math.max(1, engine.options().queryTimeout().toSeconds()));
        }
    }

    private static String contextOf(Statement statement) {
        if (statement instanceof Insert i) {
            return "insert into " + i.table().name();
        }
        if (statement instanceof Update u) {
            return "update " + u.table().name();
        }
        if (statement instanceof Delete d) {
            return "delete from " + d.table().name();
        }
        return null;
    }

    /** Wraps a driver exception in Tabula's hierarchy, classified by the dialect. */
    DatabaseException translate(SQLException e, String sql, String context) {
        e = dialect.databaseError(e);
        if (cancelled) {
            cancelled = false;
            return DatabaseException.of(ErrorKind.CANCELED, e, sql, context);
        }
        ErrorKind kind = dialect.classify(e);
        if (kind == ErrorKind.CONNECTION) {
            broken = true;
            if (dialect.serverClosedConnection(e)) {
                context = (context == null ? "" : context + ": ") + "the server closed the connection";
            }
        }
        return DatabaseException.of(kind, e, sql, context);
    }

    /**
     * Like {@link #translate(SQLException, String, String)}, naming the statement's table and,
     * for integrity and data errors, the columns of that table the driver's message mentions
     * (MySQL says {@code for key 'PRIMARY'} or {@code Column 'x'} without the table). The statement
     * failed, so the transaction (or the innermost savepoint) is recorded as doomed ({@link #failed}).
     */
    private DatabaseException translateFor(SQLException e, String sql, Statement statement) {
        e = dialect.databaseError(e);
        String context = contextOf(statement);
        Table table = tableOf(statement);
        if (table != null && !cancelled) {
            ErrorKind kind = dialect.classify(e);
            if (kind != ErrorKind.CONNECTION && kind != ErrorKind.OTHER && kind != ErrorKind.CANCELED
                    && kind != ErrorKind.TRANSACTION_CONFLICT) {
                List<String> named = columnsNamedIn(e.getMessage(), table, kind);
                if (!named.isEmpty()) {
                    context = context + " (column" + (named.size() > 1 ? "s " : " ") + String.join(", ", named) + ")";
                }
            }
        }
        return failed(translate(e, sql, context));
    }

    private List<String> columnsNamedIn(String message, Table table, ErrorKind kind) {
        List<String> out = new ArrayList<>();
        if (message == null) {
            return out;
        }
        int nl = message.indexOf('\n');
        String first = nl < 0 ? message : message.substring(0, nl);
        for (Column<?> c : table.columns()) {
            if (mentions(first, c.name())) {
                out.add(c.qualifiedName());
            }
        }
        if (out.isEmpty() && kind == ErrorKind.UNIQUE_VIOLATION
                && dialect.namesPrimaryKey(first)) {
            for (Column<?> c : table.primaryKey()) {
                out.add(c.qualifiedName());
            }
        }
        return out;
    }

    /**
     * Whether {@code name} appears in {@code message} as an identifier: between delimiters, at
     * least one of them a quote, dot, parenthesis or underscore, so plain words do not count.
     */
    private static boolean mentions(String message, String name) {
        String marks = "'\"`.()_";
        for (int at = message.indexOf(name); at >= 0; at = message.indexOf(name, at + 1)) {
            int end = at + name.length();
            char before = at == 0 ? ' ' : message.charAt(at - 1);
            char after = end == message.length() ? ' ' : message.charAt(end);
            boolean bounded = (before == ' ' || marks.indexOf(before) >= 0) && (after == ' ' || marks.indexOf(after) >= 0);
            if (bounded && (marks.indexOf(before) >= 0 || marks.indexOf(after) >= 0)) {
                return true;
            }
        }
        return false;
    }

    private static Table tableOf(Statement statement) {
        if (statement instanceof Insert i) {
            return i.table();
        }
        if (statement instanceof Update u) {
            return u.table();
        }
        if (statement instanceof Delete d) {
            return d.table();
        }
        return null;
    }

    // ---------------------------------------------------------------- transactions

    /**
     * Sets the isolation level and read-only flag of the transaction about to start on this
     * connection; they last until it commits or rolls back. Unset options leave the engine's
     * defaults. Must come before the transaction's first statement.
     *
     * <pre>{@code
     * try (Connection conn = engine.connect()) {
     *     conn.begin(TransactionOptions.isolation(Isolation.SERIALIZABLE));
     *     ...
     *     conn.commit();
     * }
     * }</pre>
     *
     * @throws TransactionStateException when a statement already ran in the current transaction
     */
    public void begin(TransactionOptions options) {
        ensureOpen();
        Isolation isolation = options.isolation();
        Boolean readOnly = options.readOnly();
        if (isolation == null && readOnly == null) {
            return;
        }
        if (dirty) {
            throw new TransactionStateException("cannot set " + options + " on a transaction that has already run"
                    + " statements; commit or roll back first");
        }
        try {
            if (changed == null) {
                changed = new TransactionCharacteristics(
                        isolation != null ? jdbc.getTransactionIsolation() : java.sql.Connection.TRANSACTION_NONE,
                        readOnly != null ? dialect.isReadOnly(jdbc) : null, isolation, readOnly);
            }
            dialect.setTransactionCharacteristics(jdbc,
                    isolation != null ? isolation.jdbcLevel() : java.sql.Connection.TRANSACTION_NONE, readOnly);
        } catch (SQLException e) {
            throw translate(e, "SET TRANSACTION " + options, null);
        }
    }

    /** Commits the work so far; the next statement starts a new transaction. */
    public void commit() {
        ensureOpen();
        closeCursors();
        Throwable cause = pendingFailure();
        if (cause != null) {
            String why = describe(cause);
            rollback();
            throw new TransactionRolledBackException("the transaction was rolled back, not committed: " + why
                    + ". Run statements that may fail in a savepoint (conn.nested(...)) to go on after their failure",
                    cause);
        }
        try {
            jdbc.commit();
        } catch (SQLException e) {
            throw translate(e, "COMMIT", null);
        }
        transactionEnded();
    }

    /** Rolls back the work since the last commit. */
    public void rollback() {
        ensureOpen();
        closeCursors();
        try {
            jdbc.rollback();
        } catch (SQLException e) {
            throw translate(e, "ROLLBACK", null);
        } finally {
            transactionEnded();
        }
    }

    /**
     * Runs {@code work}, then commits; on any exception rolls back and rethrows it (checked
     * exceptions wrapped in {@link TabulaException}). When a statement in {@code work} failed and
     * {@code work} swallowed the exception, the commit rolls back instead and throws
     * {@link TransactionRolledBackException} naming that failure.
     */
    public <T extends @Nullable Object> T inTransaction(TransactionCallback<T> work) {
        ensureOpen();
        T value;
        try {
            value = work.run(this);
        } catch (Throwable t) {
            rollbackAfter(t);
            throw rethrow(t);
        }
        commit();
        return value;
    }

    /** {@link #begin(TransactionOptions)}, then {@link #inTransaction(TransactionCallback)}. */
    public <T extends @Nullable Object> T inTransaction(TransactionOptions options, TransactionCallback<T> work) {
        begin(options);
        return inTransaction(work);
    }

    /**
     * Marks the current transaction so that it can only roll back: {@link #commit()} will roll
     * back and throw {@link TransactionRolledBackException} with {@code cause}. What a failed
     * participant of a joined transaction does; statements still run until then.
     */
    public void setRollbackOnly(Throwable cause) {
        ensureOpen();
        if (rollbackCause == null) {
            rollbackCause = cause != null ? cause : new TabulaException("marked rollback-only");
        }
    }

    /** {@link #setRollbackOnly(Throwable)} without a cause. */
    public void setRollbackOnly() {
        setRollbackOnly(null);
    }

    /** Whether the current transaction can only roll back (see {@link #setRollbackOnly(Throwable)}). */
    public boolean isRollbackOnly() {
        return pendingFailure() != null;
    }

    /** Whether a transaction is in progress: a statement ran since the last commit or rollback. */
    public boolean isInTransaction() {
        return dirty;
    }

    /**
     * The isolation level this transaction was begun with through {@link #begin(TransactionOptions)},
     * else the engine's default, or {@code null} when neither set one (the database's default).
     */
    public Isolation isolation() {
        if (changed != null && changed.isolation() != null) {
            return changed.isolation();
        }
        return engine.options().isolation();
    }

    /** Whether this transaction was begun read-only, by its options or the engine's. */
    public boolean isReadOnly() {
        if (changed != null && changed.readOnly() != null) {
            return changed.readOnly();
        }
        return engine.options().readOnly();
    }

    /** Sets a savepoint: a nested transaction that can be rolled back alone. */
    public Savepoint savepoint() {
        ensureUsable();
        try {
            dirty = true;
            Savepoint sp = new Savepoint(this, jdbc.setSavepoint("tabula_sp_" + (++savepoints)));
            openSavepoints.add(sp);
            return sp;
        } catch (SQLException e) {
            throw translate(e, "SAVEPOINT", null);
        }
    }

    /**
     * Runs {@code work} in a savepoint: released when it returns, rolled back (alone) when it
     * throws, leaving the outer transaction usable. A statement that failed inside while
     * {@code work} swallowed its exception rolls the savepoint back too, with
     * {@link TransactionRolledBackException}.
     *
     * <pre>{@code
     * try {
     *     conn.nested(c -> c.execute(insert(USERS).set(USERS.email, maybeTaken)));
     * } catch (UniqueViolationException e) {
     *     // only the savepoint is gone; the transaction goes on
     * }
     * }</pre>
     */
    public <T extends @Nullable Object> T nested(TransactionCallback<T> work) {
        Savepoint sp = savepoint();
        T value;
        try {
            value = work.run(this);
        } catch (Throwable t) {
            try {
                sp.rollback();
            } catch (RuntimeException e) {
                t.addSuppressed(e);
            }
            throw rethrow(t);
        }
        sp.release();
        return value;
    }

    /**
     * Runs {@code work} as part of this transaction (propagation REQUIRED or MANDATORY): no commit
     * here; if it throws, the transaction is marked rollback-only and the exception goes on.
     */
    <T extends @Nullable Object> T participate(TransactionOptions options, TransactionCallback<T> work) {
        checkJoinable(options);
        try {
            return work.run(this);
        } catch (Throwable t) {
            setRollbackOnly(t);
            throw rethrow(t);
        }
    }

    /** Runs {@code work} in a savepoint of this transaction (propagation NESTED). */
    <T extends @Nullable Object> T nestedIn(TransactionOptions options, TransactionCallback<T> work) {
        checkJoinable(options);
        return nested(work);
    }

    /**
     * Refuses to let a block with {@code options} join this transaction when they ask for another
     * isolation level or read-only flag than it runs with: a joined transaction keeps its own. The
     * check a propagation {@code REQUIRED}/{@code MANDATORY}/{@code NESTED} makes before joining
     * (the Kotlin layer's too).
     *
     * <pre>{@code
     * conn.checkJoinable(TransactionOptions.isolation(Isolation.SERIALIZABLE));   // TransactionStateException unless SERIALIZABLE
     * }</pre>
     *
     * @throws TransactionStateException when they differ
     */
    public void checkJoinable(TransactionOptions options) {
        if (options.isolation() != null && isolation() != null && options.isolation() != isolation()) {
            throw new TransactionStateException("cannot join a " + isolation() + " transaction with " + options
                    + "; use Propagation.REQUIRES_NEW for a transaction of its own");
        }
        if (options.readOnly() != null && options.readOnly() != isReadOnly()) {
            throw new TransactionStateException("cannot join a " + (isReadOnly() ? "read-only" : "read-write")
                    + " transaction with " + options + "; use Propagation.REQUIRES_NEW for a transaction of its own");
        }
    }

    /** Same as {@link #nested(TransactionCallback)}. */
    public <T extends @Nullable Object> T savepoint(TransactionCallback<T> work) {
        return nested(work);
    }

    /** Undoes everything since {@code sp}; it and the savepoints set after it end. */
    void rollbackTo(Savepoint sp) {
        int at = openSavepoints.indexOf(sp);
        if (at < 0) {
            throw new IllegalStateException("savepoint already rolled back or released");
        }
        try {
            jdbc.rollback(sp.jdbc());
        } catch (SQLException e) {
            throw translate(e, "ROLLBACK TO SAVEPOINT", null);
        }
        endSavepointsFrom(at);
    }

    /**
     * Keeps the work since {@code sp}, unless a statement failed in it (or in a savepoint set after
     * it): then the savepoint is rolled back instead, as a commit would be.
     */
    void release(Savepoint sp) {
        int at = openSavepoints.indexOf(sp);
        if (at < 0) {
            throw new IllegalStateException("savepoint already rolled back or released");
        }
        Throwable cause = null;
        for (int i = at; i < openSavepoints.size() && cause == null; i++) {
            cause = openSavepoints.get(i).failure();
        }
        if (cause != null) {
            rollbackTo(sp);
            throw new TransactionRolledBackException("the savepoint was rolled back, not released: "
                    + describe(cause), cause);
        }
        try {
            jdbc.releaseSavepoint(sp.jdbc());
        } catch (SQLException e) {
            throw translate(e, "RELEASE SAVEPOINT", null);
        }
        endSavepointsFrom(at);
    }

    private void endSavepointsFrom(int index) {
        while (openSavepoints.size() > index) {
            openSavepoints.remove(openSavepoints.size() - 1).end();
        }
    }

    /**
     * Records that a statement failed: outside savepoints the transaction can then only roll back
     * (and refuses further statements, as PostgreSQL does on its own); inside one, the innermost
     * savepoint can.
     */
    <E extends RuntimeException> E failed(E e) {
        if (!openSavepoints.isEmpty()) {
            openSavepoints.get(openSavepoints.size() - 1).fail(e);
        } else if (!aborted) {
            aborted = true;
            rollbackCause = e;
        }
        return e;
    }

    /** Why a commit now would have to roll back, or {@code null}. */
    private Throwable pendingFailure() {
        if (rollbackCause != null) {
            return rollbackCause;
        }
        for (Savepoint sp : openSavepoints) {
            if (sp.failure() != null) {
                return sp.failure();
            }
        }
        return null;
    }

    /** The failure that makes statements pointless now, or {@code null}. */
    private Throwable abortedBy() {
        if (aborted) {
            return rollbackCause;
        }
        return openSavepoints.isEmpty() ? null : openSavepoints.get(openSavepoints.size() - 1).failure();
    }

    private static String describe(Throwable cause) {
        return "an earlier statement failed (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    }

    private void transactionEnded() {
        dirty = false;
        aborted = false;
        rollbackCause = null;
        endSavepointsFrom(0);
        if (changed != null) {
            restoreCharacteristics();
        }
    }

    /** Puts back what {@link #begin(TransactionOptions)} changed, outside any transaction. */
    private void restoreCharacteristics() {
        TransactionCharacteristics saved = changed;
        changed = null;
        try {
            dialect.setTransactionCharacteristics(jdbc, saved.previousIsolation(), saved.previousReadOnly());
        } catch (SQLException e) {
            throw translate(e, "SET TRANSACTION", null);
        }
    }

    private void rollbackAfter(Throwable t) {
        if (closed) {
            return;
        }
        closeCursors();
        try {
            jdbc.rollback();
        } catch (SQLException | RuntimeException e) {
            t.addSuppressed(e);
        }
        try {
            transactionEnded();
        } catch (RuntimeException e) {
            t.addSuppressed(e);
        }
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new TabulaException("transaction rolled back: " + t, t);
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Cancels the statement running on this connection right now, from another thread
     * (timeouts, coroutine cancellation). The running call fails with a
     * {@link org.tabula.error.StatementCanceledException}.
     */
    public void cancel() {
        java.sql.Statement s = running;
        if (s != null) {
            cancelled = true;
            try {
                s.cancel();
            } catch (SQLException ignored) {
                // the statement finished or the driver cannot cancel; nothing else to do
            }
        }
    }

    /** Whether a statement is executing at this moment. */
    public boolean isExecuting() {
        return running != null;
    }

    /** The JDBC connection underneath, for code that needs plain JDBC. */
    public java.sql.Connection jdbc() {
        return jdbc;
    }

    public Engine engine() {
        return engine;
    }

    public Dialect dialect() {
        return dialect;
    }

    public boolean isClosed() {
        return closed;
    }

    void cursorClosed(JdbcCursor cursor) {
        openCursors.remove(cursor);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("connection is closed");
        }
    }

    /** Open, and no earlier failure has doomed the transaction (or the innermost savepoint). */
    private void ensureUsable() {
        ensureOpen();
        Throwable cause = abortedBy();
        if (cause != null) {
            throw new TransactionAbortedException("statement refused: " + describe(cause) + " and the "
                    + (aborted ? "transaction" : "savepoint") + " can only roll back; call rollback()"
                    + (aborted ? "" : " on the savepoint") + ", or run statements that may fail in a savepoint"
                    + " (conn.nested(...))", cause);
        }
    }

    /** Closes open results, rolls back uncommitted work, and returns the connection to the pool. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closeCursors();
        closed = true;
        if (broken) {
            // the server or the network ended it: never hand it out again
            engine.evict(jdbc);
            return;
        }
        try {
            if (dirty && !jdbc.isClosed()) {
                jdbc.rollback();
            }
            if (changed != null) {
                restoreCharacteristics();
            }
        } catch (SQLException | DatabaseException ignored) {
            // a broken connection: the pool notices and replaces it
        } finally {
            try {
                jdbc.close();
            } catch (SQLException ignored) {
                // already gone
            }
        }
    }

    /**
     * A streaming result does not outlive its transaction: MySQL refuses any other statement,
     * COMMIT included, while one is open, and PostgreSQL's cursor ends with the transaction.
     */
    private void closeCursors() {
        if (openCursors.isEmpty()) {
            return;
        }
        for (JdbcCursor c : new ArrayList<>(openCursors)) {
            c.close();
        }
    }

    private static void closeQuietly(java.sql.Statement s) {
        if (s != null) {
            try {
                s.close();
            } catch (SQLException ignored) {
                // nothing to do
            }
        }
    }
}
