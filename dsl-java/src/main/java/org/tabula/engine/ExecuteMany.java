package org.tabula.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.tabula.dialect.Dialect;
import org.tabula.dialect.RenderedSql;
import org.tabula.error.UnsupportedFeatureException;
import org.tabula.result.Result;
import org.tabula.schema.Column;
import org.tabula.statement.Insert;
import org.tabula.statement.InsertRow;
import org.tabula.statement.Statement;

/**
 * executemany: one statement rendered and prepared once, run for many parameter maps as JDBC
 * batches of 1,000, or, for an INSERT whose keys the database generates, with each row's key
 * returned in row order (batches where the driver returns their keys, multi-row
 * {@code VALUES ... RETURNING} ("insertmanyvalues") where it does not, else one row at a time).
 */
final class ExecuteMany {

    private final StatementRunner runner;
    private final Dialect dialect;
    private final java.sql.Connection jdbc;
    private final TransactionState tx;
    /** Rows per JDBC batch ({@link EngineOptions#batchSize}). */
    private final int batchSize;
    /** Whether the executemany in progress has sent rows to the database (a later refusal leaves it half done). */
    private boolean sent;

    ExecuteMany(StatementRunner runner) {
        this.runner = runner;
        this.dialect = runner.dialect();
        this.jdbc = runner.jdbc();
        this.tx = runner.tx();
        this.batchSize = runner.engine().options().batchSize();
    }

    /** Runs {@code statement} once per row; an {@code insert(table)} without values takes its columns from the rows. */
    Result execute(Statement statement, List<? extends Map<String, ?>> rows) {
        if (statement.returnsRows()) {
            throw new UnsupportedFeatureException("executemany cannot return rows; run " + statement
                    + " once per row instead");
        }
        RowsInsert many = RowsInsert.forRows(statement, rows.get(0));
        RenderedSql rendered = runner.dialect().render(many == null ? statement : many.statement());
        String context = rendered.context();
        PreparedStatement ps = null;
        try {
            tx.beforeStatement(rendered);
            ps = jdbc.prepareStatement(rendered.sql());
            runner.running().applyTimeout(ps);
            RowBinder binder = RowBinder.of(dialect, rendered.bindings());
            Batch batch = new Batch(ps);
            for (int r = 0; r < rows.size(); r++) {
                Map<String, ?> params = many == null ? rows.get(r) : many.row(rows.get(r), r, context);
                bindRow(ps, binder, rendered, many, rows.get(r), params, r, 0, rendered.bindings().size(), rows.size());
                batch.add();
            }
            return batch.finish();
        } catch (SQLException e) {
            throw runner.failed(e, rendered);
        } catch (RuntimeException e) {
            throw refused(e);
        } finally {
            StatementRunner.closeQuietly(ps);
        }
    }

    /**
     * See {@link Connection#execute(Insert, Iterable, BiConsumer)}: {@code first} is filled from the
     * first item; {@code rest} refill it one item at a time, each bound before the next is filled.
     */
    <E> Result execute(Insert insert, InsertRow first, Iterator<? extends E> rest, BiConsumer<InsertRow, ? super E> fill,
                       int count) {
        if (insert.returnsRows()) {
            throw new UnsupportedFeatureException("executemany cannot return rows; run " + insert
                    + " once per row instead");
        }
        // The key set and the listeners' first-row values must outlive the reused row.
        Map<String, Object> firstValues = new LinkedHashMap<>(first);
        RowsInsert many = RowsInsert.of(insert, firstValues);
        RenderedSql rendered = runner.dialect().render(many.statement());
        String context = rendered.context();
        int width = rendered.bindings().size();
        PreparedStatement ps = null;
        try {
            tx.beforeStatement(rendered);
            ps = jdbc.prepareStatement(rendered.sql());
            runner.running().applyTimeout(ps);
            RowBinder binder = RowBinder.of(dialect, rendered.bindings());
            Batch batch = new Batch(ps);
            Map<String, ?> given = firstValues;
            for (int r = 0; ; r++) {
                bindRow(ps, binder, rendered, many, given, many.row(given, r, context), r, 0, width, count);
                batch.add();
                if (!rest.hasNext()) {
                    break;
                }
                first.clear();
                fill.accept(first, rest.next());
                given = first;
            }
            return batch.finish();
        } catch (SQLException e) {
            throw runner.failed(e, rendered);
        } catch (RuntimeException e) {
            throw refused(e);
        } finally {
            StatementRunner.closeQuietly(ps);
        }
    }

