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
 * delete(USERS).where(USERS.id.eq(1L))
 * delete(SESSIONS).allRows()                 // no WHERE: must be said explicitly
 * }</pre>
 */
public record Delete(Table table, @Nullable Condition where, boolean unrestricted, List<Expression<?>> returning)
        implements Statement {

    public Delete {
        Objects.requireNonNull(table, "table");
        returning = List.copyOf(returning);
    }

    public static Delete from(Table table) {
        return new Delete(table, null, false, List.of());
    }

    /** Adds WHERE conditions, AND-ed. */
    public Delete where(Condition... conditions) {
        return new Delete(table, Select.and(where, conditions), unrestricted, returning);
    }

    /** Confirms that this delete, having no WHERE, is meant to remove every row. */
    public Delete allRows() {
        return new Delete(table, where, true, returning);
    }

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
