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
 * select(USERS.name).from(USERS).union(select(ADMINS.name).from(ADMINS)).limit(10);
 * }</pre>
 */
public record SetOperation(Kind kind, List<Select> selects, List<OrderItem> orderBy, Long limit, Long offset)
        implements Statement {

    /** UNION, UNION ALL. */
    public enum Kind {
        /** Rows of both queries, duplicates removed. */
        UNION,
        /** Rows of both queries, duplicates kept. */
        UNION_ALL
    }

    /**
     * Copies the lists; build one with {@code select(...).union(select(...))}.
     *
     * @param kind UNION or UNION ALL
     * @param selects the queries, in order
     * @param orderBy the ORDER BY items of the whole
     * @param limit the LIMIT of the whole, or {@code null}
     * @param offset the OFFSET of the whole, or {@code null}
     */
    public SetOperation {
        selects = List.copyOf(selects);
        orderBy = List.copyOf(orderBy);
    }

    /**
     * Adds another query with UNION: {@code a.union(b).union(c)}.
     *
     * <pre>{@code
     * SetOperation all = select(USERS.name).from(USERS).union(select(ADMINS.name).from(ADMINS)).union(select(TAGS.name).from(TAGS));
     * }</pre>
     *
     * @param other the query
     * @return a new set operation
     */
    public SetOperation union(Select other) {
        return add(Kind.UNION, other);
    }

    /**
     * Adds another query with UNION ALL.
     *
     * <pre>{@code
     * SetOperation all = select(USERS.name).from(USERS).union(select(ADMINS.name).from(ADMINS)).unionAll(select(TAGS.name).from(TAGS));
     * }</pre>
     *
     * @param other the query
     * @return a new set operation
     */
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

    /**
     * Orders the whole result: {@code a.union(b).orderBy(USERS.name.asc())}.
     *
     * <pre>{@code
     * SetOperation sorted = select(USERS.name).from(USERS).union(select(ADMINS.name).from(ADMINS)).orderBy(USERS.name.asc());
     * }</pre>
     *
     * @param items the sort items
     * @return a new set operation
     */
    public SetOperation orderBy(OrderItem... items) {
        List<OrderItem> next = new ArrayList<>(orderBy);
        next.addAll(Arrays.asList(items));
        return new SetOperation(kind, selects, next, limit, offset);
    }

    /**
     * At most {@code rows} rows of the whole.
     *
     * <pre>{@code
     * SetOperation first = select(USERS.name).from(USERS).union(select(ADMINS.name).from(ADMINS)).limit(10);
     * }</pre>
     *
     * @param rows the limit
     * @return a new set operation
     */
    public SetOperation limit(long rows) {
        return new SetOperation(kind, selects, orderBy, rows, offset);
    }

    /**
     * Skips the first {@code rows} rows of the whole.
     *
     * <pre>{@code
     * SetOperation next = select(USERS.name).from(USERS).union(select(ADMINS.name).from(ADMINS)).limit(10).offset(10);
     * }</pre>
     *
     * @param rows how many to skip
     * @return a new set operation
     */
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
