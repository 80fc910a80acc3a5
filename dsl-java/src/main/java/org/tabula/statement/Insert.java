package org.tabula.statement;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.tabula.expr.BindParam;
import org.tabula.expr.BindValue;
import org.tabula.expr.Expression;
import org.tabula.expr.SqlVisitor;
import org.tabula.schema.Column;
import org.tabula.schema.Table;

/**
 * {@code INSERT INTO table ...}: one row, many rows in one statement, or the rows of a select.
 *
 * <pre>{@code
 * insert(USERS).set(USERS.name, "ann").set(USERS.age, 31);              // one row, type-checked
 * insert(USERS).columns(USERS.name, USERS.age).values("ann", 31).values("bob", 40);
 * insert(USERS).values(row -> row.set(USERS.name, "ann").set(USERS.age, 31));   // a row from column handles
 * insert(USERS).values(Map.of("name", "ann", "age", 31));             // by column name
 * insert(ARCHIVE).fromSelect(List.of(ARCHIVE.name), select(USERS.name).where(USERS.age.gt(90)));
 * insert(USERS).set(USERS.name, "ann").returning(USERS.id);
 * }</pre>
 *
 * <p>An insert with no values at all, executed with a list of parameter maps, is an executemany
 * over the columns named by the maps' keys; {@link InsertRow#batch} builds those rows from column
 * handles: {@code conn.execute(insert(USERS), InsertRow.batch(USERS, people, (row, p) -> row.set(USERS.name, p.name())))}.
 */
