package org.tabula.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.tabula.dialect.Dialect;
import org.tabula.dialect.RenderedSql;
import org.tabula.dialect.StatementKind;
import org.tabula.error.DatabaseException;
import org.tabula.error.TabulaException;
import org.tabula.error.TransactionRolledBackException;
import org.tabula.error.TransactionStateException;
import org.tabula.result.RecordMapper;
import org.jspecify.annotations.Nullable;
import org.tabula.result.Result;
import org.tabula.result.Result1;
import org.tabula.result.ResultColumns;
import org.tabula.result.Row;
import org.tabula.result.ValuesMapper;
import org.tabula.schema.Column;
import org.tabula.statement.Insert;
import org.tabula.statement.InsertRow;
import org.tabula.statement.Select1;
import org.tabula.statement.Statement;

/**
 * A pooled database connection with a transaction always open ("commit as you go"), or, under
 * {@link EngineOptions#autoCommitReads}, reads in auto-commit until something may write.
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
 *
 * <p>The facade over one job per class: {@link StatementRunner} runs a rendered statement (and
 * {@link Cursors} holds the streaming ones open), {@link InsertExecution} reads an INSERT's keys,
 * {@link ExecuteMany} runs executemany, {@link ErrorTranslator} turns driver exceptions into
 * Tabula's, {@link TransactionState} keeps the transaction's state and savepoints. A statement
 * is rendered once; what running it needs comes with the {@link RenderedSql}.
 */
public final class Connection implements AutoCloseable {

    private final Engine engine;
    private final Dialect dialect;
    private final java.sql.Connection jdbc;
    private final RunningStatement running;
    private final ErrorTranslator errors;
    private final TransactionState tx;
    private final Cursors cursors = new Cursors();
    private final StatementRunner runner;
    private final InsertExecution inserts;
    private final ExecuteMany executeMany;
    /** Where listeners hear of this connection's statements and transactions. */
    private final ConnectionEvents events;
    private boolean closed;

    /** The routing of a replicated engine's connection, told each statement; null on a plain engine. */
    private final RoutedJdbcConnection routed;
    /** The outside transaction (Spring's) this connection works in, which Tabula never ends; null when Tabula owns it. */
    private final ExternalTransaction external;

    /** A connection of Tabula's own; {@code autoCommit}: the JDBC connection is in auto-commit mode. */
    Connection(Engine engine, java.sql.Connection jdbc, boolean autoCommit) {
        this(engine, jdbc, null, autoCommit);
    }

    Connection(Engine engine, ExternalTransaction external) {
        this(engine, external.connection(), external, false);
    }

    private Connection(Engine engine, java.sql.Connection jdbc, ExternalTransaction external, boolean autoCommit) {
        this.engine = engine;
        this.external = external;
        this.dialect = engine.dialect();
        this.jdbc = jdbc;
        this.events = engine.events().open(this);
        this.routed = jdbc instanceof RoutedJdbcConnection r ? r : null;
        this.running = new RunningStatement(engine, this);
        this.errors = new ErrorTranslator(dialect, running);
        this.tx = new TransactionState(engine, jdbc, errors, events, external, autoCommit);
        this.runner = new StatementRunner(engine, jdbc, tx, running, errors, cursors, events);
        this.inserts = new InsertExecution(runner);
        this.executeMany = new ExecuteMany(runner);
    }

    private void route(Statement statement) {
        if (routed != null) {
            routed.before(statement);
        }
    }

    // ---------------------------------------------------------------- execution

    /**
     * Executes a statement. Queries are read into memory; see {@link #stream} for large results.
     *
     * <pre>{@code
     * Result r = conn.execute(insert(USERS).set(USERS.name, "ann"));
     * }</pre>
     *
     * @param statement the statement: {@code conn.execute(select(USERS).where(USERS.id.eq(1L)))}
     * @return its rows, row count or generated key
     */
    public Result execute(Statement statement) {
        return execute(statement, Map.of());
    }

    /**
     * Executes a select of one expression; the result's scalar methods return its type.
     *
     * <pre>{@code
     * long n = conn.execute(select(count()).from(USERS)).scalarOne();
     * }</pre>
     *
     * @param <T> the selected expression's Java type
     * @param select the typed query
     * @return its rows, whose scalars are {@code T}s
     */
    public <T extends @Nullable Object> Result1<T> execute(Select1<T> select) {
        return Result1.of(execute((Statement) select, Map.of()));
    }

