package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import org.tabula.statement.Select;
import org.tabula.type.SqlType;
import org.tabula.type.SqlTypes;

/**
 * A typed SQL expression: a column, a bound value, a function call, an operator applied to
 * other expressions. The operators below build new immutable nodes; values are always bound
 * as parameters, typed by this expression's {@link #type()}.
 *
 * <pre>{@code
 * USERS.age.gt(18).and(USERS.name.startsWith("a"));
 * ORDERS.price.times(ORDERS.quantity).as("total");
 * }</pre>
 *
 * @param <T> the Java type of the expression's values
 */
public interface Expression<T extends @Nullable Object> extends SqlNode {

    /**
     * The SQL type of the values; it drives binding and reading.
     *
     * <pre>{@code
     * SqlType<Integer> type = USERS.age.type();   // SqlTypes.INTEGER
     * }</pre>
     *
     * @return the SQL type of this expression
     */
    SqlType<T> type();

    /**
     * Wraps a value as a parameter of this expression's type; a value is never inlined in SQL.
     *
     * <pre>{@code
     * Expression<Integer> eighteen = USERS.age.bind(18);
     * }</pre>
     *
     * @param value the value to bind, may be {@code null}
     * @return a bind parameter of this expression's type
     */
    default Expression<T> bind(T value) {
        return new BindValue<>(value, type());
    }

    // ---------------------------------------------------------------- comparison

    /**
     * {@code this = value}; {@code eq(null)} is {@code IS NULL}, since {@code = NULL} is never true.
     *
     * <pre>{@code
     * select(USERS.name).from(USERS).where(USERS.id.eq(42L));
     * }</pre>
     *
     * @param value the value to compare with, may be {@code null}
     * @return the condition
     */
    default Condition eq(T value) {
        return value == null ? isNull() : new Comparison(this, ComparisonOperator.EQ, bind(value));
    }

    /**
     * {@code this = other}, comparing with another expression such as a column.
     *
     * <pre>{@code
     * ORDERS.userId.eq(USERS.id);
     * }</pre>
     *
     * @param other the expression to compare with
     * @return the condition
     */
    default Condition eq(Expression<? extends T> other) {
        return new Comparison(this, ComparisonOperator.EQ, other);
    }

    /**
     * {@code this <> value}; {@code ne(null)} is {@code IS NOT NULL}.
     *
     * <pre>{@code
     * select(USERS.name).where(USERS.role.ne("admin"));
     * }</pre>
     *
     * @param value the value to compare with, may be {@code null}
     * @return the condition
     */
    default Condition ne(T value) {
        return value == null ? isNotNull() : new Comparison(this, ComparisonOperator.NE, bind(value));
    }

    /**
     * {@code this <> other}, comparing with another expression.
     *
     * <pre>{@code
     * select(EMPLOYEES.name).where(EMPLOYEES.managerId.ne(EMPLOYEES.id));
     * }</pre>
     *
     * @param other the expression to compare with
     * @return the condition
     */
    default Condition ne(Expression<? extends T> other) {
        return new Comparison(this, ComparisonOperator.NE, other);
    }

    /**
     * {@code this > value}, the value bound as a parameter.
     *
     * <pre>{@code
     * USERS.age.gt(18);
     * }</pre>
     *
     * @param value the value to compare with, never {@code null}
     * @return the condition
     * @throws IllegalArgumentException if {@code value} is {@code null} (use {@link #isNull()})
     */
    default Condition gt(T value) {
        return new Comparison(this, ComparisonOperator.GT, bind(requireValue(value, "gt")));
    }

    /**
     * {@code this > other}, comparing with another expression such as a column.
     *
     * <pre>{@code
     * select(ORDERS.id).where(ORDERS.amount.gt(ORDERS.price));
     * }</pre>
     *
     * @param other the expression to compare with
     * @return the condition
     */
    default Condition gt(Expression<? extends T> other) {
        return new Comparison(this, ComparisonOperator.GT, other);
    }

