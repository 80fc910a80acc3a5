package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * {@code a AND b AND ...} or {@code a OR b OR ...}, flattened so deep chains stay shallow.
 * Build it with {@link Condition#and} and {@link Condition#or}.
 *
 * <pre>{@code
 * Condition any = Junction.of(Junction.Kind.OR, List.of(USERS.age.lt(18), USERS.age.ge(65)));
 * }</pre>
 *
 * @param kind       AND or OR
 * @param conditions the joined conditions, in order
 */
public record Junction(Kind kind, List<Condition> conditions) implements Condition {

    /** AND or OR. */
    public enum Kind {
        /** All conditions hold. */
        AND,
        /** At least one condition holds. */
        OR
    }

    /**
     * Copies the conditions, so the node stays immutable.
     *
     * @param kind AND or OR
     * @param conditions the joined conditions, in order
     */
    public Junction {
        conditions = List.copyOf(conditions);
    }

    /**
     * Joins conditions, flattening nested junctions of the same kind and folding constants.
     *
     * <pre>{@code
     * Condition all = Junction.of(Junction.Kind.AND, filters);
     * }</pre>
     *
     * @param kind  AND or OR
     * @param parts the conditions to join
     * @return the junction, the single remaining condition, or a constant when one decides it
     */
    public static Condition of(Kind kind, List<? extends Condition> parts) {
        // Two indexed passes over the parts, sizing the result exactly: building a statement calls this per where().
        List<? extends Condition> all = parts instanceof RandomAccess ? parts : new ArrayList<>(parts);
        int size = 0;
        for (int i = 0; i < all.size(); i++) {
            Condition part = all.get(i);
            if (part instanceof Junction j && j.kind == kind) {
                size += j.conditions.size();
            } else if (part instanceof ConstantCondition c) {
                // TRUE AND x == x; FALSE OR x == x; the other cases decide the whole junction.
                if (c.value() != (kind == Kind.AND)) {
                    return c;
                }
            } else {
                size++;
            }
        }
        if (size == 0) {
            return ConstantCondition.of(kind == Kind.AND);
        }
        Condition[] flat = new Condition[size];
        int n = 0;
        for (int i = 0; i < all.size(); i++) {
            Condition part = all.get(i);
            if (part instanceof Junction j && j.kind == kind) {
                List<Condition> inner = j.conditions;
                for (int k = 0; k < inner.size(); k++) {
                    flat[n++] = inner.get(k);
                }
            } else if (!(part instanceof ConstantCondition)) {
                flat[n++] = part;
            }
        }
        return size == 1 ? flat[0] : new Junction(kind, List.of(flat));
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitJunction(this);
    }
}