    /**
     * Executes a statement with values for its named parameters ({@code text()} or bind params).
     *
     * <pre>{@code
     * Result r = conn.execute(select(USERS.name).where(USERS.age.ge(bindParam("min", SqlTypes.INTEGER))), Map.of("min", 18));
     * }</pre>
     *
     * @param statement the statement: {@code conn.execute(text("SELECT * FROM users WHERE id = :id"), Map.of("id", 1L))}
     * @param parameters the values of its {@code :name} parameters
     * @return its rows, row count or generated key
     */
    public Result execute(Statement statement, Map<String, ?> parameters) {
        ensureUsable();
        route(statement);
        if (statement instanceof Insert insert) {
            return inserts.execute(insert, parameters);
        }
        return runner.run(render(statement), parameters, false, 0, null);
    }

    /**
     * Executes a statement rendered before with this connection's dialect ({@link #render}), with
     * values for its named parameters: render once, run many times. An INSERT run this way reports
     * its row count; {@link #execute(Statement)} also reads back the inserted primary key.
     *
     * <pre>{@code
     * RenderedSql byName = conn.render(select(USERS.id).from(USERS).where(USERS.name.eq(bindParam("name", SqlTypes.TEXT))));
     * Result ann = conn.execute(byName, Map.of("name", "ann"));
     * Result bob = conn.execute(byName, Map.of("name", "bob"));
     * }</pre>
     *
     * @param rendered SQL and bindings rendered before, for this connection's dialect
     * @param parameters the values of its named bindings
     * @return its rows, row count or generated key
     */
    public Result execute(RenderedSql rendered, Map<String, ?> parameters) {
        ensureUsable();
        if (routed != null) {
            routed.before(rendered);
        }
        return runner.run(rendered, parameters, false, 0, null);
    }

    /**
     * Executes a statement once per parameter map, as one JDBC batch (executemany). An
     * {@code insert(table)} without values takes its columns from the maps' keys.
     *
     * <pre>{@code
     * conn.execute(insert(USERS), List.of(Map.of("name", "ann"), Map.of("name", "bob")));   // executemany
     * }</pre>
     *
     * @param statement the statement: {@code conn.execute(insert(USERS), List.of(Map.of("name", "ann"), Map.of("name", "bob")))}
     * @param rows one map of values per execution
     * @return the total row count
     */
    public Result execute(Statement statement, List<? extends Map<String, ?>> rows) {
        ensureUsable();
        route(statement);
        if (rows.isEmpty()) {
            return Result.ofCount(0, null);
        }
        if (rows.size() == 1) {
            return execute(statement, rows.get(0));
        }
        return executeMany.execute(statement, rows);
    }

    /**
     * Executemany of {@code insert(table)} with one row per item, each filled by {@code row} from
     * column handles: what {@code execute(insert, InsertRow.batch(table, items, row))} does, without
     * a list of rows. One {@link InsertRow} is {@linkplain InsertRow#clear() cleared} and refilled
     * per item and bound straight into the JDBC batch, so {@code row} must not keep it. Every row
     * must set the columns of the first.
     *
     * <pre>{@code
     * record Person(String name, Integer age) {}
     *
     * List<Person> people = List.of(new Person("ann", 31), new Person("bob", null));
     * conn.execute(insert(USERS), people, (row, p) -> row.set(USERS.name, p.name()).set(USERS.age, p.age()));
     * }</pre>
     *
     * @param <E> the items' type
     * @param insert {@code insert(table)} without values, RETURNING or ON CONFLICT rows: the rows give the values
     * @param items one item per row
     * @param row fills one row from one item
     * @return the total row count
     */
    public <E extends @Nullable Object> Result execute(Insert insert, Iterable<E> items,
                                                       BiConsumer<InsertRow, ? super E> row) {
        ensureUsable();
        route(insert);
        if (!insert.rows().isEmpty() || insert.fromSelect() != null) {
            throw new IllegalArgumentException("execute(insert, items, row) takes insert(" + insert.table().name()
                    + ") without values; the rows give the values");
        }
        Collection<? extends E> all = items instanceof Collection<E> c ? c : copy(items);
        if (all.isEmpty()) {
            return Result.ofCount(0, null);
        }
        Iterator<? extends E> it = all.iterator();
        InsertRow first = InsertRow.of(insert.table());
        row.accept(first, it.next());
        if (all.size() == 1) {
            return execute(insert, first);
        }
        return executeMany.execute(insert, first, it, row, all.size());
    }