public record Insert(Table table, List<Column<?>> columns, List<List<Expression<?>>> rows, @Nullable Select fromSelect,
                     List<Expression<?>> returning, @Nullable OnConflict onConflict) implements Statement {

    /**
     * Copies the lists; build one with {@code Sql.insert(USERS)}.
     *
     * @param table the table
     * @param columns the columns named for {@link #values(Object...)}
     * @param rows the rows of values
     * @param fromSelect the query of INSERT ... SELECT, or {@code null}
     * @param returning the RETURNING expressions
     * @param onConflict the upsert clause, or {@code null}
     */
    public Insert {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        returning = List.copyOf(returning);
    }

    /**
     * An empty insert into {@code table}.
     *
     * <pre>{@code
     * conn.execute(Insert.into(USERS).set(USERS.name, "ann"));   // the same as insert(USERS)
     * }</pre>
     *
     * @param table the table: {@code Insert.into(USERS).set(USERS.name, "ann")}
     * @return the statement
     */
    public static Insert into(Table table) {
        return new Insert(table, List.of(), List.of(), null, List.of(), null);
    }

    /**
     * Sets one column of the single row to NULL. {@code set(column, null)} is ambiguous in Java
     * between the two {@code set} methods; {@code setNull} says it without a cast.
     *
     * <pre>{@code
     * insert(USERS).set(USERS.name, "ann").setNull(USERS.age);
     * }</pre>
     *
     * @param <T> the column's Java type
     * @param column the column to set to NULL
     * @return a new statement
     */
    public <T extends @Nullable Object> Insert setNull(Column<T> column) {
        return set(column, new BindValue<T>(null, column.type()));
    }

    /**
     * Sets one column of the single row.
     *
     * <pre>{@code
     * conn.execute(insert(USERS).set(USERS.name, "ann").set(USERS.age, 31));
     * }</pre>
     *
     * @param <T> the column's Java type
     * @param column the column: {@code insert(USERS).set(USERS.name, "ann")}
     * @param value its value, bound
     * @return a new statement
     */
    public <T extends @Nullable Object> Insert set(Column<T> column, T value) {
        return set(column, new BindValue<>(value, column.type()));
    }

    /**
     * Sets one column of the single row to an expression (another column, a function, a subquery).
     *
     * <pre>{@code
     * conn.execute(insert(USERS).set(USERS.name, "ann").set(USERS.createdAt, now(SqlTypes.INSTANT)));
     * }</pre>
     *
     * @param <T> the column's Java type
     * @param column the column
     * @param value an expression: {@code set(USERS.createdAt, Sql.now())}
     * @return a new statement
     */
    public <T extends @Nullable Object> Insert set(Column<T> column, Expression<? extends T> value) {
        requireOwn(column);
        if (rows.size() > 1 || fromSelect != null) {
            throw new IllegalStateException("set() builds a single-row insert into " + table.name()
                    + "; use columns(...).values(...) for several rows");
        }
        List<Column<?>> cols = new ArrayList<>(columns);
        List<Expression<?>> row = rows.isEmpty() ? new ArrayList<>() : new ArrayList<>(rows.get(0));
        int at = cols.indexOf(column);
        if (at >= 0) {
            row.set(at, value);
        } else {
            cols.add(column);
            row.add(value);
        }
        return new Insert(table, cols, List.of(Collections.unmodifiableList(row)), null, returning, onConflict);
    }

    /**
     * Names the columns for {@link #values(Object...)}.
     *
     * <pre>{@code
     * conn.execute(insert(USERS).columns(USERS.name, USERS.age).values("ann", 31).values("bob", 40));
     * }</pre>
     *
     * @param cols the columns: {@code insert(USERS).columns(USERS.name, USERS.age).values("ann", 31)}
     * @return a new statement
     */
    public Insert columns(Column<?>... cols) {
        for (Column<?> c : cols) {
            requireOwn(c);
        }
        if (!rows.isEmpty()) {
            throw new IllegalStateException("columns() must come before values() in an insert into " + table.name());
        }
        return new Insert(table, Arrays.asList(cols), rows, fromSelect, returning, onConflict);
    }

    /**
     * Adds a row, one value per column named by {@link #columns}; each value is checked against its column's type.
     *
     * <pre>{@code
     * conn.execute(insert(USERS).columns(USERS.name, USERS.age).values("ann", 31));
     * }</pre>
     *
     * @param values one value per named column
     * @return a new statement
     */
    public Insert values(Object... values) {
        if (columns.isEmpty()) {
            throw new IllegalStateException("insert into " + table.name() + ": call columns(...) before values(...)");
        }
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("insert into " + table.name() + ": " + columns.size()
                    + " columns but " + values.length + " values");
        }
        List<Expression<?>> row = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            row.add(valueFor(columns.get(i), values[i]));
        }
        List<List<Expression<?>>> next = new ArrayList<>(rows);
        next.add(Collections.unmodifiableList(row));
        return new Insert(table, columns, next, null, returning, onConflict);
    }

    /**
     * Adds a row built from column handles, each value of its column's type: the typed form of
     * {@link #values(Map)}. All rows of one insert set the same columns.
     *
     * <pre>{@code
     * insert(USERS).values(row -> row.set(USERS.name, "ann").set(USERS.age, 31))
     *              .values(row -> row.set(USERS.name, "bob").set(USERS.age, null));
     * }</pre>
     *
     * @param row sets the row's columns on the empty row it is given
     * @return a new statement
     */
    public Insert values(UnaryOperator<InsertRow> row) {
        return values(List.of(row.apply(InsertRow.of(table))));
    }

    /**
     * Adds a row given as column name to value.
     *
     * <pre>{@code
     * conn.execute(insert(USERS).values(Map.of("name", "ann", "age", 31)));
     * }</pre>
     *
     * @param row values by column name: {@code values(Map.of("name", "ann"))}
     * @return a new statement
     */
    public Insert values(Map<String, ?> row) {
        return values(List.of(row));
    }

    /**
     * Adds rows given as column name to value; all rows must name the same columns.
     *
     * <pre>{@code
     * conn.execute(insert(USERS).values(List.of(Map.of("name", "ann"), Map.of("name", "bob"))));   // one statement
     * }</pre>
     *
     * @param newRows one map per row
     * @return a new statement
     */
    public Insert values(List<? extends Map<String, ?>> newRows) {
        if (newRows.isEmpty()) {
            throw new IllegalArgumentException("insert into " + table.name() + ": no rows given");
        }
        List<Column<?>> cols = new ArrayList<>(columns);
        if (cols.isEmpty()) {
            for (String key : newRows.get(0).keySet()) {
                cols.add(table.column(key));
            }
        }
        List<List<Expression<?>>> next = new ArrayList<>(rows);
        for (Map<String, ?> map : newRows) {
            if (map.size() != cols.size()) {
                throw new IllegalArgumentException("insert into " + table.name() + ": every row must name the columns "
                        + names(cols) + ", got " + map.keySet());
            }
            List<Expression<?>> row = new ArrayList<>(cols.size());
            for (Column<?> c : cols) {
                if (!map.containsKey(c.name())) {
                    throw new IllegalArgumentException("insert into " + table.name() + ": row lacks column " + c.name());
                }
                row.add(valueFor(c, map.get(c.name())));
            }
            next.add(Collections.unmodifiableList(row));
        }
        return new Insert(table, cols, next, null, returning, onConflict);
    }

    /**
     * {@code INSERT INTO table (columns) SELECT ...}.
     *
     * <pre>{@code
     * conn.execute(insert(ARCHIVE).fromSelect(List.of(ARCHIVE.name), select(USERS.name).where(USERS.age.gt(90))));
     * }</pre>
     *
     * @param targetColumns the columns filled, in the order of the query's columns
     * @param select the query: {@code insert(ARCHIVE).fromSelect(List.of(ARCHIVE.name), select(USERS.name))}
     * @return a new statement
     */
    public Insert fromSelect(List<Column<?>> targetColumns, Select select) {
        targetColumns.forEach(this::requireOwn);
        if (targetColumns.size() != select.selections().size()) {
            throw new IllegalArgumentException("insert into " + table.name() + " from select: " + targetColumns.size()
                    + " columns but the select has " + select.selections().size());
        }
        return new Insert(table, targetColumns, List.of(), select, returning, onConflict);
    }

    /**
     * Rows for an executemany: one named parameter per column, named after the column.
     *
     * <pre>{@code
     * Insert batch = insert(USERS).withParametersFor(List.of(USERS.name, USERS.age));
     * conn.execute(batch, List.of(Map.of("name", "ann", "age", 31), Map.of("name", "bob", "age", 40)));
     * }</pre>
     *
     * @param cols the columns, each bound by its name
     * @return a new statement
     */
    public Insert withParametersFor(List<Column<?>> cols) {
        List<Expression<?>> row = new ArrayList<>(cols.size());
        for (Column<?> c : cols) {
            requireOwn(c);
            row.add(new BindParam<>(c.name(), c.type()));
        }
        return new Insert(table, cols, List.of(Collections.unmodifiableList(row)), null, returning, onConflict);
    }

    /**
     * This single-row insert with its row repeated {@code n} times: the multi-row
     * {@code VALUES (...), (...)} of an executemany sent as one statement, its parameters bound row
     * by row.
     *
     * <pre>{@code
     * Insert three = insert(USERS).withParametersFor(List.of(USERS.name)).repeatRow(3);   // VALUES (?), (?), (?)
     * }</pre>
     *
     * @param n how many rows
     * @return a new statement
     */
    public Insert repeatRow(int n) {
        if (rows.size() != 1 || fromSelect != null) {
            throw new IllegalStateException("repeatRow needs a single-row insert into " + table.name());
        }
        return new Insert(table, columns, Collections.nCopies(n, rows.get(0)), null, returning, onConflict);
    }

    /**
     * {@code RETURNING expressions} (emulated with generated keys or refused where the dialect lacks it).
     *
     * <pre>{@code
     * Long id = conn.execute(insert(USERS).set(USERS.name, "ann").returning(USERS.id)).scalarOne(Long.class);
     * }</pre>
     *
     * @param expressions what to return of each inserted row: {@code returning(USERS.id, USERS.createdAt)}
     * @return a new statement
     */
    public Insert returning(Expression<?>... expressions) {
        return new Insert(table, columns, rows, fromSelect, Arrays.asList(expressions), onConflict);
    }

    /**
     * Upsert: what to do when the row collides with the unique key made of {@code target}.
     *
     * <pre>{@code
     * conn.execute(insert(USERS).set(USERS.email, "a@x").set(USERS.name, "ann").onConflict(USERS.email).doUpdate(USERS.name));
     * }</pre>
     *
     * @param target the unique columns the row may collide on: {@code onConflict(USERS.email).doNothing()}
     * @return a builder that ends with doNothing() or doUpdate(...)
     */
    public OnConflict.Builder onConflict(Column<?>... target) {
        for (Column<?> c : target) {
            requireOwn(c);
        }
        return new OnConflict.Builder(this, List.of(target));
    }

    Insert withOnConflict(OnConflict conflict) {
        for (Update.Assignment a : conflict.assignments()) {
            requireOwn(a.column());
        }
        return new Insert(table, columns, rows, fromSelect, returning, conflict);
    }

    /**
     * The same insert without a RETURNING clause.
     *
     * <pre>{@code
     * Insert plain = insert(USERS).set(USERS.name, "ann").returning(USERS.id).withoutReturning();
     * }</pre>
     *
     * @return a new statement
     */
    public Insert withoutReturning() {
        return new Insert(table, columns, rows, fromSelect, List.of(), onConflict);
    }

    /**
     * Values of this insert's single row, by column (empty for multi-row or from-select inserts).
     *
     * <pre>{@code
     * Map<Column<?>, Expression<?>> values = insert(USERS).set(USERS.name, "ann").singleRow();   // USERS.name -> the bound "ann"
     * }</pre>
     *
     * @return the values by column
     */
    public Map<Column<?>, Expression<?>> singleRow() {
        if (rows.size() != 1) {
            return Map.of();
        }
        Map<Column<?>, Expression<?>> map = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            map.put(columns.get(i), rows.get(0).get(i));
        }
        return map;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Expression<?> valueFor(Column<?> column, Object value) {
        if (value instanceof Expression<?> e) {
            return e;
        }
        try {
            Column raw = column;
            return new BindValue(raw.type().coerce(value), raw.type());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column " + column.qualifiedName() + ": " + e.getMessage(), e);
        }
    }

    private void requireOwn(Column<?> c) {
        if (c.table() != table) {
            throw new IllegalArgumentException("column " + c.qualifiedName() + " is not a column of " + table.name()
                    + ", the table this insert writes to");
        }
    }

    private static List<String> names(List<Column<?>> cols) {
        List<String> out = new ArrayList<>();
        cols.forEach(c -> out.add(c.name()));
        return out;
    }

    @Override
    public boolean returnsRows() {
        return !returning.isEmpty();
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitInsert(this);
    }
}