    /** See {@link Connection#executeManyReturningKeys}. */
    List<Object> returningKeys(Insert insert, List<? extends Map<String, ?>> rows, Column<?> key) {
        if (!insert.rows().isEmpty() || insert.fromSelect() != null || !insert.returning().isEmpty()) {
            throw new IllegalArgumentException("executeManyReturningKeys takes insert(" + insert.table().name()
                    + ") without values or RETURNING; the rows give the values");
        }
        RowsInsert many = RowsInsert.of(insert, rows.get(0));
        Insert statement = many.statement();
        List<Object> supplied = statement.columns().contains(key) ? suppliedKeys(rows, key) : null;
        if (supplied != null) {
            // Every row names its key: those are the keys (Connector/J would count them up from the first in a batch).
            execute(insert, rows);
            return supplied;
        }
        // Sorted keys are in row order only when the database draws them from its sequence for every row.
        boolean drawnKeys = key.isAutoIncrement() && !statement.columns().contains(key) && !statement.columns().isEmpty();
        int perStatement = drawnKeys ? Math.min(batchSize, dialect.insertManyValuesRows(statement.columns().size())) : 0;
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
        RenderedSql rendered = dialect.render(statement);
        String context = rendered.context();
        List<Object> out = new ArrayList<>(rows.size());
        PreparedStatement ps = null;
        try {
            tx.leaveAutoCommit();
            ps = returning && !batched ? jdbc.prepareStatement(rendered.sql())
                    : jdbc.prepareStatement(rendered.sql(), java.sql.Statement.RETURN_GENERATED_KEYS);
            runner.running().applyTimeout(ps);
            RowBinder binder = RowBinder.of(dialect, rendered.bindings());
            int pending = 0;
            sent = false;
            for (int r = 0; r < rows.size(); r++) {
                bindRow(ps, binder, rendered, many, rows.get(r), many.row(rows.get(r), r, context), r, 0,
                        rendered.bindings().size(), rows.size());
                if (batched) {
                    ps.addBatch();
                    if (++pending == batchSize || r == rows.size() - 1) {
                        runBatch(ps);
                        pending = 0;
                        StatementRunner.readKeys(ps.getGeneratedKeys(), key, out);
                    }
                } else {
                    sent = true;
                    PreparedStatement one = ps;
                    runner.running().execute(one, () -> {
                        if (returning) {
                            StatementRunner.readKeys(one.executeQuery(), key, out);
                        } else {
                            one.executeUpdate();
                            StatementRunner.readKeys(one.getGeneratedKeys(), key, out);
                        }
                        return null;
                    });
                }
                tx.started();
            }
            if (out.size() != rows.size()) {
                throw new IllegalStateException(context + ": the driver returned " + out.size() + " generated keys for "
                        + rows.size() + " rows");
            }
            runner.events().statementEnded(out.size());
            return out;
        } catch (SQLException e) {
            throw runner.failed(e, rendered);
        } catch (RuntimeException e) {
            throw refused(e);
        } finally {
            StatementRunner.closeQuietly(ps);
        }
    }

    /** Each row's own value of {@code key}, or null when a row leaves it to the database. */
    private static List<Object> suppliedKeys(List<? extends Map<String, ?>> rows, Column<?> key) {
        List<Object> keys = new ArrayList<>(rows.size());
        for (Map<String, ?> row : rows) {
            Object value = row.get(key.name());
            if (value == null) {
                return null;
            }
            keys.add(key.type().coerce(value));
        }
        return keys;
    }

