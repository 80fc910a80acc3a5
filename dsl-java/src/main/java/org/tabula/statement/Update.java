package org.tabula.statement;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tabula.expr.BindValue;
import org.tabula.expr.Condition;
import org.tabula.expr.Expression;
import org.tabula.expr.SqlVisitor;
import org.tabula.schema.Column;
import org.tabula.schema.Table;

/**
 * {@code UPDATE table SET ... WHERE ...}.
 *
 * <pre>{@code
 * update(USERS).set(USERS.name, "bob").where(USERS.id.eq(1L));
 * update(USERS).set(USERS.age, USERS.age.plus(1)).where(USERS.age.isNotNull());
 * update(USERS).set(USERS.active, false).allRows();       // no WHERE: must be said explicitly
 * }</pre>
 *
 * <p>An update with neither {@link #where} nor {@link #allRows()} is refused when rendered, so
 * a forgotten WHERE never rewrites a whole table.
 */
public record Update(Table table, List<Assignment> assignments, @Nullable Condition where, boolean unrestricted,
                     List<Expression<?>> returning) implements Statement {

    /** {@code column = value}. */
    public record Assignment(Column<?> column, Expression<?> value) {
    }

    /**
     * Copies the lists; build one with {@code Sql.update(USERS)}.
     *
     * @param table the table
     * @param assignments the SET clauses, in order
     * @param where the condition, or {@code null}
     * @param unrestricted whether {@link #allRows()} confirmed an update without WHERE
     * @param returning the RETURNING expressions
     */
    public Update {
        Objects.requireNonNull(table, "table");
        assignments = List.copyOf(assignments);
        returning = List.copyOf(returning);
    }

    /**
     * {@code UPDATE table}, with nothing set yet: {@code Update.of(USERS).set(USERS.age, 32)}.
     *
     * <pre>{@code
     * conn.execute(Update.of(USERS).set(USERS.age, 32).where(USERS.id.eq(1L)));   // the same as update(USERS)
     * }</pre>
     *
     * @param table the table
     * @return the statement
     */
    public static Update of(Table table) {
        return new Update(table, List.of(), null, false, List.of());
    }

    /**
     * {@code SET column = NULL}. {@code set(column, null)} is ambiguous in Java between this
     * class's two {@code set} methods; {@code setNull} says it without a cast.
     *
     * <pre>{@code
     * update(USERS).setNull(USERS.age).where(USERS.id.eq(1L));
     * }</pre>
     *
     * @param <T> the column's Java type
     * @param column the column to set to NULL
     * @return a new statement
     */
    public <T extends @Nullable Object> Update setNull(Column<T> column) {
        return set(column, new BindValue<T>(null, column.type()));
    }

    /**
     * Sets a column to a value, bound as a parameter of the column's type: {@code update(USERS).set(USERS.name, "Ann")}.
     *
     * <pre>{@code
     * conn.execute(update(USERS).set(USERS.name, "bob").where(USERS.id.eq(1L)));
     * }</pre>
     *
     * @param <T> the column's Java type
     * @param column the column
     * @param value the value, bound
     * @return a new statement
     */
    public <T extends @Nullable Object> Update set(Column<T> column, T value) {
        return set(column, new BindValue<>(value, column.type()));
    }

    /**
     * Sets a column to an expression (another column, arithmetic, a scalar subquery): {@code set(USERS.age, USERS.age.plus(1))}.
     *
     * <pre>{@code
     * conn.execute(update(USERS).set(USERS.age, USERS.age.plus(1)).where(USERS.id.eq(1L)));
     * }</pre>
     *
     * @param <T> the column's Java type
     * @param column the column
     * @param value the expression
     * @return a new statement
     */
    public <T extends @Nullable Object> Update set(Column<T> column, Expression<? extends T> value) {
        return assign(column, value);
    }

    private Update assign(Column<?> column, Expression<?> value) {
        if (column.table() != table) {
            throw new IllegalArgumentException("column " + column.qualifiedName() + " is not a column of "
                    + table.name() + ", the table this update writes to");
        }
        List<Assignment> next = new ArrayList<>(assignments.size() + 1);
        for (Assignment a : assignments) {
            if (!a.column().equals(column)) {
                next.add(a);
            }
        }
        next.add(new Assignment(column, value));
        return new Update(table, next, where, unrestricted, returning);
    }

    /**
     * Sets columns by name, SQLAlchemy's {@code values(name=value)}.
     *
     * <pre>{@code
     * conn.execute(update(USERS).values(Map.of("name", "bob", "age", 41)).where(USERS.id.eq(1L)));
     * }</pre>
     *
     * @param values values by column name: {@code values(Map.of("name", "Ann"))}
     * @return a new statement
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Update values(Map<String, ?> values) {
        Update out = this;
        for (Map.Entry<String, ?> e : values.entrySet()) {
            Column column = table.column(e.getKey());
            Object value = e.getValue();
            if (value instanceof Expression<?> expr) {
                out = out.assign(column, expr);
            } else {
                try {
                    out = out.assign(column, new BindValue(column.type().coerce(value), column.type()));
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException("column " + column.qualifiedName() + ": " + ex.getMessage(), ex);
                }
            }
        }
        return out;
    }

    /**
     * Adds WHERE conditions, AND-ed.
     *
     * <pre>{@code
     * conn.execute(update(USERS).set(USERS.active, false).where(USERS.age.gt(90), USERS.admin.eq(false)));
     * }</pre>
     *
     * @param conditions the conditions: {@code where(USERS.id.eq(1L))}
     * @return a new statement
     */
    public Update where(Condition... conditions) {
        return new Update(table, assignments, Select.and(where, conditions), unrestricted, returning);
    }

    /**
     * Confirms that this update, having no WHERE, is meant to change every row.
     *
     * <pre>{@code
     * conn.execute(update(USERS).set(USERS.active, true).allRows());
     * }</pre>
     *
     * @return a new statement: {@code update(USERS).set(USERS.active, false).allRows()}
     */
    public Update allRows() {
        return new Update(table, assignments, where, true, returning);
    }

    /**
     * {@code RETURNING expressions} (PostgreSQL, SQLite; refused on MySQL/MariaDB).
     *
     * <pre>{@code
     * List<Long> ids = conn.execute(update(USERS).set(USERS.active, false).where(USERS.age.gt(90)).returning(USERS.id)).scalars(Long.class);
     * }</pre>
     *
     * @param expressions what to return of each updated row
     * @return a new statement
     */
    public Update returning(Expression<?>... expressions) {
        return new Update(table, assignments, where, unrestricted, Arrays.asList(expressions));
    }

    @Override
    public boolean returnsRows() {
        return !returning.isEmpty();
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitUpdate(this);
    }
}
