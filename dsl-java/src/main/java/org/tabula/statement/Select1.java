package org.tabula.statement;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tabula.expr.Condition;
import org.tabula.expr.Expression;
import org.tabula.expr.OrderItem;
import org.tabula.expr.ScalarSubquery;

/**
 * A {@link Select} of exactly one expression, typed by it: what {@code Sql.select(USERS.id)}
 * returns. Executed, it gives a {@link org.tabula.result.Result1}{@code <T>} whose scalar methods
 * return {@code T}, so reading a text column into a {@code Long} does not compile. Every builder
 * method that keeps the select list keeps the type; {@link #columns} and {@link #withOnlyColumns}
 * return a plain {@link Select}.
 *
 * <pre>{@code
 * Select1<Long> ids = select(USERS.id).where(USERS.age.gt(18)).orderBy(USERS.id);
 * long n = conn.execute(select(count()).from(USERS)).scalarOne();        // Long
 * List<String> names = conn.execute(select(USERS.name)).scalars();       // List<String>
 * Integer age = conn.execute(select(USERS.age).where(USERS.id.eq(1L))).scalarOneOrNull();
 * // String s = conn.execute(select(USERS.id)).scalarOne();             // does not compile
 * }</pre>
 *
 * @param <T> the Java type of the selected expression's values
 */
public final class Select1<T extends @Nullable Object> extends Select {

    private final Expression<T> expression;

    private Select1(Expression<T> expression, Select select) {
        super(select.isDistinct(), select.selections(), select.from(), select.where(), select.groupBy(),
                select.having(), select.orderBy(), select.limit(), select.offset(), select.lock());
        this.expression = expression;
    }

    /**
     * {@code SELECT expression}. Prefer {@code Sql.select(expression)}.
     *
     * <pre>{@code
     * Select1<String> names = Select1.of(USERS.name);   // the same as select(USERS.name)
     * }</pre>
     *
     * @param <T> the selected expression's Java type
     * @param expression the one column or expression selected
     * @return the typed query
     */
    public static <T extends @Nullable Object> Select1<T> of(Expression<T> expression) {
        return new Select1<>(expression, Select.of(List.of(expression)));
    }

    /**
     * The selected expression.
     *
     * <pre>{@code
     * Expression<String> selected = select(USERS.name).expression();   // USERS.name
     * }</pre>
     *
     * @return the selected expression
     */
    public Expression<T> expression() {
        return expression;
    }

    @Override
    Select copy(boolean distinct, List<Expression<?>> selections, List<FromItem> from, Condition where,
                List<Expression<?>> groupBy, Condition having, List<OrderItem> orderBy, Long limit, Long offset,
                LockMode lock) {
        Select plain = super.copy(distinct, selections, from, where, groupBy, having, orderBy, limit, offset, lock);
        return selections == selections() ? new Select1<>(expression, plain) : plain;
    }

    @SuppressWarnings("unchecked")
    private Select1<T> same(Select changed) {
        return (Select1<T>) changed;
    }

    @Override
    public Select1<T> distinct() {
        return same(super.distinct());
    }

    @Override
    public Select1<T> from(FromItem... items) {
        return same(super.from(items));
    }

    @Override
    public Select1<T> join(FromItem right) {
        return same(super.join(right));
    }

    @Override
    public Select1<T> join(FromItem right, Condition on) {
        return same(super.join(right, on));
    }

    @Override
    public Select1<T> leftJoin(FromItem right) {
        return same(super.leftJoin(right));
    }

    @Override
    public Select1<T> leftJoin(FromItem right, Condition on) {
        return same(super.leftJoin(right, on));
    }

    @Override
    public Select1<T> join(FromItem right, JoinType type, @Nullable Condition on) {
        return same(super.join(right, type, on));
    }

    @Override
    public Select1<T> where(Condition... conditions) {
        return same(super.where(conditions));
    }

    @Override
    public Select1<T> groupBy(Expression<?>... expressions) {
        return same(super.groupBy(expressions));
    }

    @Override
    public Select1<T> having(Condition... conditions) {
        return same(super.having(conditions));
    }

    @Override
    public Select1<T> orderBy(OrderItem... items) {
        return same(super.orderBy(items));
    }

    @Override
    public Select1<T> orderBy(Expression<?>... expressions) {
        return same(super.orderBy(expressions));
    }

    @Override
    public Select1<T> limit(long rows) {
        return same(super.limit(rows));
    }

    @Override
    public Select1<T> offset(long rows) {
        return same(super.offset(rows));
    }

    @Override
    public Select1<T> forUpdate() {
        return same(super.forUpdate());
    }

    @Override
    public Select1<T> forUpdate(LockMode mode) {
        return same(super.forUpdate(mode));
    }

    /**
     * This query as a value of its expression's type: {@code (SELECT max(x) FROM t)}.
     *
     * <pre>{@code
     * Select1<String> names = select(USERS.name).where(USERS.active.eq(true)).orderBy(USERS.name);
     * }</pre>
     */
    @Override
    @SuppressWarnings("unchecked")
    public ScalarSubquery<T> asScalar() {
        return super.asScalar();
    }
}
