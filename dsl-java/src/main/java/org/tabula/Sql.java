package org.tabula;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tabula.expr.BindParam;
import org.tabula.expr.BindValue;
import org.tabula.expr.Case;
import org.tabula.expr.Condition;
import org.tabula.expr.Exists;
import org.tabula.expr.Expression;
import org.tabula.expr.FunctionCall;
import org.tabula.expr.Junction;
import org.tabula.expr.RawSql;
import org.tabula.expr.Star;
import org.tabula.schema.Table;
import org.tabula.statement.CreateTable;
import org.tabula.statement.Delete;
import org.tabula.statement.DropTable;
import org.tabula.statement.Insert;
import org.tabula.statement.Select;
import org.tabula.statement.Select1;
import org.tabula.statement.TextStatement;
import org.tabula.statement.Update;
import org.tabula.type.SqlType;
import org.tabula.type.SqlTypes;

/**
 * The static entry points of the SQL expression language; import them all with
 * {@code import static org.tabula.Sql.*;}.
 *
 * <pre>{@code
 * var q = select(USERS.name, count(POSTS.id).as("posts"))
 *     .from(USERS).leftJoin(POSTS)
 *     .where(or(USERS.name.startsWith("a"), USERS.age.in(List.of(18, 21))))
 *     .groupBy(USERS.name)
 *     .having(count(POSTS.id).gt(2L));
 * }</pre>
 */
public final class Sql {

    private Sql() {
    }

    // ---------------------------------------------------------------- statements

    /** {@code SELECT expressions}; FROM is inferred from the columns unless given. */
    public static Select select(Expression<?>... expressions) {
        return Select.of(Arrays.asList(expressions));
    }

    /**
     * {@code SELECT expression}, typed by it: {@code conn.execute(select(USERS.id)).scalarOne()} is a
     * {@code Long}, {@code scalars()} a {@code List<Long>}.
     */
    public static <T extends @org.jspecify.annotations.Nullable Object> Select1<T> select(Expression<T> expression) {
        return Select1.of(expression);
    }

    public static Select select(List<? extends Expression<?>> expressions) {
        return Select.of(expressions);
    }

    /** {@code SELECT every column FROM table}. */
    public static Select select(Table table) {
        return Select.of(table);
    }

    public static Insert insert(Table table) {
        return Insert.into(table);
    }

    public static Update update(Table table) {
        return Update.of(table);
    }

    public static Delete delete(Table table) {
        return Delete.from(table);
    }

    /** Hand-written SQL with {@code :named} parameters. */
    public static TextStatement text(String sql) {
        return TextStatement.of(sql);
    }

    public static CreateTable createTable(Table table) {
        return new CreateTable(table, true);
    }

    public static DropTable dropTable(Table table) {
        return new DropTable(table, true);
    }

    // ---------------------------------------------------------------- values and parameters

    /** A bound value of the given type. */
    public static <T extends @Nullable Object> Expression<T> value(T value, SqlType<T> type) {
        return new BindValue<>(value, type);
    }

    /** A bound value whose type is guessed from the Java value. */
    public static <T extends @Nullable Object> Expression<T> value(T value) {
        return new BindValue<>(value, SqlTypes.forValue(value));
    }

    /** A named parameter, given a value per execution (executemany). */
    public static <T extends @Nullable Object> Expression<T> bindParam(String name, SqlType<T> type) {
        return new BindParam<>(name, type);
    }

    /**
     * A fragment of SQL written by the programmer, used as is. Never build it from input: values
     * belong in {@link #value}.
     */
    public static <T extends @Nullable Object> Expression<T> raw(String sql, SqlType<T> type) {
        return new RawSql<>(sql, type);
    }

    /** In an upsert's update, the value the INSERT proposed for {@code column}. */
    public static <T extends @Nullable Object> Expression<T> excluded(org.tabula.schema.Column<T> column) {
        return new org.tabula.expr.Excluded<>(column);
    }

    // ---------------------------------------------------------------- logic

    /** All conditions hold; no conditions is TRUE. */
    public static Condition and(Condition... conditions) {
        return Junction.of(Junction.Kind.AND, Arrays.asList(conditions));
    }

    public static Condition and(List<? extends Condition> conditions) {
        return Junction.of(Junction.Kind.AND, conditions);
    }

    /** Any condition holds; no conditions is FALSE. */
    public static Condition or(Condition... conditions) {
        return Junction.of(Junction.Kind.OR, Arrays.asList(conditions));
    }

    public static Condition or(List<? extends Condition> conditions) {
        return Junction.of(Junction.Kind.OR, conditions);
    }

    public static Condition not(Condition condition) {
        return condition.not();
    }

    public static Condition exists(Select subquery) {
        return new Exists(subquery, false);
    }

