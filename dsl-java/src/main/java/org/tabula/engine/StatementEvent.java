package org.tabula.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tabula.dialect.Binding;
import org.tabula.dialect.RenderedSql;
import org.tabula.dialect.StatementKind;

/**
 * One statement as it runs, given to {@link EngineListener#beforeExecute} and then, the same
 * object completed, to {@link EngineListener#afterExecute}: a listener can keep what it started
 * in {@link #attribute(Object, Object)} (a timer, a span) and find it again afterwards. Made only
 * when a listener (or echo) is registered.
 *
 * <pre>{@code
 * public void afterExecute(StatementEvent e) {
 *     System.out.printf("%s %s: %d rows in %d µs%s%n", e.kind(), e.sql(), e.rows(),
 *             e.durationNanos() / 1000, e.failure() == null ? "" : " FAILED " + e.failure());
 * }
 * }</pre>
 */
public final class StatementEvent extends EngineEvent {

    private final Connection connection;
    private final RenderedSql rendered;
    private final int rowBindings;
    private final Map<String, ?> values;
    private final int batchSize;
    private final TransactionEvent transaction;
    private final long startNanos;
    private long endNanos;
    private long rows = -1;
    private @Nullable Throwable failure;
    private boolean ended;
    private List<Object> parameters;

    StatementEvent(Connection connection, RenderedSql rendered, int rowBindings, Map<String, ?> values, int batchSize,
                   TransactionEvent transaction) {
        this.connection = connection;
        this.rendered = rendered;
        this.rowBindings = rowBindings;
        this.values = values;
        this.batchSize = batchSize;
        this.transaction = transaction;
        if (batchSize > 1) {
            // An executemany's row maps may be rebuilt row after row: keep the first row's values now.
            parameters();
        }
        this.startNanos = System.nanoTime();
    }

    /**
     * The connection the statement runs on.
     *
     * <pre>{@code
     * public void afterExecute(StatementEvent e) { log.debug("on {}", e.connection()); }
     * }</pre>
     *
     * @return the connection the statement runs on
     */
    public Connection connection() {
        return connection;
    }

    /**
     * The engine of {@link #connection()}.
     *
     * <pre>{@code
     * public void afterExecute(StatementEvent e) { log.debug("engine {}", e.engine()); }
     * }</pre>
     *
     * @return the engine of {@link #connection()}
     */
    public Engine engine() {
        return connection.engine();
    }

    /**
     * The statement as compiled for the connection's dialect: SQL, bindings, kind, table.
     *
     * <pre>{@code
     * public void afterExecute(StatementEvent e) { log.debug("{} {}", e.rendered().sql(), e.rendered().values()); }
     * }</pre>
     *
     * @return the statement as compiled for the connection's dialect
     */
    public RenderedSql rendered() {
        return rendered;
    }

    /**
     * What the statement is: a query, an INSERT, UPDATE or DELETE, {@code text()}, or other (DDL).
     *
     * <pre>{@code
     * public void afterExecute(StatementEvent e) { if (e.kind() == StatementKind.DELETE) { log.info("deleted {} rows", e.rows()); } }
     * }</pre>
     *
     * @return what the statement is
     */
    public StatementKind kind() {
        return rendered.kind();
    }

    /**
     * {@link #kind()} as a lower-case word for tags and logs, a value of few distinct values (low
     * cardinality): {@code select}, {@code insert}, {@code update}, {@code delete}, {@code text} or
     * {@code ddl}.
     *
     * <pre>{@code
     * public void afterExecute(StatementEvent e) { timer.record(e.durationNanos()); log.debug(e.operation()); }
     * }</pre>
     *
     * @return {@link #kind()} as a lower-case word for tags and logs, a value of few distinct values
     */
    public String operation() {
        return switch (rendered.kind()) {
            case QUERY -> "select";
            case INSERT -> "insert";
            case UPDATE -> "update";
            case DELETE -> "delete";
            case TEXT -> "text";
            case OTHER -> "ddl";
        };
    }

    /**
     * The SQL sent, with {@code ?} placeholders: values are never part of it (they are bound),
     * except constants of a DDL statement (server defaults) and whatever a {@code text(...)}
     * statement spells out itself.
     *
     * <pre>{@code
     * public void beforeExecute(StatementEvent e) { log.debug(e.sql()); }
     * }</pre>
     *
     * @return the SQL sent, with {@code ?} placeholders
     */
    public String sql() {
        return rendered.sql();
    }