    /**
     * {@code this >= value}, the value bound as a parameter.
     *
     * <pre>{@code
     * USERS.age.ge(18);
     * }</pre>
     *
     * @param value the value to compare with, never {@code null}
     * @return the condition
     * @throws IllegalArgumentException if {@code value} is {@code null} (use {@link #isNull()})
     */
    default Condition ge(T value) {
        return new Comparison(this, ComparisonOperator.GE, bind(requireValue(value, "ge")));
    }

    /**
     * {@code this >= other}, comparing with another expression such as a column.
     *
     * <pre>{@code
     * select(ORDERS.id).where(ORDERS.amount.ge(ORDERS.price));
     * }</pre>
     *
     * @param other the expression to compare with
     * @return the condition
     */
    default Condition ge(Expression<? extends T> other) {
        return new Comparison(this, ComparisonOperator.GE, other);
    }

    /**
     * {@code this < value}, the value bound as a parameter.
     *
     * <pre>{@code
     * USERS.age.lt(18);
     * }</pre>
     *
     * @param value the value to compare with, never {@code null}
     * @return the condition
     * @throws IllegalArgumentException if {@code value} is {@code null} (use {@link #isNull()})
     */
    default Condition lt(T value) {
        return new Comparison(this, ComparisonOperator.LT, bind(requireValue(value, "lt")));
    }

    /**
     * {@code this < other}, comparing with another expression such as a column.
     *
     * <pre>{@code
     * select(ORDERS.id).where(ORDERS.amount.lt(ORDERS.price));
     * }</pre>
     *
     * @param other the expression to compare with
     * @return the condition
     */
    default Condition lt(Expression<? extends T> other) {
        return new Comparison(this, ComparisonOperator.LT, other);
    }

    /**
     * {@code this <= value}, the value bound as a parameter.
     *
     * <pre>{@code
     * USERS.age.le(18);
     * }</pre>
     *
     * @param value the value to compare with, never {@code null}
     * @return the condition
     * @throws IllegalArgumentException if {@code value} is {@code null} (use {@link #isNull()})
     */
    default Condition le(T value) {
        return new Comparison(this, ComparisonOperator.LE, bind(requireValue(value, "le")));
    }

    /**
     * {@code this <= other}, comparing with another expression such as a column.
     *
     * <pre>{@code
     * select(ORDERS.id).where(ORDERS.amount.le(ORDERS.price));
     * }</pre>
     *
     * @param other the expression to compare with
     * @return the condition
     */
    default Condition le(Expression<? extends T> other) {
        return new Comparison(this, ComparisonOperator.LE, other);
    }

    /**
     * {@code this IS NULL}.
     *
     * <pre>{@code
     * USERS.email.isNull();
     * }</pre>
     *
     * @return the condition
     */
    default Condition isNull() {
        return new NullTest(this, false);
    }

    /**
     * {@code this IS NOT NULL}.
     *
     * <pre>{@code
     * select(USERS.name).where(USERS.email.isNotNull());
     * }</pre>
     *
     * @return the condition
     */
    default Condition isNotNull() {
        return new NullTest(this, true);
    }

    /**
     * {@code this IN (...)}, each value bound as a parameter. An empty collection yields a
     * condition that is always false, never the invalid SQL {@code IN ()}.
     *
     * <pre>{@code
     * USERS.id.in(List.of(1L, 2L, 3L));
     * }</pre>
     *
     * @param values the values, none of them {@code null}
     * @return the condition
     * @throws IllegalArgumentException if {@code values} is or contains {@code null}
     */
    default Condition in(Iterable<? extends T> values) {
        return InList.of(this, values, false);
    }

    /**
     * {@code this IN (SELECT ...)}.
     *
     * <pre>{@code
     * USERS.id.in(select(ORDERS.userId).from(ORDERS));
     * }</pre>
     *
     * @param subquery a select of one column
     * @return the condition
     */
    default Condition in(Select subquery) {
        return new InSubquery(this, subquery, false);
    }

    /**
     * {@code this NOT IN (...)}; an empty collection yields a condition that is always true.
     *
     * <pre>{@code
     * select(USERS.name).where(USERS.role.notIn(List.of("admin", "owner")));
     * }</pre>
     *
     * @param values the values, none of them {@code null}
     * @return the condition
     * @throws IllegalArgumentException if {@code values} is or contains {@code null}
     */
    default Condition notIn(Iterable<? extends T> values) {
        return InList.of(this, values, true);
    }

