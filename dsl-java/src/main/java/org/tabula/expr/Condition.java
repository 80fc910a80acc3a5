package org.tabula.expr;

import java.util.List;
import org.tabula.type.SqlType;
import org.tabula.type.SqlTypes;

/**
 * A boolean expression usable in WHERE, HAVING, ON and CASE WHEN.
 *
 * <pre>{@code
 * Condition adults = USERS.age.ge(18).and(USERS.name.isNotNull());
 * Condition either = adults.or(USERS.admin.eq(true)).not();
 * }</pre>
 */
public interface Condition extends Expression<Boolean> {

    @Override
    default SqlType<Boolean> type() {
        return SqlTypes.BOOLEAN;
    }

    /**
     * {@code this AND other}; nested ANDs are flattened and constants folded.
     *
     * <pre>{@code
     * USERS.age.ge(18).and(USERS.active.eq(true));
     * }</pre>
     *
     * @param other the other condition
     * @return the conjunction
     */
    default Condition and(Condition other) {
        return Junction.of(Junction.Kind.AND, List.of(this, other));
    }

    /**
     * {@code this OR other}; nested ORs are flattened and constants folded.
     *
     * <pre>{@code
     * USERS.role.eq("admin").or(USERS.role.eq("owner"));
     * }</pre>
     *
     * @param other the other condition
     * @return the disjunction
     */
    default Condition or(Condition other) {
        return Junction.of(Junction.Kind.OR, List.of(this, other));
    }

    /**
     * {@code NOT this}; negating a negation gives back the original condition.
     *
     * <pre>{@code
     * USERS.name.startsWith("a").not();
     * }</pre>
     *
     * @return the negated condition
     */
    default Condition not() {
        return this instanceof Not n ? n.condition() : new Not(this);
    }
}
