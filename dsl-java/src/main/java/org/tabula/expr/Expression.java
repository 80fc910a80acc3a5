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
 * USERS.age.gt(18).and(USERS.name.startsWith("a"))
 * ORDERS.price.times(ORDERS.quantity).as("total")
 * }</pre>
 *
 * @param <T> the Java type of the expression's values
 */
public interface Expression<T extends @Nullable Object> extends SqlNode {

    /** The SQL type of the values; drives binding and reading. */
    SqlType<T> type();

    /** Wraps a value as a parameter of this expression's type; a value is never inlined in SQL. */
    default Expression<T> bind(T value) {
        return new BindValue<>(value, type());
    }

    // ---------------------------------------------------------------- comparison

    /** {@code this = value}; {@code eq(null)} is {@code IS NULL}. */
    default Condition eq(T value) {
        return value == null ? isNull() : new Comparison(this, ComparisonOperator.EQ, bind(value));
    }

    default Condition eq(Expression<? extends T> other) {
        return new Comparison(this, ComparisonOperator.EQ, other);
    }

    /** {@code this <> value}; {@code ne(null)} is {@code IS NOT NULL}. */
    default Condition ne(T value) {
        return value == null ? isNotNull() : new Comparison(this, ComparisonOperator.NE, bind(value));
    }

    default Condition ne(Expression<? extends T> other) {
        return new Comparison(this, ComparisonOperator.NE, other);
    }

    default Condition gt(T value) {
        return new Comparison(this, ComparisonOperator.GT, bind(requireValue(value, "gt")));
    }

    default Condition gt(Expression<? extends T> other) {
        return new Comparison(this, ComparisonOperator.GT, other);
    }

    default Condition ge(T value) {
        return new Comparison(this, ComparisonOperator.GE, bind(requireValue(value, "ge")));
    }

    default Condition ge(Expression<? extends T> other) {
        return new Comparison(this, ComparisonOperator.GE, other);
    }

    default Condition lt(T value) {
        return new Comparison(this, ComparisonOperator.LT, bind(requireValue(value, "lt")));
    }

    default Condition lt(Expression<? extends T> other) {
        return new Comparison(this, ComparisonOperator.LT, other);
    }

    default Condition le(T value) {
        return new Comparison(this, ComparisonOperator.LE, bind(requireValue(value, "le")));
    }

    default Condition le(Expression<? extends T> other) {
        return new Comparison(this, ComparisonOperator.LE, other);
    }

    default Condition isNull() {
        return new NullTest(this, false);
    }

    default Condition isNotNull() {
        return new NullTest(this, true);
    }

    /**
     * {@code this IN (...)}. An empty collection yields a condition that is always false,
     * never the invalid SQL {@code IN ()}.
     */
    default Condition in(Iterable<? extends T> values) {
        return InList.of(this, values, false);
    }

    default Condition in(Select subquery) {
        return new InSubquery(this, subquery, false);
    }

    /** {@code this NOT IN (...)}; an empty collection yields a condition that is always true. */
    default Condition notIn(Iterable<? extends T> values) {
        return InList.of(this, values, true);
    }

    default Condition notIn(Select subquery) {
        return new InSubquery(this, subquery, true);
    }

    default Condition between(T low, T high) {
        return new Between(this, bind(requireValue(low, "between")), bind(requireValue(high, "between")), false);
    }

    default Condition between(Expression<? extends T> low, Expression<? extends T> high) {
        return new Between(this, low, high, false);
    }

    default Condition notBetween(T low, T high) {
        return new Between(this, bind(requireValue(low, "notBetween")), bind(requireValue(high, "notBetween")), true);
    }

    // ---------------------------------------------------------------- strings

    /** {@code this LIKE pattern}; {@code %} and {@code _} in the pattern are wildcards. */
    default Condition like(String pattern) {
        return new Like(this, new BindValue<>(requireValue(pattern, "like"), SqlTypes.VARCHAR), false, false, false);
    }

    default Condition notLike(String pattern) {
        return new Like(this, new BindValue<>(requireValue(pattern, "notLike"), SqlTypes.VARCHAR), true, false, false);
    }

    /** Case-insensitive LIKE on every dialect ({@code ILIKE} on PostgreSQL, {@code lower()} elsewhere). */
    default Condition ilike(String pattern) {
        return new Like(this, new BindValue<>(requireValue(pattern, "ilike"), SqlTypes.VARCHAR), false, false, true);
    }

    /** Substring match; {@code %} and {@code _} in {@code text} match themselves. */
    default Condition contains(String text) {
        return Like.escaped(this, "%", requireValue(text, "contains"), "%");
    }

    default Condition startsWith(String prefix) {
        return Like.escaped(this, "", requireValue(prefix, "startsWith"), "%");
    }

    default Condition endsWith(String suffix) {
        return Like.escaped(this, "%", requireValue(suffix, "endsWith"), "");
    }

    /** String concatenation ({@code ||} or {@code CONCAT()} per dialect). */
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

    default Expression<String> concat(String text) {
        return concat(new BindValue<>(requireValue(text, "concat"), SqlTypes.VARCHAR));
    }

    // ---------------------------------------------------------------- arithmetic

    default Expression<T> plus(T value) {
        return new Arithmetic<>(this, ArithmeticOperator.PLUS, bind(requireValue(value, "plus")), type());
    }

    default Expression<T> plus(Expression<? extends T> other) {
        return new Arithmetic<>(this, ArithmeticOperator.PLUS, other, type());
    }

    default Expression<T> minus(T value) {
        return new Arithmetic<>(this, ArithmeticOperator.MINUS, bind(requireValue(value, "minus")), type());
    }

    default Expression<T> minus(Expression<? extends T> other) {
        return new Arithmetic<>(this, ArithmeticOperator.MINUS, other, type());
    }

    default Expression<T> times(T value) {
        return new Arithmetic<>(this, ArithmeticOperator.TIMES, bind(requireValue(value, "times")), type());
    }

    default Expression<T> times(Expression<? extends T> other) {
        return new Arithmetic<>(this, ArithmeticOperator.TIMES, other, type());
    }

    default Expression<T> div(T value) {
        return new Arithmetic<>(this, ArithmeticOperator.DIV, bind(requireValue(value, "div")), type());
    }

    default Expression<T> div(Expression<? extends T> other) {
        return new Arithmetic<>(this, ArithmeticOperator.DIV, other, type());
    }

    default Expression<T> mod(T value) {
        return new Arithmetic<>(this, ArithmeticOperator.MOD, bind(requireValue(value, "mod")), type());
    }

    // ---------------------------------------------------------------- naming, ordering, casting

    /** {@code this AS alias} in a select list; the alias is quoted by the dialect. */
    default Aliased<T> as(String alias) {
        return new Aliased<>(this, alias);
    }

    default OrderItem asc() {
        return new OrderItem(this, false, NullOrdering.DEFAULT);
    }

    default OrderItem desc() {
        return new OrderItem(this, true, NullOrdering.DEFAULT);
    }

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