    /**
     * {@code this NOT IN (SELECT ...)}.
     *
     * <pre>{@code
     * select(USERS.name).where(USERS.id.notIn(select(ORDERS.userId).from(ORDERS)));
     * }</pre>
     *
     * @param subquery a select of one column
     * @return the condition
     */
    default Condition notIn(Select subquery) {
        return new InSubquery(this, subquery, true);
    }

    /**
     * {@code this BETWEEN low AND high}, both bounds included and bound as parameters.
     *
     * <pre>{@code
     * USERS.age.between(18, 65);
     * }</pre>
     *
     * @param low  the lower bound, never {@code null}
     * @param high the upper bound, never {@code null}
     * @return the condition
     * @throws IllegalArgumentException if a bound is {@code null}
     */
    default Condition between(T low, T high) {
        return new Between(this, bind(requireValue(low, "between")), bind(requireValue(high, "between")), false);
    }

    /**
     * {@code this BETWEEN low AND high} with expressions as bounds.
     *
     * <pre>{@code
     * select(ORDERS.id).where(ORDERS.amount.between(ORDERS.price, ORDERS.price.times(2L)));
     * }</pre>
     *
     * @param low  the lower bound
     * @param high the upper bound
     * @return the condition
     */
    default Condition between(Expression<? extends T> low, Expression<? extends T> high) {
        return new Between(this, low, high, false);
    }

    /**
     * {@code this NOT BETWEEN low AND high}.
     *
     * <pre>{@code
     * select(USERS.name).where(USERS.age.notBetween(18, 65));
     * }</pre>
     *
     * @param low  the lower bound, never {@code null}
     * @param high the upper bound, never {@code null}
     * @return the condition
     * @throws IllegalArgumentException if a bound is {@code null}
     */
    default Condition notBetween(T low, T high) {
        return new Between(this, bind(requireValue(low, "notBetween")), bind(requireValue(high, "notBetween")), true);
    }

    // ---------------------------------------------------------------- strings

    /**
     * {@code this LIKE pattern}; {@code %} and {@code _} in the pattern are wildcards.
     *
     * <pre>{@code
     * USERS.name.like("a%n");
     * }</pre>
     *
     * @param pattern the pattern, bound as a parameter
     * @return the condition
     * @throws IllegalArgumentException if {@code pattern} is {@code null}
     */
    default Condition like(String pattern) {
        return new Like(this, new BindValue<>(requireValue(pattern, "like"), SqlTypes.VARCHAR), false, false, false);
    }

    /**
     * {@code this NOT LIKE pattern}; {@code %} and {@code _} in the pattern are wildcards.
     *
     * <pre>{@code
     * select(USERS.name).where(USERS.email.notLike("%@example.com"));
     * }</pre>
     *
     * @param pattern the pattern, bound as a parameter
     * @return the condition
     * @throws IllegalArgumentException if {@code pattern} is {@code null}
     */
    default Condition notLike(String pattern) {
        return new Like(this, new BindValue<>(requireValue(pattern, "notLike"), SqlTypes.VARCHAR), true, false, false);
    }

    /**
     * Case-insensitive LIKE on every dialect ({@code ILIKE} on PostgreSQL, {@code lower()} elsewhere).
     *
     * <pre>{@code
     * USERS.name.ilike("ann%");
     * }</pre>
     *
     * @param pattern the pattern, bound as a parameter
     * @return the condition
     * @throws IllegalArgumentException if {@code pattern} is {@code null}
     */
    default Condition ilike(String pattern) {
        return new Like(this, new BindValue<>(requireValue(pattern, "ilike"), SqlTypes.VARCHAR), false, false, true);
    }

    /**
     * Substring match; {@code %} and {@code _} in {@code text} match themselves.
     *
     * <pre>{@code
     * USERS.email.contains("100%");
     * }</pre>
     *
     * @param text the text to find
     * @return the condition
     * @throws IllegalArgumentException if {@code text} is {@code null}
     */
    default Condition contains(String text) {
        return Like.escaped(this, "%", requireValue(text, "contains"), "%");
    }

