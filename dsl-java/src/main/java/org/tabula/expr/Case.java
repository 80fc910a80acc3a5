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
 *
 * @param whens     the WHEN arms, in order
 * @param otherwise the ELSE result, or {@code null} for none (NULL)
 * @param type      the SQL type of the result
 * @param <T>       the Java type of the result
 */
public record Case<T extends @Nullable Object>(List<When<T>> whens, @Nullable Expression<T> otherwise, SqlType<T> type) implements Expression<T> {

    /**
     * One {@code WHEN condition THEN result} arm.
     *
     * @param condition the condition of the arm
     * @param result    the result when the condition holds
     * @param <T>       the Java type of the result
     */
    public record When<T extends @Nullable Object>(Condition condition, Expression<T> result) {
    }

    /**
     * Copies the arms, so the node stays immutable.
     *
     * @param whens the WHEN arms, in order
     * @param otherwise the ELSE result, or {@code null} for none
     * @param type the SQL type of the result
     */
    public Case {
        whens = List.copyOf(whens);
    }

    /**
     * Adds an arm whose result is an expression.
     *
     * <pre>{@code
     * Sql.caseWhen(USERS.age.lt(18), "minor").when(USERS.age.ge(65), USERS.role);
     * }</pre>
     *
     * @param condition the condition of the arm
     * @param result    the result when the condition holds
     * @return a new CASE with the arm added last
     */
    public Case<T> when(Condition condition, Expression<T> result) {
        List<When<T>> next = new ArrayList<>(whens);
        next.add(new When<>(condition, result));
        return new Case<>(next, otherwise, type);
    }

    /**
     * Adds an arm whose result is a bound value.
     *
     * <pre>{@code
     * Sql.caseWhen(USERS.age.lt(18), "minor").when(USERS.age.lt(65), "adult");
     * }</pre>
     *
     * @param condition the condition of the arm
     * @param result    the result when the condition holds, bound as a parameter
     * @return a new CASE with the arm added last
     */
    public Case<T> when(Condition condition, T result) {
        return when(condition, new BindValue<>(result, type));
    }

    /**
     * Sets the ELSE result to an expression.
     *
     * <pre>{@code
     * Expression<String> shown = Sql.caseWhen(USERS.nickname.isNull(), USERS.name).otherwise(USERS.nickname);
     * }</pre>
     *
     * @param result the result when no arm holds
     * @return a new CASE with this ELSE
     */
    public Case<T> otherwise(Expression<T> result) {
        return new Case<>(whens, result, type);
    }

    /**
     * Sets the ELSE result to a bound value.
     *
     * <pre>{@code
     * Sql.caseWhen(USERS.age.lt(18), "minor").otherwise("adult");
     * }</pre>
     *
     * @param result the result when no arm holds, bound as a parameter
     * @return a new CASE with this ELSE
     */
    public Case<T> otherwise(T result) {
        return otherwise(new BindValue<>(result, type));
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitCase(this);
    }
}
