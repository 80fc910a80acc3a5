package org.tabula.statement;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tabula.expr.OrderItem;
import org.tabula.expr.SqlVisitor;

/**
 * {@code SELECT ... UNION [ALL] SELECT ...}, with an optional ORDER BY / LIMIT over the whole.
 *
 * <pre>{@code
 * select(USERS.name).from(USERS).union(select(ADMINS.name).from(ADMINS)).limit(10)
 * }</pre>
 */
public record SetOperation(Kind kind, List<Select> selects, List<OrderItem> orderBy, Long limit, Long offset)
        implements Statement {

    /** UNION, UNION ALL. */
    public enum Kind {
        UNION, UNION_ALL
    }

    public SetOperation {
        selects = List.copyOf(selects);
        orderBy = List.copyOf(orderBy);
    }

    public SetOperation union(Select other) {
        return add(Kind.UNION, other);
    }

    public SetOperation unionAll(Select other) {
        return add(Kind.UNION_ALL, other);
    }

    private SetOperation add(Kind k, Select other) {
        if (k != kind) {
            throw new IllegalStateException("mixing UNION and UNION ALL in one chain; nest them as subqueries");
        }
        List<Select> next = new ArrayList<>(selects);
        next.add(other);
        return new SetOperation(kind, next, orderBy, limit, offset);
    }

    public SetOperation orderBy(OrderItem... items) {
        List<OrderItem> next = new ArrayList<>(orderBy);
        next.addAll(Arrays.asList(items));
        return new SetOperation(kind, selects, next, limit, offset);
    }

    public SetOperation limit(long rows) {
        return new SetOperation(kind, selects, orderBy, rows, offset);
    }

    public SetOperation offset(long rows) {
        return new SetOperation(kind, selects, orderBy, limit, rows);
    }

    @Override
    public boolean returnsRows() {
        return true;
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitSetOperation(this);
    }
}
