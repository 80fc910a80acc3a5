package org.tabula.result;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.tabula.error.MultipleResultsException;
import org.tabula.error.NoResultException;
import org.tabula.schema.Table;
import org.tabula.type.SqlType;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of executing a statement: rows (for queries and RETURNING) and a row count.
 *
 * <pre>{@code
 * List<Row> rows   = conn.execute(select(USERS.name).from(USERS)).all();
 * Row ann          = conn.execute(select(USERS).where(USERS.id.eq(1L))).one();
 * long n           = conn.execute(select(count()).from(USERS)).scalarOne();
 * List<String> ns  = conn.execute(select(USERS.name).from(USERS)).scalars();
 * try (Result big  = conn.stream(select(EVENTS).from(EVENTS), 500)) {
 *     big.stream().forEach(this::handle);          // rows arrive as they are read
 * }
 * }</pre>
 *
 * <p>A result is read once. Buffered results (the default) hold no JDBC resources; a streaming
 * result holds its statement open until it is consumed or closed, and at the latest until its
 * connection closes.
 */
public sealed class Result implements Iterable<Row>, AutoCloseable permits Result1 {

    private final @Nullable ResultColumns columns;
    private @Nullable List<Row> buffered;
    private @Nullable RowCursor cursor;
    private final long rowCount;
    private final @Nullable Row insertedPrimaryKey;
    private final @Nullable Table changedRowsOf;
    private boolean consumed;

    private Result(@Nullable ResultColumns columns, @Nullable List<Row> buffered, @Nullable RowCursor cursor, long rowCount,
                   @Nullable Row insertedPrimaryKey, @Nullable Table changedRowsOf) {
        this.columns = columns;
        this.buffered = buffered;
        this.cursor = cursor;
        this.rowCount = rowCount;
        this.insertedPrimaryKey = insertedPrimaryKey;
        this.changedRowsOf = changedRowsOf;
    }

    /** Takes over {@code other}'s rows (and cursor): {@code other} must not be read any more. */
    Result(Result other) {
        this(other.columns, other.buffered, other.cursor, other.rowCount, other.insertedPrimaryKey, other.changedRowsOf);
        this.consumed = other.consumed;
        other.buffered = null;
        other.cursor = null;
        other.consumed = true;
    }

    /**
     * A result whose rows are all in memory.
     *
     * <pre>{@code
     * Result r = Result.buffered(columns, List.of(row), 1, null);
     * }</pre>
     *
     * @param columns the labels and types of the result's columns
     * @param rows the rows, in order
     * @param rowCount the rows the statement changed, or -1 when unknown
     * @param insertedPrimaryKey the key a single-row INSERT wrote, or {@code null}
     * @return the result: {@code Result.buffered(columns, rows, -1, null).all()}
     */
    public static Result buffered(ResultColumns columns, List<Row> rows, long rowCount, @Nullable Row insertedPrimaryKey) {
        return buffered(columns, rows, rowCount, insertedPrimaryKey, null);
    }

    /**
     * A result whose rows are all in memory, of a statement that changed existing rows of
     * {@code changedRowsOf} (an UPDATE or DELETE with RETURNING), or {@code null}.
     *
     * <pre>{@code
     * Result r = Result.buffered(columns, List.of(), 0, null, USERS);
     * }</pre>
     *
     * @param columns the labels and types of the result's columns
     * @param rows the rows RETURNING gave
     * @param rowCount the rows the statement changed, or -1 when unknown
     * @param insertedPrimaryKey the key a single-row INSERT wrote, or {@code null}
     * @param changedRowsOf the table whose rows changed, or {@code null}
     * @return the result: {@code Result.buffered(columns, rows, 2, null, USERS)}
     */
    public static Result buffered(ResultColumns columns, List<Row> rows, long rowCount, @Nullable Row insertedPrimaryKey,
                                  @Nullable Table changedRowsOf) {
        return new Result(columns, rows, null, rowCount, insertedPrimaryKey, changedRowsOf);
    }

    /**
     * A result that reads rows from an open cursor as they are asked for.
     *
     * <pre>{@code
     * try (Result r = Result.streaming(columns, cursor)) {
     *     r.stream().forEach(this::handle);
     * }
     * }</pre>
     *
     * @param columns the labels and types of the result's columns
     * @param cursor where the rows come from; closed with the result
     * @return the result: what {@code conn.stream(select)} returns
     */
    public static Result streaming(ResultColumns columns, RowCursor cursor) {
        return new Result(columns, null, cursor, -1, null, null);
    }