    private static <E extends @Nullable Object> List<E> copy(Iterable<E> items) {
        List<E> out = new ArrayList<>();
        items.forEach(out::add);
        return out;
    }

    /**
     * Executemany of an INSERT into a table whose key the database generates, returning each row's
     * generated {@code key} in row order: what an ORM flush of new objects needs. The statement is
     * rendered and prepared once. Keys the database draws from a sequence go back in multi-row
     * {@code INSERT ... RETURNING} statements of up to 1,000 rows where the dialect sends those
     * ({@link Dialect#insertManyValuesRows}: SQLite, PostgreSQL, in an order-keeping form there),
     * sorted into row order; where the driver returns the keys of a batch
     * ({@link Dialect#batchReturnsGeneratedKeys()}: MySQL/MariaDB) the rows go as JDBC batches of
     * {@link EngineOptions#batchSize}, otherwise the prepared statement runs once per row. Rows that
     * all supply the key get those keys back.
     *
     * <pre>{@code
     * List<Object> ids = conn.executeManyReturningKeys(insert(USERS), List.of(Map.of("name", "ann"), Map.of("name", "bob")), USERS.id);
     * }</pre>
     *
     * Every row must name the same columns (those of the first row).
     *
     * @param insert the INSERT: {@code conn.executeManyReturningKeys(insert(USERS), rows, USERS.id)}
     * @param rows one map of values per row
     * @param key the generated column to read back
     * @return the generated keys, in the order of {@code rows}
     */
    public List<Object> executeManyReturningKeys(Insert insert, List<? extends Map<String, ?>> rows, Column<?> key) {
        ensureUsable();
        route(insert);
        if (rows.isEmpty()) {
            return List.of();
        }
        return executeMany.returningKeys(insert, rows, key);
    }

    /**
     * Executes a query and reads its rows as they are asked for, with the default fetch size of 1,000.
     *
     * <pre>{@code
     * try (Result rows = conn.stream(select(EVENTS).from(EVENTS))) {
     *     rows.forEach(this::handle);
     * }
     * }</pre>
     *
     * @param statement the statement: {@code try (Result r = conn.stream(select(USERS))) { r.stream().forEach(...); }}
     * @return the result, reading rows as they are asked for; close it
     */
    public Result stream(Statement statement) {
        return stream(statement, 1000);
    }

    /**
     * Executes a query and reads its rows in chunks of about {@code fetchSize}, so results larger
     * than memory can be processed. Close the result (or read it to the end) to free the cursor.
     *
     * <pre>{@code
     * try (Result rows = conn.stream(select(EVENTS).from(EVENTS), 500)) {
     *     rows.forEach(this::handle);
     * }
     * }</pre>
     *
     * @param statement the statement: {@code conn.stream(select(USERS), 500)}
     * @param fetchSize how many rows the driver reads at a time
     * @return the result, reading rows as they are asked for; close it
     */
    public Result stream(Statement statement, int fetchSize) {
        ensureUsable();
        route(statement);
        if (fetchSize <= 0) {
            throw new IllegalArgumentException("fetchSize must be positive, got " + fetchSize);
        }
        return runner.run(render(statement), Map.of(), true, fetchSize, null);
    }

    /**
     * Renders with this connection's dialect.
     *
     * <pre>{@code
     * RenderedSql sql = conn.render(select(USERS.name).where(USERS.id.eq(1L)));   // in this connection's dialect
     * }</pre>
     *
     * @param statement the statement: {@code conn.render(select(USERS)).sql()}
     * @return the SQL and its bindings
     */
    public RenderedSql render(Statement statement) {
        return dialect.render(statement);
    }

