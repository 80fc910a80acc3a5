package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import org.tabula.type.SqlType;

/**
 * {@code CASE WHEN c1 THEN r1 ... ELSE e END}.
 *
 * <pre>{@code
 * Expression<String> size = Sql.caseWhen(USERS.age.lt(18), "minor")
 *                              .when(USERS.age.lt(65), "adult")
 *                              .otherwise("senior");
 * }</pre>
 */
public record Case<T extends @Nullable Object>(List<When<T>> whens, @Nullable Expression<T> otherwise, SqlType<T> type) implements Expression<T> {

    /** One {@code WHEN condition THEN result} arm. */
    public record When<T extends @Nullable Object>(Condition condition, Expression<T> result) {
    }

    public Case {
        whens = List.copyOf(whens);
    }

    /** Adds an arm. */
    public Case<T> when(Condition condition, Expression<T> result) {
        List<When<T>> next = new ArrayList<>(whens);
        next.add(new When<>(condition, result));
        return new Case<>(next, otherwise, type);
    }

    /** Adds an arm whose result is a bound value. */
    public Case<T> when(Condition condition, T result) {
        return when(condition, new BindValue<>(result, type));
    }

    /** Sets the ELSE result. */
    public Case<T> otherwise(Expression<T> result) {
        return new Case<>(whens, result, type);
    }

    public Case<T> otherwise(T result) {
        return otherwise(new BindValue<>(result, type));
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitCase(this);
    }
}