    /**
     * Prefix match; {@code %} and {@code _} in {@code prefix} match themselves.
     *
     * <pre>{@code
     * USERS.name.startsWith("a");
     * }</pre>
     *
     * @param prefix the prefix
     * @return the condition
     * @throws IllegalArgumentException if {@code prefix} is {@code null}
     */
    default Condition startsWith(String prefix) {
        return Like.escaped(this, "", requireValue(prefix, "startsWith"), "%");
    }

    /**
     * Suffix match; {@code %} and {@code _} in {@code suffix} match themselves.
     *
     * <pre>{@code
     * select(USERS.name).where(USERS.email.endsWith("@example.com"));
     * }</pre>
     *
     * @param suffix the suffix
     * @return the condition
     * @throws IllegalArgumentException if {@code suffix} is {@code null}
     */
    default Condition endsWith(String suffix) {
        return Like.escaped(this, "%", requireValue(suffix, "endsWith"), "");
    }

    /**
     * String concatenation ({@code ||} or {@code CONCAT()} per dialect); chains stay one flat node.
     *
     * <pre>{@code
     * USERS.firstName.concat(" ").concat(USERS.lastName).as("full_name");
     * }</pre>
     *
     * @param other the expression appended
     * @return the concatenation
     */
    default Expression<String> concat(Expression<?> other) {
        List<Expression<?>> parts = new ArrayList<>();
        if (this instanceof Concat c) {
            parts.addAll(c.parts());
        } else {
            parts.add(this);
        }
        parts.add(other);
        return new Concat(List.copyOf(parts));
    }

    /**
     * Concatenates a text, bound as a parameter.
     *
     * <pre>{@code
     * Expression<String> greeting = USERS.name.concat("!");
     * }</pre>
     *
     * @param text the text appended
     * @return the concatenation
     * @throws IllegalArgumentException if {@code text} is {@code null}
     */
    default Expression<String> concat(String text) {
        return concat(new BindValue<>(requireValue(text, "concat"), SqlTypes.VARCHAR));
    }

    // ---------------------------------------------------------------- arithmetic

    /**
     * {@code this + value}, typed like this expression.
     *
     * <pre>{@code
     * ORDERS.quantity.plus(2L);
     * }</pre>
     *
     * @param value the operand, never {@code null}
     * @return the arithmetic expression
     * @throws IllegalArgumentException if {@code value} is {@code null}
     */
    default Expression<T> plus(T value) {
        return new Arithmetic<>(this, ArithmeticOperator.PLUS, bind(requireValue(value, "plus")), type());
    }

    /**
     * {@code this + other}, typed like this expression.
     *
     * <pre>{@code
     * Expression<Long> total = ORDERS.price.plus(ORDERS.amount);
     * }</pre>
     *
     * @param other the operand
     * @return the arithmetic expression
     */
    default Expression<T> plus(Expression<? extends T> other) {
        return new Arithmetic<>(this, ArithmeticOperator.PLUS, other, type());
    }

    /**
     * {@code this - value}, typed like this expression.
     *
     * <pre>{@code
     * ORDERS.quantity.minus(2L);
     * }</pre>
     *
     * @param value the operand, never {@code null}
     * @return the arithmetic expression
     * @throws IllegalArgumentException if {@code value} is {@code null}
     */
    default Expression<T> minus(T value) {
        return new Arithmetic<>(this, ArithmeticOperator.MINUS, bind(requireValue(value, "minus")), type());
    }

    /**
     * {@code this - other}, typed like this expression.
     *
     * <pre>{@code
     * Expression<Long> rest = ORDERS.amount.minus(ORDERS.price);
     * }</pre>
     *
     * @param other the operand
     * @return the arithmetic expression
     */
    default Expression<T> minus(Expression<? extends T> other) {
        return new Arithmetic<>(this, ArithmeticOperator.MINUS, other, type());
    }

