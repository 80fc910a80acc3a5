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

    default Condition and(Condition other) {
        return Junction.of(Junction.Kind.AND, List.of(this, other));
    }

    default Condition or(Condition other) {
        return Junction.of(Junction.Kind.OR, List.of(this, other));
    }

    default Condition not() {
        return this instanceof Not n ? n.condition() : new Not(this);
    }
}