    /**
     * The bound values in placeholder order; for an executemany, the first row's.
     *
     * <pre>{@code
     * public void beforeExecute(StatementEvent e) { log.debug("{} {}", e.sql(), e.parameters()); }
     * }</pre>
     *
     * @return the bound values in placeholder order
     */
    public List<Object> parameters() {
        if (parameters == null) {
            List<Binding> bindings = rendered.bindings();
            List<Object> out = new ArrayList<>(rowBindings);
            for (int i = 0; i < rowBindings; i++) {
                Binding b = bindings.get(i);
                out.add(b.isNamed() ? values.get(b.name()) : b.value());
            }
            parameters = Collections.unmodifiableList(out);
        }
        return parameters;
    }

    /**
     * How many rows of parameters the statement runs with: 1, or the size of an executemany.
     *
     * <pre>{@code
     * public void afterExecute(StatementEvent e) { log.debug("{} rows in one batch", e.batchSize()); }
     * }</pre>
     *
     * @return how many rows of parameters the statement runs with
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * The transaction the statement runs in.
     *
     * <pre>{@code
     * public void afterExecute(StatementEvent e) { boolean inTx = e.transaction() != null; }
     * }</pre>
     *
     * @return the transaction the statement runs in
     */
    public @Nullable TransactionEvent transaction() {
        return transaction;
    }

    /**
     * Whether {@link EngineListener#afterExecute} has been called: duration, rows and failure are known.
     *
     * <pre>{@code
     * public void afterExecute(StatementEvent e) { boolean ended = e.isEnded(); }   // true here, false in beforeExecute
     * }</pre>
     *
     * @return whether {@link EngineListener#afterExecute} has been called
     */
    public boolean isEnded() {
        return ended;
    }

    /**
     * From just before the statement was sent to just after its result was read (a buffered
     * query's rows included); zero before it ended.
     *
     * <pre>{@code
     * public void afterExecute(StatementEvent e) { histogram.record(e.durationNanos()); }
     * }</pre>
     *
     * @return from just before the statement was sent to just after its result was read
     */
    public long durationNanos() {
        return ended ? endNanos - startNanos : 0;
    }

    /**
     * {@link #durationNanos()} as a duration.
     *
     * <pre>{@code
     * public void afterExecute(StatementEvent e) { timer.record(e.duration()); }
     * }</pre>
     *
     * @return {@link #durationNanos()} as a duration
     */
    public Duration duration() {
        return Duration.ofNanos(durationNanos());
    }

    /**
     * Rows written (an UPDATE's matched rows, an executemany's total) or read (a buffered query's
     * rows); -1 when not known: before the end, after a failure, or for a streamed query, whose
     * rows are read after the statement ended.
     *
     * <pre>{@code
     * public void afterExecute(StatementEvent e) { log.debug("{} rows", e.rows()); }
     * }</pre>
     *
     * @return rows written
     */
    public long rows() {
        return rows;
    }

    /**
     * Why the statement failed (a {@link org.tabula.error.DatabaseException} or a refused value), or null.
     *
     * <pre>{@code
     * public void afterExecute(StatementEvent e) { if (e.failure() != null) { log.warn("failed: {}", e.sql(), e.failure()); } }
     * }</pre>
     *
     * @return why the statement failed
     */
    public @Nullable Throwable failure() {
        return failure;
    }

    /**
     * Whether it ended without failure.
     *
     * <pre>{@code
     * public void afterExecute(StatementEvent e) { if (!e.succeeded()) { poolTimeouts.increment(); } }
     * }</pre>
     *
     * @return whether it ended without failure
     */
    public boolean succeeded() {
        return ended && failure == null;
    }


    void end(long rows, Throwable failure) {
        this.endNanos = System.nanoTime();
        this.rows = failure == null ? rows : -1;
        this.failure = failure;
        this.ended = true;
    }

    @Override
    public String toString() {
        return "StatementEvent[" + rendered.sql() + (ended ? ", " + durationNanos() / 1000 + " µs, rows " + rows
                + (failure != null ? ", failed: " + failure : "") : "") + "]";
    }
}