    /**
     * Runs a query and makes one object per row from that row's values, read from JDBC straight
     * into a new array that {@code mapper} may keep: no {@link Row} is made, which is the fast path
     * for mapping large results (the ORM loads entities through it). Values are converted by the
     * selected expressions' types, as for {@link Row}.
     *
     * <pre>{@code
     * record Item(long id, String name) {}
     *
     * List<Item> items = conn.fetch(select(ITEMS.id, ITEMS.name).from(ITEMS), Map.of(),
     *         v -> new Item((Long) v[0], (String) v[1]));
     * }</pre>
     *
     * @param <T> what each row becomes
     * @param statement the statement: a query with named parameters
     * @param parameters the values of its {@code :name} parameters
     * @param mapper builds one object from one row's values
     * @return the objects, in row order
     */
    public <T extends @Nullable Object> List<T> fetch(Statement statement, Map<String, ?> parameters, ValuesMapper<T> mapper) {
        return fetchMapped(statement, parameters, columns -> mapper, false);
    }

    /**
     * {@link #fetch(Statement, Map, ValuesMapper)} of a statement without named parameters.
     *
     * <pre>{@code
     * List<String> names = conn.fetch(select(USERS.id, USERS.name).from(USERS), v -> (String) v[1]);
     * }</pre>
     *
     * @param <T> what each row becomes
     * @param statement the statement: {@code conn.fetch(select(USERS.name), values -> (String) values[0])}
     * @param mapper builds one object from one row's values
     * @return the objects, in row order
     */
    public <T extends @Nullable Object> List<T> fetch(Statement statement, ValuesMapper<T> mapper) {
        return fetchMapped(statement, Map.of(), columns -> mapper, false);
    }

    /**
     * The typed fast path: every row as a record whose components match the column labels (as
     * {@link Result#into(Class)}), built straight from the values JDBC returned, with no
     * {@link Row} in between.
     *
     * <pre>{@code
     * record UserName(long id, String name) {}
     *
     * List<UserName> names = conn.fetch(select(USERS.id, USERS.name).from(USERS), UserName.class);
     * }</pre>
     *
     * @param <R> the record type
     * @param statement the statement: {@code conn.fetch(select(USERS.id, USERS.name), UserRow.class)}
     * @param recordType the record class; components in the order of the SELECT
     * @return the records, in row order
     */
    public <R extends @Nullable Object> List<R> fetch(Statement statement, Class<R> recordType) {
        return fetchMapped(statement, Map.of(), columns -> {
            RecordMapper<R> mapper = RecordMapper.of(recordType, columns);
            return values -> mapper.map(values, columns);
        }, true);
    }

    /** @param labelled whether the mapper reads the columns' labels (a values mapper never sees them: none are read then) */
    private <T extends @Nullable Object> List<T> fetchMapped(Statement statement, Map<String, ?> parameters,
                                    Function<ResultColumns, ValuesMapper<T>> mapperFor, boolean labelled) {
        ensureUsable();
        route(statement);
        if (statement instanceof Insert insert) {
            if (!insert.returnsRows()) {
                throw notRows("insert into " + insert.table().name());
            }
            // INSERT ... RETURNING may be emulated (MySQL): take execute()'s rows.
            Result result = inserts.execute(insert, parameters);
            ValuesMapper<T> mapper = mapperFor.apply(result.columns());
            List<T> out = new ArrayList<>();
            for (Row row : result) {
                out.add(mapper.map(row.values().toArray()));
            }
            return out;
        }
        RenderedSql rendered = render(statement);
        // text() is judged by the driver after it runs: its leading-keyword guess may miss a query.
        if (rendered.kind() != StatementKind.TEXT && !rendered.returnsRows()) {
            String what = rendered.context();
            throw notRows(what != null ? what : statement.getClass().getSimpleName());
        }
        return runner.fetch(rendered, parameters, mapperFor, labelled);
    }