    public static Condition notExists(Select subquery) {
        return new Exists(subquery, true);
    }

    /** {@code CASE WHEN condition THEN result ...}; continue with {@code .when(...)} and {@code .otherwise(...)}. */
    @SuppressWarnings("unchecked")
    public static <T extends @Nullable Object> Case<T> caseWhen(Condition condition, T result) {
        SqlType<T> type = SqlTypes.forValue(result);
        return new Case<T>(List.of(), null, type).when(condition, result);
    }

    public static <T extends @Nullable Object> Case<T> caseWhen(Condition condition, Expression<T> result) {
        return new Case<T>(List.of(), null, result.type()).when(condition, result);
    }

    // ---------------------------------------------------------------- functions

    /** {@code COUNT(*)}. */
    public static Expression<Long> count() {
        return new FunctionCall<>("count", List.of(), SqlTypes.BIGINT, false);
    }

    /** {@code COUNT(expression)}: non-null values. */
    public static Expression<Long> count(Expression<?> expression) {
        return new FunctionCall<>("count", List.of(expression), SqlTypes.BIGINT, false);
    }

    public static Expression<Long> countDistinct(Expression<?> expression) {
        return new FunctionCall<>("count", List.of(expression), SqlTypes.BIGINT, true);
    }

    /** {@code SUM}: integers sum to {@code Long}, decimals to {@code BigDecimal}, doubles to {@code Double}. */
    @SuppressWarnings("unchecked")
    public static <T extends @Nullable Number> Expression<T> sum(Expression<T> expression) {
        SqlType<?> type = switch (expression.type().kind()) {
            case INTEGER, BIGINT -> SqlTypes.BIGINT;
            case DOUBLE -> SqlTypes.DOUBLE;
            default -> SqlTypes.DECIMAL;
        };
        return new FunctionCall<>("sum", List.of(expression), (SqlType<T>) type, false);
    }

    /** {@code AVG}, as a {@code Double}. */
    public static Expression<Double> avg(Expression<? extends @Nullable Number> expression) {
        return new FunctionCall<>("avg", List.of(expression), SqlTypes.DOUBLE, false);
    }

    public static <T extends @Nullable Object> Expression<T> min(Expression<T> expression) {
        return new FunctionCall<>("min", List.of(expression), expression.type(), false);
    }

    public static <T extends @Nullable Object> Expression<T> max(Expression<T> expression) {
        return new FunctionCall<>("max", List.of(expression), expression.type(), false);
    }

    /** The first non-null argument. */
    @SafeVarargs
    public static <T extends @Nullable Object> Expression<T> coalesce(Expression<T> first, Expression<? extends T>... rest) {
        List<Expression<?>> args = new ArrayList<>();
        args.add(first);
        args.addAll(Arrays.asList(rest));
        return new FunctionCall<>("coalesce", args, first.type(), false);
    }

    /** {@code COALESCE(expression, fallback)}. */
    public static <T extends @Nullable Object> Expression<T> coalesce(Expression<T> expression, T fallback) {
        return new FunctionCall<>("coalesce", List.of(expression, expression.bind(fallback)), expression.type(), false);
    }

    public static Expression<String> lower(Expression<String> expression) {
        return new FunctionCall<>("lower", List.of(expression), expression.type(), false);
    }

    public static Expression<String> upper(Expression<String> expression) {
        return new FunctionCall<>("upper", List.of(expression), expression.type(), false);
    }

    /** The length of a string in characters. */
    public static Expression<Integer> length(Expression<String> expression) {
        return new FunctionCall<>("length", List.of(expression), SqlTypes.INTEGER, false);
    }

    public static <T extends @Nullable Number> Expression<T> abs(Expression<T> expression) {
        return new FunctionCall<>("abs", List.of(expression), expression.type(), false);
    }

    /** The current timestamp, in the dialect's spelling. */
    public static <T extends @Nullable Object> Expression<T> now(SqlType<T> type) {
        return new FunctionCall<>("now", List.of(), type, false);
    }

    /** The current timestamp as a {@code LocalDateTime} (UTC sessions on every dialect). */
    public static Expression<java.time.LocalDateTime> now() {
        return now(SqlTypes.TIMESTAMP);
    }

    /** Any function by name, e.g. {@code func("round", SqlTypes.DOUBLE, price, value(2))}. */
    public static <T extends @Nullable Object> Expression<T> func(String name, SqlType<T> type, Expression<?>... arguments) {
        return new FunctionCall<>(name, Arrays.asList(arguments), type, false);
    }

    /** {@code *}, for {@code select(star())} in text-like queries. */
    public static Expression<Object> star() {
        return Star.INSTANCE;
    }
}