    /**
     * The result of a statement that returns no rows.
     *
     * <pre>{@code
     * Result r = Result.ofCount(1, null);
     * long n = r.rowCount();   // 1
     * }</pre>
     *
     * @param rowCount the rows the statement changed, or -1 when unknown
     * @param insertedPrimaryKey the key a single-row INSERT wrote, or {@code null}
     * @return the result: {@code Result.ofCount(1, null).rowCount()} is 1
     */
    public static Result ofCount(long rowCount, @Nullable Row insertedPrimaryKey) {
        return ofCount(rowCount, insertedPrimaryKey, null);
    }

    /**
     * The result of a statement that returns no rows and changed existing rows of
     * {@code changedRowsOf} (an UPDATE or DELETE), or {@code null}.
     *
     * <pre>{@code
     * Result r = Result.ofCount(3, null, USERS);   // what conn.execute(update(USERS)...) returns
     * }</pre>
     *
     * @param rowCount the rows the statement changed, or -1 when unknown
     * @param insertedPrimaryKey the key a single-row INSERT wrote, or {@code null}
     * @param changedRowsOf the table whose rows changed, or {@code null}
     * @return the result
     */
    public static Result ofCount(long rowCount, @Nullable Row insertedPrimaryKey, @Nullable Table changedRowsOf) {
        return new Result(null, List.of(), null, rowCount, insertedPrimaryKey, changedRowsOf);
    }

    // ---------------------------------------------------------------- metadata

    /**
     * Rows inserted, updated or deleted; -1 when unknown (queries, streaming).
     *
     * <pre>{@code
     * long changed = conn.execute(update(USERS).set(USERS.active, false).where(USERS.age.gt(90))).rowCount();
     * }</pre>
     *
     * @return the count: {@code conn.execute(delete(USERS).where(USERS.age.lt(18))).rowCount()}
     */
    public long rowCount() {
        return rowCount;
    }

    /**
     * The table whose existing rows the statement updated or deleted, or {@code null} (queries,
     * inserts, text, DDL): what a session re-reads after a bulk UPDATE or DELETE.
     *
     * <pre>{@code
     * Table t = conn.execute(delete(USERS).where(USERS.age.lt(18))).changedRowsOf();   // USERS
     * }</pre>
     *
     * @return the changed table, or {@code null}
     */
    public @Nullable Table changedRowsOf() {
        return changedRowsOf;
    }

    /**
     * Whether the statement produced rows (a query or RETURNING).
     *
     * <pre>{@code
     * Result r = conn.execute(text("UPDATE users SET active = false"));
     * boolean rows = r.returnsRows();   // false
     * }</pre>
     *
     * @return {@code true} for a SELECT: {@code conn.execute(select(USERS)).returnsRows()}
     */
    public boolean returnsRows() {
        return columns != null;
    }

    /**
     * The result's columns, or {@code null} when it has no rows.
     *
     * <pre>{@code
     * Result r = conn.execute(select(USERS.id, USERS.name).from(USERS));
     * List<String> labels = r.columns().labels();   // [id, name]
     * }</pre>
     *
     * @return the columns: {@code result.columns().labels()}
     */
    public @Nullable ResultColumns columns() {
        return columns;
    }

    /**
     * The primary key of the row a single-row INSERT wrote, whether the database generated it
     * (fetched with RETURNING or generated keys) or the statement gave it.
     *
     * <pre>{@code
     * Long id = conn.execute(insert(USERS).set(USERS.name, "ann")).insertedPrimaryKey().get(USERS.id);
     * }</pre>
     *
     * @return a row of the key's columns, or {@code null} for other statements
     */
    public Row insertedPrimaryKey() {
        if (insertedPrimaryKey == null) {
            throw new IllegalStateException("insertedPrimaryKey() is only known after a single-row INSERT into a table"
                    + " with a primary key");
        }
        return insertedPrimaryKey;
    }

    // ---------------------------------------------------------------- consuming

    private void startConsuming() {
        if (columns == null) {
            throw new IllegalStateException("this statement returned no rows (rowCount = " + rowCount + ")");
        }
        if (consumed) {
            throw new IllegalStateException("this result was already consumed; a result is read once");
        }
        consumed = true;
    }

    private @Nullable Row nextRow(Iterator<Row> it) {
        return it.hasNext() ? it.next() : null;
    }