    /**
     * {@code this * value}, typed like this expression.
     *
     * <pre>{@code
     * ORDERS.quantity.times(2L);
     * }</pre>
     *
     * @param value the operand, never {@code null}
     * @return the arithmetic expression
     * @throws IllegalArgumentException if {@code value} is {@code null}
     */
    default Expression<T> times(T value) {
        return new Arithmetic<>(this, ArithmeticOperator.TIMES, bind(requireValue(value, "times")), type());
    }

    /**
     * {@code this * other}, typed like this expression.
     *
     * <pre>{@code
     * Expression<Long> total = ORDERS.price.times(ORDERS.quantity);
     * }</pre>
     *
     * @param other the operand
     * @return the arithmetic expression
     */
    default Expression<T> times(Expression<? extends T> other) {
        return new Arithmetic<>(this, ArithmeticOperator.TIMES, other, type());
    }

    /**
     * {@code this / value}, typed like this expression.
     *
     * <pre>{@code
     * ORDERS.quantity.div(2L);
     * }</pre>
     *
     * @param value the operand, never {@code null}
     * @return the arithmetic expression
     * @throws IllegalArgumentException if {@code value} is {@code null}
     */
    default Expression<T> div(T value) {
        return new Arithmetic<>(this, ArithmeticOperator.DIV, bind(requireValue(value, "div")), type());
    }

    /**
     * {@code this / other}, typed like this expression.
     *
     * <pre>{@code
     * Expression<Long> each = ORDERS.amount.div(ORDERS.quantity);
     * }</pre>
     *
     * @param other the operand
     * @return the arithmetic expression
     */
    default Expression<T> div(Expression<? extends T> other) {
        return new Arithmetic<>(this, ArithmeticOperator.DIV, other, type());
    }

    /**
     * {@code this % value} (the remainder), typed like this expression.
     *
     * <pre>{@code
     * select(USERS.name).where(USERS.id.mod(2L).eq(0L));   // even ids
     * }</pre>
     *
     * @param value the divisor, never {@code null}
     * @return the arithmetic expression
     * @throws IllegalArgumentException if {@code value} is {@code null}
     */
    default Expression<T> mod(T value) {
        return new Arithmetic<>(this, ArithmeticOperator.MOD, bind(requireValue(value, "mod")), type());
    }

    // ---------------------------------------------------------------- naming, ordering, casting

    /**
     * {@code this AS alias} in a select list; the alias is quoted by the dialect.
     *
     * <pre>{@code
     * select(ORDERS.price.times(ORDERS.quantity).as("total")).from(ORDERS);
     * }</pre>
     *
     * @param alias the alias, a valid identifier
     * @return the aliased expression
     * @throws IllegalArgumentException if {@code alias} is empty or not a valid identifier
     */
    default Aliased<T> as(String alias) {
        return new Aliased<>(this, alias);
    }

    /**
     * An ascending ORDER BY item.
     *
     * <pre>{@code
     * select(USERS.name).from(USERS).orderBy(USERS.name.asc());
     * }</pre>
     *
     * @return the order item
     */
    default OrderItem asc() {
        return new OrderItem(this, false, NullOrdering.DEFAULT);
    }

    /**
     * A descending ORDER BY item.
     *
     * <pre>{@code
     * select(USERS.name).from(USERS).orderBy(USERS.createdAt.desc());
     * }</pre>
     *
     * @return the order item
     */
    default OrderItem desc() {
        return new OrderItem(this, true, NullOrdering.DEFAULT);
    }

    /**
     * {@code CAST(this AS type)}; the result is read with the target type.
     *
     * <pre>{@code
     * Expression<String> idText = USERS.id.cast(SqlTypes.VARCHAR);
     * }</pre>
     *
     * @param target the SQL type to convert to
     * @param <R>    the Java type of the target
     * @return the cast expression
     */
    default <R extends @Nullable Object> Expression<R> cast(SqlType<R> target) {
        return new Cast<>(this, target);
    }

    /** Rejects {@code null} where SQL would silently compare to unknown. */
    private static <V extends @Nullable Object> V requireValue(V value, String operator) {
        if (value == null) {
            throw new IllegalArgumentException(operator + "(null) is never true in SQL; use isNull()/isNotNull()");
        }
        return value;
    }
}