    /**
     * SQLAlchemy's "insertmanyvalues": {@code perStatement} rows per {@code INSERT ... VALUES (...),
     * (...) RETURNING key} (sqlite-jdbc returns no keys from a batch; PostgreSQL saves the round
     * trips of a batch's statements). The database may return the keys in any order, but assigns
     * auto-increment keys in the order it takes the rows, which the dialect's rendering makes the
     * input order ({@link Dialect#renderInsertManyValues}), so sorting each statement's keys puts
     * them in input order.
     */
    private List<Object> insertManyValues(RowsInsert many, List<? extends Map<String, ?>> rows, Column<?> key,
                                          int perStatement) {
        Insert single = many.statement();
        int width = single.columns().size();
        List<Object> out = new ArrayList<>(rows.size());
        List<Object> chunkKeys = new ArrayList<>(Math.min(perStatement, rows.size()));
        PreparedStatement full = null;
        PreparedStatement ps = null;
        RenderedSql rendered = null;
        sent = false;
        try {
            tx.leaveAutoCommit();
            RowBinder binder = null;
            for (int from = 0; from < rows.size(); from += perStatement) {
                int n = Math.min(perStatement, rows.size() - from);
                if (n == perStatement && full != null) {
                    ps = full;
                } else {
                    rendered = dialect.renderInsertManyValues(single, n, key);
                    ps = jdbc.prepareStatement(rendered.sql());
                    runner.running().applyTimeout(ps);
                    if (n == perStatement) {
                        full = ps;
                    }
                    binder = RowBinder.of(dialect, rendered.bindings().subList(0, width));
                }
                String context = rendered.context();
                for (int r = 0; r < n; r++) {
                    int index = from + r;
                    Map<String, ?> params = many.row(rows.get(index), index, context);
                    bindRow(ps, binder, rendered, many, rows.get(index), params, index, r * width, width, rows.size());
                }
                sent = true;
                chunkKeys.clear();
                PreparedStatement chunk = ps;
                runner.running().execute(chunk, () -> {
                    StatementRunner.readKeys(chunk.executeQuery(), key, chunkKeys);
                    return null;
                });
                tx.started();
                if (chunkKeys.size() != n) {
                    throw new IllegalStateException(context + ": the database returned " + chunkKeys.size()
                            + " keys for " + n + " rows");
                }
                sortKeys(chunkKeys);
                out.addAll(chunkKeys);
                if (ps != full) {
                    StatementRunner.closeQuietly(ps);
                }
            }
            runner.events().statementEnded(out.size());
            return out;
        } catch (SQLException e) {
            throw runner.failed(e, rendered);
        } catch (RuntimeException e) {
            throw refused(e);
        } finally {
            StatementRunner.closeQuietly(ps);
            StatementRunner.closeQuietly(full);
        }
    }

    /**
     * Binds row {@code index} ({@code width} bindings) at parameter {@code offset + 1} on: through the binder's fast path,
     * else (a row it cannot bind, or no binder) through the general path, which words the error.
     * The first row starts the statement's events, as one statement of {@code batch} rows.
     */
    private void bindRow(PreparedStatement ps, RowBinder binder, RenderedSql rendered, RowsInsert many,
                         Map<String, ?> given, Map<String, ?> params, int index, int offset, int width, int batch)
            throws SQLException {
        if (index == 0) {
            runner.events().statementStarting(rendered, params, batch, width);
        }
        if (binder == null || !binder.bind(dialect, ps, params, offset)) {
            if (many != null) {
                many.checkKeys(given, index, rendered.context());
            }
            runner.bindAll(ps, rendered.bindings().subList(offset, offset + width), params, rendered.context(), offset);
        }
    }

    /** Rows added to one prepared statement, sent every {@code batchSize} rows and at the end. */
    private final class Batch {
        private final PreparedStatement ps;
        private long total;
        private int pending;

        Batch(PreparedStatement ps) {
            this.ps = ps;
            sent = false;
        }

        void add() throws SQLException {
            ps.addBatch();
            if (++pending == batchSize) {
                total += sum(runBatch(ps));
                pending = 0;
            }
        }

        /** Sends what is left and reports the total row count. */
        Result finish() throws SQLException {
            if (pending > 0) {
                total += sum(runBatch(ps));
            }
            tx.started();
            return Result.ofCount(runner.events().statementEnded(total), null);
        }
    }

    private int[] runBatch(PreparedStatement ps) throws SQLException {
        sent = true;
        return runner.running().execute(ps, ps::executeBatch);
    }

    /** A refusal after some rows were sent leaves the statement half done: the transaction is doomed. */
    private RuntimeException refused(RuntimeException e) {
        return sent ? tx.failed(e) : runner.events().statementFailed(e);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void sortKeys(List<Object> keys) {
        ((List) keys).sort(null);
    }

    private static long sum(int[] counts) {
        long total = 0;
        for (int c : counts) {
            total += c >= 0 ? c : (c == java.sql.Statement.SUCCESS_NO_INFO ? 1 : 0);
        }
        return total;
    }
}
