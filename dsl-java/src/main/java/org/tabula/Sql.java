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

    /**
     * {@code SELECT expressions}; FROM is inferred from the columns unless given.
     *
     * <pre>{@code
     * Select q = select(USERS.name, POSTS.title).where(POSTS.userId.eq(USERS.id));
     * }</pre>
     *
     * @param expressions columns and expressions: {@code select(USERS.name, POSTS.title)}
     * @return the query
     */
    public static Select select(Expression<?>... expressions) {
        return Select.of(Arrays.asList(expressions));
    }

    /**
     * {@code SELECT expression}, typed by it: {@code conn.execute(select(USERS.id)).scalarOne()} is a
     * {@code Long}, {@code scalars()} a {@code List<Long>}.
     *
     * <pre>{@code
     * List<String> names = conn.execute(select(USERS.name).orderBy(USERS.name)).scalars();
     * }</pre>
     *
     * @param <T> the expression's Java type
     * @param expression the one column or expression selected
     * @return the typed query
     */
    public static <T extends @org.jspecify.annotations.Nullable Object> Select1<T> select(Expression<T> expression) {
        return Select1.of(expression);
    }

    /**
     * {@code SELECT expressions} from a list: {@code select(List.of(USERS.name, USERS.age))}.
     *
     * <pre>{@code
     * Select q = select(List.of(USERS.name, USERS.age)).from(USERS);
     * }</pre>
     *
     * @param expressions columns and expressions
     * @return the query
     */
    public static Select select(List<? extends Expression<?>> expressions) {
        return Select.of(expressions);
    }

    /**
     * {@code SELECT every column FROM table}.
     *
     * <pre>{@code
     * List<Row> rows = conn.execute(select(USERS).where(USERS.id.eq(1L))).all();
     * }</pre>
     *
     * @param table the table: {@code select(USERS).where(USERS.id.eq(1L))}
     * @return the query
     */
    public static Select select(Table table) {
        return Select.of(table);
    }

    /**
     * {@code INSERT INTO table}: {@code insert(USERS).set(USERS.name, "ann")}.
     *
     * <pre>{@code
     * conn.execute(insert(USERS).set(USERS.name, "ann").set(USERS.age, 31));
     * }</pre>
     *
     * @param table the table
     * @return the statement
     */
    public static Insert insert(Table table) {
        return Insert.into(table);
    }

    /**
     * {@code UPDATE table}: {@code update(USERS).set(USERS.age, 32).where(USERS.id.eq(1L))}.
     *
     * <pre>{@code
     * conn.execute(update(USERS).set(USERS.age, 32).where(USERS.id.eq(1L)));
     * }</pre>
     *
     * @param table the table
     * @return the statement
     */
    public static Update update(Table table) {
        return Update.of(table);
    }

    /**
     * {@code DELETE FROM table}: {@code delete(USERS).where(USERS.id.eq(1L))}.
     *
     * <pre>{@code
     * conn.execute(delete(USERS).where(USERS.id.eq(1L)));
     * }</pre>
     *
     * @param table the table
     * @return the statement
     */
    public static Delete delete(Table table) {
        return Delete.from(table);
    }

    /**
     * Hand-written SQL with {@code :named} parameters.
     *
     * <pre>{@code
     * Result r = conn.execute(text("SELECT * FROM users WHERE name = :name").bind("name", "ann"));
     * }</pre>
     *
     * @param sql the SQL: {@code text("SELECT * FROM users WHERE name = :name").bind("name", "ann")}
     * @return the statement
     */
    public static TextStatement text(String sql) {
        return TextStatement.of(sql);
    }

    /**
     * {@code CREATE TABLE IF NOT EXISTS}: {@code engine.begin(conn -> conn.execute(createTable(USERS)))}.
     *
     * <pre>{@code
     * engine.begin(conn -> conn.execute(createTable(USERS)));
     * }</pre>
     *
     * @param table the table
     * @return the statement
     */
    public static CreateTable createTable(Table table) {
        return new CreateTable(table, true);
    }

    /**
     * {@code DROP TABLE IF EXISTS}: {@code conn.execute(dropTable(USERS))}.
     *
     * <pre>{@code
     * conn.execute(dropTable(USERS));
     * }</pre>
     *
     * @param table the table
     * @return the statement
     */
    public static DropTable dropTable(Table table) {
        return new DropTable(table, true);
    }

    // ---------------------------------------------------------------- values and parameters

    /**
     * A bound value of the given type.
     *
     * <pre>{@code
     * Expression<Integer> answer = value(42, SqlTypes.INTEGER);
     * }</pre>
     *
     * @param <T> the value's Java type
     * @param value the value: {@code value(42, SqlTypes.INTEGER)}
     * @param type its SQL type
     * @return the expression
     */
    public static <T extends @Nullable Object> Expression<T> value(T value, SqlType<T> type) {
        return new BindValue<>(value, type);
    }

    /**
     * A bound value whose type is guessed from the Java value.
     *
     * <pre>{@code
     * Integer one = conn.execute(select(value(1))).scalarOne();
     * }</pre>
     *
     * @param <T> the value's Java type
     * @param value the value: {@code select(value(1))}
     * @return the expression
     */
    public static <T extends @Nullable Object> Expression<T> value(T value) {
        return new BindValue<>(value, SqlTypes.forValue(value));
    }

    /**
     * A named parameter, given a value per execution (executemany).
     *
     * <pre>{@code
     * Statement q = select(USERS.name).where(USERS.age.ge(bindParam("min", SqlTypes.INTEGER)));
     * Result adults = conn.execute(q, Map.of("min", 18));
     * }</pre>
     *
     * @param <T> the parameter's Java type
     * @param name the parameter's name: {@code bindParam("min", SqlTypes.INTEGER)}
     * @param type its SQL type
     * @return the expression
     */
    public static <T extends @Nullable Object> Expression<T> bindParam(String name, SqlType<T> type) {
        return new BindParam<>(name, type);
    }

    /**
     * A fragment of SQL written by the programmer, used as is. Never build it from input: values
     * belong in {@link #value}.
     *
     * <pre>{@code
     * Select shuffled = select(USERS.name).orderBy(raw("random()", SqlTypes.DOUBLE));
     * }</pre>
     *
     * @param <T> the fragment's Java type
     * @param sql the SQL fragment, written as it is: {@code raw("random()", SqlTypes.DOUBLE)}
     * @param type the type of its value
     * @return the expression
     */
    public static <T extends @Nullable Object> Expression<T> raw(String sql, SqlType<T> type) {
        return new RawSql<>(sql, type);
    }

    /**
     * In an upsert's update, the value the INSERT proposed for {@code column}.
     *
     * <pre>{@code
     * insert(USERS).set(USERS.email, "a@x").set(USERS.name, "ann")
     *     .onConflict(USERS.email).doUpdate(USERS.name, excluded(USERS.name));
     * }</pre>
     *
     * @param <T> the column's Java type
     * @param column the column: {@code onConflict(USERS.email).doUpdate(USERS.name, excluded(USERS.name))}
     * @return the expression
     */
    public static <T extends @Nullable Object> Expression<T> excluded(org.tabula.schema.Column<T> column) {
        return new org.tabula.expr.Excluded<>(column);
    }

    // ---------------------------------------------------------------- logic

    /**
     * All conditions hold; no conditions is TRUE.
     *
     * <pre>{@code
     * select(USERS.name).where(and(USERS.age.gt(18), USERS.age.lt(65)));
     * }</pre>
     *
     * @param conditions the conditions: {@code and(USERS.age.gt(18), USERS.age.lt(65))}
     * @return the condition
     */
    public static Condition and(Condition... conditions) {
        return Junction.of(Junction.Kind.AND, Arrays.asList(conditions));
    }

    /**
     * All conditions of a list hold; an empty list is TRUE: {@code and(filters)}.
     *
     * <pre>{@code
     * Condition all = and(filters);   // TRUE when filters is empty
     * }</pre>
     *
     * @param conditions the conditions
     * @return the condition
     */
    public static Condition and(List<? extends Condition> conditions) {
        return Junction.of(Junction.Kind.AND, conditions);
    }

    /**
     * Any condition holds; no conditions is FALSE.
     *
     * <pre>{@code
     * select(USERS.name).where(or(USERS.name.eq("ann"), USERS.name.eq("bob")));
     * }</pre>
     *
     * @param conditions the conditions: {@code or(USERS.name.eq("a"), USERS.name.eq("b"))}
     * @return the condition
     */
    public static Condition or(Condition... conditions) {
        return Junction.of(Junction.Kind.OR, Arrays.asList(conditions));
    }

    /**
     * Any condition of a list holds; an empty list is FALSE: {@code or(filters)}.
     *
     * <pre>{@code
     * Condition any = or(filters);    // FALSE when filters is empty
     * }</pre>
     *
     * @param conditions the conditions
     * @return the condition
     */
    public static Condition or(List<? extends Condition> conditions) {
        return Junction.of(Junction.Kind.OR, conditions);
    }

    /**
     * {@code NOT condition}: {@code not(USERS.name.startsWith("a"))}.
     *
     * <pre>{@code
     * select(USERS.name).where(not(USERS.name.startsWith("a")));
     * }</pre>
     *
     * @param condition the condition
     * @return the condition
     */
    public static Condition not(Condition condition) {
        return condition.not();
    }

    /**
     * {@code EXISTS (subquery)}: {@code where(exists(select(POSTS.id).where(POSTS.userId.eq(USERS.id))))}.
     *
     * <pre>{@code
     * select(USERS.name).where(exists(select(POSTS.id).where(POSTS.userId.eq(USERS.id))));
     * }</pre>
     *
     * @param subquery the correlated query
     * @return the condition
     */
    public static Condition exists(Select subquery) {
        return new Exists(subquery, false);
    }

    /**
     * {@code NOT EXISTS (subquery)}.
     *
     * <pre>{@code
     * select(USERS.name).where(notExists(select(POSTS.id).where(POSTS.userId.eq(USERS.id))));
     * }</pre>
     *
     * @param subquery the correlated query
     * @return the condition
     */
    public static Condition notExists(Select subquery) {
        return new Exists(subquery, true);
    }

    /**
     * {@code CASE WHEN condition THEN result ...}; continue with {@code .when(...)} and {@code .otherwise(...)}.
     *
     * <pre>{@code
     * Expression<String> size = caseWhen(USERS.age.lt(18), "minor").otherwise("adult");
     * }</pre>
     *
     * @param <T> the result's Java type
     * @param condition the first WHEN: {@code caseWhen(USERS.age.lt(18), "minor").otherwise("adult")}
     * @param result its THEN value, bound
     * @return the CASE, to continue with {@code when} and {@code otherwise}
     */
    @SuppressWarnings("unchecked")
    public static <T extends @Nullable Object> Case<T> caseWhen(Condition condition, T result) {
        SqlType<T> type = SqlTypes.forValue(result);
        return new Case<T>(List.of(), null, type).when(condition, result);
    }

    /**
     * {@code CASE WHEN condition THEN result}, with an expression as result: {@code caseWhen(cond, USERS.name)}.
     *
     * <pre>{@code
     * Expression<String> shown = caseWhen(USERS.nickname.isNull(), USERS.name).otherwise(USERS.nickname);
     * }</pre>
     *
     * @param <T> the result's Java type
     * @param condition the first WHEN
     * @param result its THEN expression
     * @return the CASE, to continue with {@code when} and {@code otherwise}
     */
    public static <T extends @Nullable Object> Case<T> caseWhen(Condition condition, Expression<T> result) {
        return new Case<T>(List.of(), null, result.type()).when(condition, result);
    }

    // ---------------------------------------------------------------- functions

    /**
     * {@code COUNT(*)}.
     *
     * <pre>{@code
     * long n = conn.execute(select(count()).from(USERS)).scalarOne();
     * }</pre>
     *
     * @return the expression: {@code select(count()).from(USERS)}
     */
    public static Expression<Long> count() {
        return new FunctionCall<>("count", List.of(), SqlTypes.BIGINT, false);
    }

    /**
     * {@code COUNT(expression)}: non-null values.
     *
     * <pre>{@code
     * select(USERS.name, count(POSTS.id)).from(USERS).leftJoin(POSTS).groupBy(USERS.name);
     * }</pre>
     *
     * @param expression what to count: {@code count(USERS.age)}
     * @return the expression
     */
    public static Expression<Long> count(Expression<?> expression) {
        return new FunctionCall<>("count", List.of(expression), SqlTypes.BIGINT, false);
    }

    /**
     * {@code COUNT(DISTINCT expression)}: {@code countDistinct(POSTS.userId)}.
     *
     * <pre>{@code
     * long ages = conn.execute(select(countDistinct(USERS.age)).from(USERS)).scalarOne();
     * }</pre>
     *
     * @param expression what to count
     * @return the expression
     */
    public static Expression<Long> countDistinct(Expression<?> expression) {
        return new FunctionCall<>("count", List.of(expression), SqlTypes.BIGINT, true);
    }

    /**
     * {@code SUM}: integers sum to {@code Long}, decimals to {@code BigDecimal}, doubles to {@code Double}.
     *
     * <pre>{@code
     * select(ORDERS.userId, sum(ORDERS.amount)).from(ORDERS).groupBy(ORDERS.userId);
     * }</pre>
     *
     * @param <T> the numeric type
     * @param expression what to add up: {@code sum(ORDERS.amount)}
     * @return the expression; NULL over no rows
     */
    @SuppressWarnings("unchecked")
    public static <T extends @Nullable Number> Expression<T> sum(Expression<T> expression) {
        SqlType<?> type = switch (expression.type().kind()) {
            case INTEGER, BIGINT -> SqlTypes.BIGINT;
            case DOUBLE -> SqlTypes.DOUBLE;
            case BIG_INTEGER -> SqlTypes.BIG_INTEGER;
            default -> SqlTypes.DECIMAL;
        };
        return new FunctionCall<>("sum", List.of(expression), (SqlType<T>) type, false);
    }

    /**
     * {@code AVG}, as a {@code Double}.
     *
     * <pre>{@code
     * Double mean = conn.execute(select(avg(USERS.age)).from(USERS)).scalarOneOrNull();
     * }</pre>
     *
     * @param expression the numbers: {@code avg(USERS.age)}
     * @return the expression; NULL over no rows
     */
    public static Expression<Double> avg(Expression<? extends @Nullable Number> expression) {
        return new FunctionCall<>("avg", List.of(expression), SqlTypes.DOUBLE, false);
    }

    /**
     * {@code MIN(expression)}: {@code select(min(USERS.age)).from(USERS)}.
     *
     * <pre>{@code
     * Integer youngest = conn.execute(select(min(USERS.age)).from(USERS)).scalarOneOrNull();
     * }</pre>
     *
     * @param <T> the expression's Java type
     * @param expression the values
     * @return the expression; NULL over no rows
     */
    public static <T extends @Nullable Object> Expression<T> min(Expression<T> expression) {
        return new FunctionCall<>("min", List.of(expression), expression.type(), false);
    }

    /**
     * {@code MAX(expression)}: {@code select(max(USERS.age)).from(USERS)}.
     *
     * <pre>{@code
     * Integer oldest = conn.execute(select(max(USERS.age)).from(USERS)).scalarOneOrNull();
     * }</pre>
     *
     * @param <T> the expression's Java type
     * @param expression the values
     * @return the expression; NULL over no rows
     */
    public static <T extends @Nullable Object> Expression<T> max(Expression<T> expression) {
        return new FunctionCall<>("max", List.of(expression), expression.type(), false);
    }

    /**
     * The first non-null argument.
     *
     * <pre>{@code
     * select(coalesce(USERS.nickname, USERS.firstName, USERS.name)).from(USERS);
     * }</pre>
     *
     * @param <T> the result's Java type
     * @param first the first expression: {@code coalesce(USERS.nickname, USERS.name)}
     * @param rest the others, tried in order
     * @return the expression
     */
    @SafeVarargs
    public static <T extends @Nullable Object> Expression<T> coalesce(Expression<T> first, Expression<? extends T>... rest) {
        List<Expression<?>> args = new ArrayList<>();
        args.add(first);
        args.addAll(Arrays.asList(rest));
        return new FunctionCall<>("coalesce", args, first.type(), false);
    }

    /**
     * {@code COALESCE(expression, fallback)}.
     *
     * <pre>{@code
     * select(USERS.name, coalesce(USERS.age, 0)).from(USERS);
     * }</pre>
     *
     * @param <T> the result's Java type
     * @param expression the expression: {@code coalesce(USERS.age, 0)}
     * @param fallback the value when it is NULL, bound
     * @return the expression
     */
    public static <T extends @Nullable Object> Expression<T> coalesce(Expression<T> expression, T fallback) {
        return new FunctionCall<>("coalesce", List.of(expression, expression.bind(fallback)), expression.type(), false);
    }

    /**
     * {@code LOWER(expression)}: {@code where(lower(USERS.email).eq("ann@example.com"))}.
     *
     * <pre>{@code
     * select(USERS.id).where(lower(USERS.email).eq("ann@example.com"));
     * }</pre>
     *
     * @param expression the string
     * @return the expression
     */
    public static Expression<String> lower(Expression<String> expression) {
        return new FunctionCall<>("lower", List.of(expression), expression.type(), false);
    }

    /**
     * {@code UPPER(expression)}: {@code select(upper(USERS.name))}.
     *
     * <pre>{@code
     * select(upper(USERS.name)).from(USERS);
     * }</pre>
     *
     * @param expression the string
     * @return the expression
     */
    public static Expression<String> upper(Expression<String> expression) {
        return new FunctionCall<>("upper", List.of(expression), expression.type(), false);
    }

    /**
     * The length of a string in characters.
     *
     * <pre>{@code
     * select(USERS.name).where(length(USERS.name).gt(3));
     * }</pre>
     *
     * @param expression the string: {@code where(length(USERS.name).gt(3))}
     * @return the expression
     */
    public static Expression<Integer> length(Expression<String> expression) {
        return new FunctionCall<>("length", List.of(expression), SqlTypes.INTEGER, false);
    }

    /**
     * {@code ABS(expression)}: {@code select(abs(ACCOUNTS.balance))}.
     *
     * <pre>{@code
     * select(ORDERS.id).where(abs(ORDERS.amount).gt(1000L));
     * }</pre>
     *
     * @param <T> the numeric type
     * @param expression the number
     * @return the expression
     */
    public static <T extends @Nullable Number> Expression<T> abs(Expression<T> expression) {
        return new FunctionCall<>("abs", List.of(expression), expression.type(), false);
    }

    /**
     * The current timestamp, in the dialect's spelling.
     *
     * <pre>{@code
     * select(USERS.name).where(USERS.createdAt.lt(now(SqlTypes.INSTANT)));
     * }</pre>
     *
     * @param <T> the timestamp's Java type
     * @param type its SQL type: {@code now(SqlTypes.INSTANT)}
     * @return the expression
     */
    public static <T extends @Nullable Object> Expression<T> now(SqlType<T> type) {
        return new FunctionCall<>("now", List.of(), type, false);
    }

    /**
     * The current timestamp as a {@code LocalDateTime} (UTC sessions on every dialect).
     *
     * <pre>{@code
     * Expression<LocalDateTime> current = now();
     * }</pre>
     *
     * @return the expression: {@code update(USERS).set(USERS.updatedAt, now())}
     */
    public static Expression<java.time.LocalDateTime> now() {
        return now(SqlTypes.TIMESTAMP);
    }

    /**
     * Any function by name, e.g. {@code func("round", SqlTypes.DOUBLE, price, value(2))}.
     *
     * <pre>{@code
     * Expression<LocalDateTime> day = func("date_trunc", SqlTypes.TIMESTAMP, value("day"), raw("now()", SqlTypes.TIMESTAMP));
     * }</pre>
     *
     * @param <T> the result's Java type
     * @param name the function's name: {@code func("date_trunc", SqlTypes.TIMESTAMP, value("day"), POSTS.createdAt)}
     * @param type the type of its result
     * @param arguments its arguments
     * @return the expression
     */
    public static <T extends @Nullable Object> Expression<T> func(String name, SqlType<T> type, Expression<?>... arguments) {
        return new FunctionCall<>(name, Arrays.asList(arguments), type, false);
    }

    /**
     * {@code *}, for {@code select(star())} in text-like queries.
     *
     * <pre>{@code
     * select(star()).from(USERS);
     * }</pre>
     *
     * @return the expression: {@code select(star()).from(USERS)}
     */
    public static Expression<Object> star() {
        return Star.INSTANCE;
    }
}