    /**
     * Every row.
     *
     * <pre>{@code
     * List<Row> rows = conn.execute(select(USERS.name).from(USERS)).all();
     * }</pre>
     *
     * @return the rows, in order: {@code conn.execute(select(USERS)).all()}
     */
    public List<Row> all() {
        startConsuming();
        if (buffered != null) {
            return buffered;
        }
        List<Row> rows = new ArrayList<>();
        try {
            for (Row r = cursor.next(); r != null; r = cursor.next()) {
                rows.add(r);
            }
        } finally {
            close();
        }
        return rows;
    }

    /**
     * The first row or {@code null}; the rest is discarded.
     *
     * <pre>{@code
     * Row newest = conn.execute(select(USERS).orderBy(USERS.id.desc())).first();   // null when there is none
     * }</pre>
     *
     * @return the first row: {@code conn.execute(select(USERS).orderBy(USERS.name)).first()}
     */
    public @Nullable Row first() {
        startConsuming();
        try {
            return buffered != null ? (buffered.isEmpty() ? null : buffered.get(0)) : cursor.next();
        } finally {
            close();
        }
    }

    /**
     * Exactly one row.
     *
     * <pre>{@code
     * Row ann = conn.execute(select(USERS).where(USERS.id.eq(1L))).one();
     * }</pre>
     *
     * @return the row: {@code conn.execute(select(USERS).where(USERS.id.eq(1L))).one()}
     * @throws org.tabula.error.NoResultException when there is no row
     * @throws org.tabula.error.MultipleResultsException when there are several
     */
    public Row one() {
        Row row = oneOrNull();
        if (row == null) {
            throw new NoResultException("expected one row, got none");
        }
        return row;
    }

    /**
     * One row or {@code null}; more than one is an error.
     *
     * <pre>{@code
     * Row maybe = conn.execute(select(USERS).where(USERS.email.eq("ann@example.com"))).oneOrNull();
     * }</pre>
     *
     * @return the row, or {@code null}: {@code conn.execute(select(USERS).where(USERS.name.eq("x"))).oneOrNull()}
     * @throws org.tabula.error.MultipleResultsException when there are several
     */
    public @Nullable Row oneOrNull() {
        startConsuming();
        try {
            Iterator<Row> it = rowIterator();
            Row first = nextRow(it);
            if (first != null && it.hasNext()) {
                throw new MultipleResultsException("expected at most one row, got several");
            }
            return first;
        } finally {
            close();
        }
    }

    /**
     * The first column of the first row, or {@code null} when there is no row.
     *
     * <pre>{@code
     * String name = conn.execute(text("SELECT name FROM users ORDER BY id")).scalar();
     * }</pre>
     *
     * @param <T> the column's Java type
     * @return the value: {@code Long n = conn.execute(select(count()).from(USERS)).scalar()}
     */
    public <T extends @Nullable Object> @Nullable T scalar() {
        Row row = first();
        return row == null ? null : row.get(0);
    }

    /**
     * The first column of the only row; an error for zero or several rows.
     *
     * <pre>{@code
     * String name = conn.execute(text("SELECT name FROM users WHERE id = 1")).scalarOne();
     * }</pre>
     *
     * @param <T> the column's Java type
     * @return the value: {@code String name = conn.execute(select(USERS.name).where(USERS.id.eq(1L))).scalarOne()}
     * @throws org.tabula.error.NoResultException when there is no row
     * @throws org.tabula.error.MultipleResultsException when there are several
     */
    public <T extends @Nullable Object> T scalarOne() {
        return one().get(0);
    }

    /**
     * The first column of the only row, {@code null} for no row; an error for several.
     *
     * <pre>{@code
     * String name = conn.execute(text("SELECT name FROM users WHERE id = 1")).scalarOneOrNull();
     * }</pre>
     *
     * @param <T> the column's Java type
     * @return the value, or {@code null}
     * @throws org.tabula.error.MultipleResultsException when there are several rows
     */
    public <T extends @Nullable Object> @Nullable T scalarOneOrNull() {
        Row row = oneOrNull();
        return row == null ? null : row.get(0);
    }

    /**
     * The first column of the only row as a {@code type}, for results whose columns Tabula does not
     * know ({@code text()}): numbers of another width are converted, anything else must be one.
     *
     * <pre>{@code
     * long n = conn.execute(text("SELECT count(*) FROM users")).scalarOne(Long.class);
     * }</pre>
     *
     * @param <T> the Java type wanted
     * @param type the Java type wanted
     * @return the value, never {@code null}
     */
    public <T extends @Nullable Object> T scalarOne(Class<T> type) {
        return Objects.requireNonNull(Conversions.convert(one().get(0), type),
                "the only row's first column is NULL; use scalarOneOrNull");
    }

