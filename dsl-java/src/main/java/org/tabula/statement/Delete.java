package org.tabula.statement;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.tabula.expr.Condition;
import org.tabula.expr.Expression;
import org.tabula.expr.SqlVisitor;
import org.tabula.schema.Table;

/**
 * {@code DELETE FROM table WHERE ...}.
 *
 * <pre>{@code
 * delete(USERS).where(USERS.id.eq(1L));
 * delete(SESSIONS).allRows();                 // no WHERE: must be said explicitly
 * }</pre>
 */
public record Delete(Table table, @Nullable Condition where, boolean unrestricted, List<Expression<?>> returning)
        implements Statement {

    /**
     * Copies the RETURNING list; build one with {@code Sql.delete(USERS)}.
     *
     * @param table the table rows are deleted from
     * @param where the condition, or {@code null}
     * @param unrestricted whether {@link #allRows()} confirmed a delete without WHERE
     * @param returning the RETURNING expressions
     */
    public Delete {
        Objects.requireNonNull(table, "table");
        returning = List.copyOf(returning);
    }

    /**
     * {@code DELETE FROM table}, with no WHERE yet: {@code Delete.from(USERS).where(USERS.id.eq(1L))}.
     *
     * <pre>{@code
     * conn.execute(Delete.from(USERS).where(USERS.id.eq(1L)));   // the same as delete(USERS)
     * }</pre>
     *
     * @param table the table
     * @return the statement
     */
    public static Delete from(Table table) {
        return new Delete(table, null, false, List.of());
    }

    /**
     * Adds WHERE conditions, AND-ed.
     *
     * <pre>{@code
     * conn.execute(delete(USERS).where(USERS.active.eq(false), USERS.age.gt(90)));   // AND-ed
     * }</pre>
     *
     * @param conditions the conditions: {@code delete(USERS).where(USERS.age.lt(18))}
     * @return a new statement
     */
    public Delete where(Condition... conditions) {
        return new Delete(table, Select.and(where, conditions), unrestricted, returning);
    }

    /**
     * Confirms that this delete, having no WHERE, is meant to remove every row.
     *
     * <pre>{@code
     * conn.execute(delete(SESSIONS).allRows());
     * }</pre>
     *
     * @return a new statement: {@code delete(SESSIONS).allRows()}
     */
    public Delete allRows() {
        return new Delete(table, where, true, returning);
    }

    /**
     * {@code RETURNING expressions}: {@code delete(USERS).where(...).returning(USERS.id)} (not on MySQL).
     *
     * <pre>{@code
     * List<Long> gone = conn.execute(delete(USERS).where(USERS.active.eq(false)).returning(USERS.id)).scalars();
     * }</pre>
     *
     * @param expressions what to return of each deleted row
     * @return a new statement
     */
    public Delete returning(Expression<?>... expressions) {
        return new Delete(table, where, unrestricted, Arrays.asList(expressions));
    }

    @Override
    public boolean returnsRows() {
        return !returning.isEmpty();
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitDelete(this);
    }
}