    private static IllegalArgumentException notRows(String what) {
        return new IllegalArgumentException("fetch() needs a statement that returns rows (a query or RETURNING), not "
                + what);
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
     *     transfer(conn);
     *     conn.commit();
     * }
     * }</pre>
     *
     * @throws TransactionStateException when a statement already ran in the current transaction
     * @param options isolation and read-only: {@code conn.begin(TransactionOptions.isolation(Isolation.SERIALIZABLE))}
     */
    public void begin(TransactionOptions options) {
        ensureOpen();
        tx.begin(options);
    }

    /**
     * Commits the work so far; the next statement starts a new transaction.
     *
     * <pre>{@code
     * conn.execute(insert(USERS).set(USERS.name, "ann"));
     * conn.commit();
     * }</pre>
     */
    public void commit() {
        ensureOpen();
        cursors.closeAll();
        tx.commit();
    }

    /**
     * Rolls back the work since the last commit.
     *
     * <pre>{@code
     * conn.execute(insert(USERS).set(USERS.name, "ann"));
     * conn.rollback();   // nothing written
     * }</pre>
     */
    public void rollback() {
        rollback(null);
    }

    /**
     * {@link #rollback()} because of {@code cause}, which listeners are told
     * ({@link TransactionEvent#failure()}): for code that rolls back after an exception, as the
     * Kotlin layer does.
     *
     * <pre>{@code
     * try { work(conn); conn.commit(); } catch (RuntimeException e) { conn.rollback(e); throw e; }
     * }</pre>
     *
     * @param cause why the transaction rolls back
     */
    public void rollback(Throwable cause) {
        ensureOpen();
        cursors.closeAll();
        tx.rollback(cause);
    }

    /**
     * Runs {@code work}, then commits; on any exception rolls back and rethrows it (checked
     * exceptions wrapped in {@link TabulaException}). When a statement in {@code work} failed and
     * {@code work} swallowed the exception, the commit rolls back instead and throws
     * {@link TransactionRolledBackException} naming that failure.
     *
     * <pre>{@code
     * long id = conn.inTransaction(c -> c.execute(insert(USERS).set(USERS.name, "ann")).insertedPrimaryKey().get(USERS.id));
     * }</pre>
     *
     * @param <T> what the block returns
     * @param work the block: {@code conn.inTransaction(c -> c.execute(insert(USERS).set(USERS.name, "ann")).rowCount())}
     * @return what the block returned
     */
    public <T extends @Nullable Object> T inTransaction(TransactionCallback<T> work) {
        ensureOpen();
        tx.leaveAutoCommit();
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

    /**
     * {@link #begin(TransactionOptions)}, then {@link #inTransaction(TransactionCallback)}.
     *
     * <pre>{@code
     * long n = conn.inTransaction(TransactionOptions.isolation(Isolation.SERIALIZABLE),
     *         c -> c.execute(select(count()).from(ORDERS)).scalarOne());
     * }</pre>
     *
     * @param <T> what the block returns
     * @param options isolation and read-only for the transaction
     * @param work the block
     * @return what the block returned
     */
    public <T extends @Nullable Object> T inTransaction(TransactionOptions options, TransactionCallback<T> work) {
        begin(options);
        return inTransaction(work);
    }

    /**
     * Marks the current transaction so that it can only roll back: {@link #commit()} will roll
     * back and throw {@link TransactionRolledBackException} with {@code cause}. What a failed
     * participant of a joined transaction does; statements still run until then.
     *
     * <pre>{@code
     * engine.begin(conn -> {
     *     if (conn.execute(select(ACCOUNTS.balance).where(ACCOUNTS.id.eq(id))).scalarOne() < 0) {
     *         conn.setRollbackOnly(new IllegalStateException("overdrawn"));
     *     }
     * });
     * }</pre>
     *
     * @param cause the failure that doomed the transaction, named by the rollback's exception: {@code conn.setRollbackOnly(e)}
     */
    public void setRollbackOnly(Throwable cause) {
        ensureOpen();
        tx.setRollbackOnly(cause);
    }

    /**
     * {@link #setRollbackOnly(Throwable)} without a cause.
     *
     * <pre>{@code
     * engine.currentTransaction().ifPresent(conn -> conn.setRollbackOnly());
     * }</pre>
     */
    public void setRollbackOnly() {
        setRollbackOnly(null);
    }

    /**
     * Whether the current transaction can only roll back (see {@link #setRollbackOnly(Throwable)}).
     *
     * <pre>{@code
     * boolean doomed = conn.isRollbackOnly();   // true after setRollbackOnly or a failed statement
     * }</pre>
     *
     * @return {@code true} after a failed statement or {@link #setRollbackOnly()}
     */
    public boolean isRollbackOnly() {
        return tx.pendingFailure() != null;
    }

    /**
     * Whether a transaction is in progress: a statement ran since the last commit or rollback
     * (outside auto-commit: a read in auto-commit ended its own).
     *
     * <pre>{@code
     * if (conn.isInTransaction()) {
     *     conn.commit();
     * }
     * }</pre>
     *
     * @return {@code true} between the first statement and the commit or rollback
     */
    public boolean isInTransaction() {
        return tx.isDirty();
    }

    /**
     * Whether statements run in auto-commit mode now ({@link EngineOptions#autoCommitReads}): from
     * the pool until something that may write runs or a transaction begins, and again after
     * {@link #commit()} or {@link #rollback()}. Always {@code false} without the option.
     *
     * <pre>{@code
     * conn.execute(select(USERS.name).from(USERS));
     * boolean readAlone = conn.isAutoCommit();       // true with autoCommitReads: nothing to roll back
     * }</pre>
     *
     * @return {@code true} while each statement is a transaction of its own
     */
    public boolean isAutoCommit() {
        return tx.isAutoCommit();
    }

    /**
     * The isolation level this transaction was begun with through {@link #begin(TransactionOptions)},
     * else the engine's default, or {@code null} when neither set one (the database's default).
     *
     * <pre>{@code
     * Isolation level = conn.isolation();   // null: the database's default
     * }</pre>
     *
     * @return the level: {@code conn.isolation()}
     */
    public @Nullable Isolation isolation() {
        return tx.isolation();
    }

    /**
     * Whether this transaction was begun read-only, by its options or the engine's.
     *
     * <pre>{@code
     * boolean readOnly = conn.isReadOnly();
     * }</pre>
     *
     * @return {@code true} in a read-only transaction
     */
    public boolean isReadOnly() {
        return tx.isReadOnly();
    }

    /**
     * Sets a savepoint: a nested transaction that can be rolled back alone.
     *
     * <pre>{@code
     * Savepoint sp = conn.savepoint();
     * try {
     *     conn.execute(insert(USERS).set(USERS.email, maybeDuplicate));
     *     sp.release();
     * } catch (UniqueViolationException e) {
     *     sp.rollback();
     * }
     * }</pre>
     *
     * @return the savepoint: {@code try (Savepoint sp = conn.savepoint()) { ...; sp.release(); }}
     */
    public Savepoint savepoint() {
        ensureUsable();
        return tx.savepoint(this);
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
     *
     * @param <T> what the block returns
     * @param work the block: {@code conn.nested(c -> c.execute(insert(USERS).set(USERS.name, name)))}
     * @return what the block returned
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
     * @param options the options of the block that wants to join: {@code conn.checkJoinable(TransactionOptions.defaults())}
     */
    public void checkJoinable(TransactionOptions options) {
        tx.checkJoinable(options);
    }

    /**
     * Same as {@link #nested(TransactionCallback)}.
     *
     * <pre>{@code
     * Long id = conn.savepoint(c -> c.execute(insert(USERS).set(USERS.name, "ann")).insertedPrimaryKey().get(USERS.id));
     * }</pre>
     *
     * @param <T> what the block returns
     * @param work the block
     * @return what the block returned
     */
    public <T extends @Nullable Object> T savepoint(TransactionCallback<T> work) {
        return nested(work);
    }

    /** Undoes everything since {@code sp}; it and the savepoints set after it end. */
    void rollbackTo(Savepoint sp) {
        tx.rollbackTo(sp);
    }

    /**
     * Keeps the work since {@code sp}, unless a statement failed in it (or in a savepoint set after
     * it): then the savepoint is rolled back instead, as a commit would be.
     */
    void release(Savepoint sp) {
        tx.release(sp);
    }

    private void rollbackAfter(Throwable t) {
        if (closed) {
            return;
        }
        cursors.closeAll();
        tx.rollbackAfter(t);
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
     *
     * <pre>{@code
     * ExecutorService watchdog = Executors.newSingleThreadExecutor();
     * watchdog.submit(() -> { Thread.sleep(5_000); conn.cancel(); return null; });   // StatementCanceledException in the caller
     * }</pre>
     */
    public void cancel() {
        running.cancel();
    }

    /**
     * Whether a statement is executing at this moment.
     *
     * <pre>{@code
     * boolean busy = conn.isExecuting();
     * }</pre>
     *
     * @return {@code true} while a statement runs: what {@link #cancel()} would stop
     */
    public boolean isExecuting() {
        return running.isExecuting();
    }

    /**
     * The JDBC connection underneath, for code that needs plain JDBC. Under
     * {@link EngineOptions#autoCommitReads} asking for it leaves auto-commit, since what runs on it
     * may write: it runs in a transaction that {@link #commit()} (or JDBC's own {@code commit()})
     * ends and {@link #close()} rolls back, as without the option.
     *
     * <pre>{@code
     * java.sql.Connection jdbc = conn.jdbc();   // for a driver feature Tabula does not cover; do not close it
     * }</pre>
     *
     * @return the JDBC connection; do not close it: {@code conn.jdbc().getMetaData()}
     */
    public java.sql.Connection jdbc() {
        if (tx.isAutoCommit() && !closed) {
            try {
                tx.leaveAutoCommit();
            } catch (RuntimeException e) {
                // a broken connection: whoever asked for it (to evict it, say) finds out by using it
            }
        }
        return jdbc;
    }

    /**
     * The engine that lent this connection: {@code conn.engine().dialect()}.
     *
     * <pre>{@code
     * Engine owner = conn.engine();
     * }</pre>
     *
     * @return the engine
     */
    public Engine engine() {
        return engine;
    }

    /**
     * The dialect statements are rendered with: {@code conn.dialect().name()}.
     *
     * <pre>{@code
     * Dialect d = conn.dialect();   // Dialect.SQLITE for a SQLite engine
     * }</pre>
     *
     * @return the dialect
     */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * Whether this connection runs other statements while a {@linkplain #stream(Statement, int) stream}
     * is open on it (what loading relationships per chunk of a streamed entity query needs). SQLite
     * and PostgreSQL do; MySQL and MariaDB do when the Connector/J URL says {@code useCursorFetch=true},
     * which reads streams through a server-side cursor a fetch size at a time instead of row by row.
     *
     * <pre>{@code
     * try (Connection conn = engine.connect()) {
     *     boolean interleave = conn.runsStatementsWhileStreaming();   // false on jdbc:mysql://host/db
     * }
     * }</pre>
     *
     * @return true when another statement can run while a stream is open
     */
    public boolean runsStatementsWhileStreaming() {
        return engine.runsStatementsWhileStreaming(jdbc);
    }

    /**
     * Whether {@link #close()} was called: {@code conn.isClosed()}.
     *
     * <pre>{@code
     * boolean closed = conn.isClosed();
     * }</pre>
     *
     * @return {@code true} once closed
     */
    public boolean isClosed() {
        return closed;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("connection is closed");
        }
    }

    /** Open, and no earlier failure has doomed the transaction (or the innermost savepoint). */
    private void ensureUsable() {
        ensureOpen();
        tx.ensureUsable();
    }

    /**
     * Closes open results, rolls back uncommitted work, and returns the connection to the pool.
     *
     * <pre>{@code
     * Connection c = engine.connect();
     * try {
     *     report(c);
     * } finally {
     *     c.close();   // rolls back what was not committed, returns the connection to the pool
     * }
     * }</pre>
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        cursors.closeAll();
        closed = true;
        if (external != null) {
            try {
                tx.abandon(); // marks the owner's transaction rollback-only after a failure here
            } catch (SQLException ignored) {
                // nothing is sent to the database for an outside transaction
            }
            external.release();
            events.released();
            return;
        }
        if (errors.broken()) {
            // the server or the network ended it: never hand it out again
            engine.evict(jdbc);
            events.released();
            return;
        }
        try {
            tx.abandon();
        } catch (SQLException | DatabaseException ignored) {
            // a broken connection: the pool notices and replaces it
        } finally {
            try {
                jdbc.close();
            } catch (SQLException ignored) {
                // already gone
            }
            events.released();
        }
    }

    ConnectionEvents events() {
        return events;
    }

    /**
     * Leaves auto-commit for good on a connection that a routed one sends statements to directly
     * (its own state never sees them): its close then rolls back before auto-commit returns.
     */
    void leaveAutoCommit() {
        tx.leaveAutoCommit();
    }
}