    /**
     * The first column of the only row read as {@code type} would read it (a UUID or a date that
     * the driver returned as text is parsed).
     *
     * <pre>{@code
     * UUID id = conn.execute(text("SELECT id FROM tokens WHERE owner = :o").bind("o", 1)).scalarOne(SqlTypes.UUID_TYPE);
     * }</pre>
     *
     * @param <T> the type's Java type
     * @param type the SQL type that reads the value
     * @return the value, never {@code null}
     */
    public <T extends @Nullable Object> T scalarOne(SqlType<T> type) {
        return Objects.requireNonNull(coerce(one().get(0), type),
                "the only row's first column is NULL; use scalarOneOrNull");
    }

    /**
     * As {@link #scalarOne(Class)}, {@code null} for no row or a NULL.
     *
     * <pre>{@code
     * Long n = conn.execute(text("SELECT max(id) FROM users")).scalarOneOrNull(Long.class);
     * }</pre>
     *
     * @param <T> the Java type wanted
     * @param type the Java type wanted: {@code scalarOneOrNull(Long.class)}
     * @return the value, or {@code null}
     */
    public <T extends @Nullable Object> @Nullable T scalarOneOrNull(Class<T> type) {
        Row row = oneOrNull();
        return row == null ? null : Conversions.convert(row.get(0), type);
    }

    /**
     * As {@link #scalarOne(SqlType)}, {@code null} for no row or a NULL.
     *
     * <pre>{@code
     * Instant at = conn.execute(text("SELECT max(created_at) FROM users")).scalarOneOrNull(SqlTypes.INSTANT);
     * }</pre>
     *
     * @param <T> the type's Java type
     * @param type the SQL type that reads the value: {@code scalarOneOrNull(SqlTypes.UUID_TYPE)}
     * @return the value, or {@code null}
     */
    public <T extends @Nullable Object> @Nullable T scalarOneOrNull(SqlType<T> type) {
        Row row = oneOrNull();
        return row == null ? null : coerce(row.get(0), type);
    }

    /**
     * The first column of the first row as a {@code type}, or {@code null}; the rest is discarded.
     *
     * <pre>{@code
     * Long first = conn.execute(text("SELECT id FROM users ORDER BY id")).scalar(Long.class);
     * }</pre>
     *
     * @param <T> the Java type wanted
     * @param type the Java type wanted: {@code scalar(Long.class)}
     * @return the value, or {@code null}
     */
    public <T extends @Nullable Object> @Nullable T scalar(Class<T> type) {
        Row row = first();
        return row == null ? null : Conversions.convert(row.get(0), type);
    }

    /**
     * The first column of the first row read as {@code type}, or {@code null}.
     *
     * <pre>{@code
     * Instant first = conn.execute(text("SELECT created_at FROM users ORDER BY id")).scalar(SqlTypes.INSTANT);
     * }</pre>
     *
     * @param <T> the type's Java type
     * @param type the SQL type that reads the value: {@code scalar(SqlTypes.UUID_TYPE)}
     * @return the value, or {@code null}
     */
    public <T extends @Nullable Object> @Nullable T scalar(SqlType<T> type) {
        Row row = first();
        return row == null ? null : coerce(row.get(0), type);
    }

    /**
     * The first column of every row as a {@code type}.
     *
     * <pre>{@code
     * List<Long> ids = conn.execute(text("SELECT id FROM users")).scalars(Long.class);
     * }</pre>
     *
     * @param <T> the Java type wanted
     * @param type the Java type wanted: {@code scalars(String.class)}
     * @return the values, in row order
     */
    public <T extends @Nullable Object> List<@Nullable T> scalars(Class<T> type) {
        return map(r -> Conversions.convert(r.get(0), type));
    }

    /**
     * The first column of every row read as {@code type}.
     *
     * <pre>{@code
     * List<Instant> times = conn.execute(text("SELECT created_at FROM users")).scalars(SqlTypes.INSTANT);
     * }</pre>
     *
     * @param <T> the type's Java type
     * @param type the SQL type that reads the values: {@code scalars(SqlTypes.UUID_TYPE)}
     * @return the values, in row order
     */
    public <T extends @Nullable Object> List<@Nullable T> scalars(SqlType<T> type) {
        return map(r -> coerce(r.get(0), type));
    }

    private static <T extends @Nullable Object> @Nullable T coerce(@Nullable Object value, SqlType<T> type) {
        if (value == null) {
            return null;
        }
        Class<T> javaType = type.javaType();
        if (value instanceof Number && Number.class.isAssignableFrom(javaType)) {
            return Conversions.convert(value, javaType);
        }
        return type.coerce(value);
    }

    /**
     * The first column of every row.
     *
     * <pre>{@code
     * List<String> names = conn.execute(text("SELECT name FROM users")).scalars();
     * }</pre>
     *
     * @param <T> the column's Java type
     * @return the values, in row order: {@code List<String> names = conn.execute(select(USERS.name)).scalars()}
     */
    @SuppressWarnings("unchecked")
    public <T extends @Nullable Object> List<T> scalars() {
        startConsuming();
        List<T> out = new ArrayList<>();
        try {
            Iterator<Row> it = rowIterator();
            while (it.hasNext()) {
                out.add((T) it.next().get(0));
            }
        } finally {
            close();
        }
        return out;
    }

    /**
     * Every row as a label-to-value map.
     *
     * <pre>{@code
     * List<Map<String, Object>> users = conn.execute(select(USERS.id, USERS.name).from(USERS)).mappings();
     * }</pre>
     *
     * @return one map per row: {@code conn.execute(select(USERS)).mappings().get(0).get("name")}
     */
    public List<Map<String, Object>> mappings() {
        return map(Row::toMap);
    }

    /**
     * Every row through {@code mapper}.
     *
     * <pre>{@code
     * List<String> labels = conn.execute(select(USERS.id, USERS.name).from(USERS))
     *         .map(row -> row.get(USERS.id) + ": " + row.get(USERS.name));
     * }</pre>
     *
     * @param <T> what each row becomes
     * @param mapper builds one object from one row
     * @return the objects, in row order: {@code result.map(row -> row.get(USERS.name).toUpperCase())}
     */
    public <T extends @Nullable Object> List<T> map(Function<? super Row, ? extends T> mapper) {
        startConsuming();
        List<T> out = new ArrayList<>();
        try {
            Iterator<Row> it = rowIterator();
            while (it.hasNext()) {
                out.add(mapper.apply(it.next()));
            }
        } finally {
            close();
        }
        return out;
    }

    /**
     * Every row as a record whose component names match the column labels (see {@link RecordMapper}).
     *
     * <pre>{@code
     * record UserName(long id, String name) {}
     *
     * List<UserName> names = conn.execute(select(USERS.id, USERS.name).from(USERS)).into(UserName.class);
     * }</pre>
     *
     * @param <R> the record type
     * @param recordType the record class: {@code result.into(UserName.class)}
     * @return one record per row
     */
    public <R extends @Nullable Object> List<R> into(Class<R> recordType) {
        if (columns == null) {
            throw new IllegalStateException("this statement returned no rows (rowCount = " + rowCount + ")");
        }
        RecordMapper<R> mapper = RecordMapper.of(recordType, columns);
        return map(mapper::map);
    }

    /**
     * The rows as a stream; close it (or the result) if not read to the end.
     *
     * <pre>{@code
     * try (Stream<Row> rows = conn.stream(select(EVENTS).from(EVENTS), 500).stream()) {
     *     rows.forEach(this::handle);
     * }
     * }</pre>
     *
     * @return the rows: {@code conn.stream(select(USERS)).stream().map(r -> r.get(USERS.name))}
     */
    public Stream<Row> stream() {
        startConsuming();
        Iterator<Row> it = rowIterator();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(this::close);
    }

    /**
     * Iterates the rows once; a streaming result closes itself after the last row.
     *
     * <pre>{@code
     * for (Row row : conn.execute(select(USERS.name).from(USERS))) {
     *     handle(row);
     * }
     * }</pre>
     */
    @Override
    public Iterator<Row> iterator() {
        startConsuming();
        return rowIterator();
    }

    private Iterator<Row> rowIterator() {
        if (buffered != null) {
            return buffered.iterator();
        }
        return new Iterator<>() {
            private Row next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    next = cursor == null ? null : cursor.next();
                    if (next == null) {
                        done = true;
                        close();
                    }
                }
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row r = next;
                next = null;
                return r;
            }
        };
    }

    /**
     * Releases the cursor of a streaming result; harmless on buffered ones and when called twice.
     *
     * <pre>{@code
     * try (Result big = conn.stream(select(EVENTS).from(EVENTS), 500)) {
     *     Row first = big.first();
     * }
     * }</pre>
     */
    @Override
    public void close() {
        RowCursor c = cursor;
        cursor = null;
        if (c != null) {
            c.close();
        }
    }
}
