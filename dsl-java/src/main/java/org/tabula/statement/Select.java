package org.tabula.statement;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.tabula.expr.Condition;
import org.tabula.expr.Exists;
import org.tabula.expr.Expression;
import org.tabula.expr.Junction;
import org.tabula.expr.OrderItem;
import org.tabula.expr.ScalarSubquery;
import org.tabula.expr.SqlVisitor;
import org.tabula.schema.ForeignKey;
import org.tabula.schema.Table;

/**
 * {@code SELECT}. Every method returns a new statement; a {@code Select} can be kept in a
 * constant and refined per request from many threads.
 *
 * <pre>{@code
 * Select q = select(USERS.name, ADDRESSES.email)
 *     .from(USERS)
 *     .join(ADDRESSES)                      // ON inferred from the foreign key
 *     .where(USERS.age.gt(18))
 *     .where(ADDRESSES.email.endsWith("@example.com"))   // AND-ed
 *     .orderBy(USERS.name.asc())
 *     .limit(10);
 * }</pre>
 *
 * <p>Without {@link #from}, the FROM clause is inferred from the tables of the selected columns.
 */
public sealed class Select implements Statement permits Select1 {

    private final boolean distinct;
    private final List<Expression<?>> selections;
    private final List<FromItem> from;
    private final @Nullable Condition where;
    private final List<Expression<?>> groupBy;
    private final @Nullable Condition having;
    private final List<OrderItem> orderBy;
    private final @Nullable Long limit;
    private final @Nullable Long offset;
    private final LockMode lock;

    Select(boolean distinct, List<Expression<?>> selections, List<FromItem> from, Condition where,
                   List<Expression<?>> groupBy, Condition having, List<OrderItem> orderBy, Long limit, Long offset,
                   LockMode lock) {
        this.distinct = distinct;
        this.selections = selections;
        this.from = from;
        this.where = where;
        this.groupBy = groupBy;
        this.having = having;
        this.orderBy = orderBy;
        this.limit = limit;
        this.offset = offset;
        this.lock = lock;
    }

    /**
     * {@code SELECT expressions}. Prefer {@code Sql.select(...)}.
     *
     * <pre>{@code
     * Select q = Select.of(List.of(USERS.name, USERS.age));   // the same as select(List.of(...))
     * }</pre>
     *
     * @param expressions the columns and expressions: {@code Select.of(List.of(USERS.name))}
     * @return the query
     */
    public static Select of(List<? extends Expression<?>> expressions) {
        if (expressions.isEmpty()) {
            throw new IllegalArgumentException("select() needs at least one column or expression");
        }
        for (Expression<?> e : expressions) {
            Objects.requireNonNull(e, "a selected expression is null (is a table field not yet initialised?)");
        }
        return new Select(false, List.copyOf(expressions), List.of(), null, List.of(), null, List.of(),
                null, null, LockMode.NONE);
    }

    /**
     * {@code SELECT all columns FROM table}.
     *
     * <pre>{@code
     * Select q = Select.of(USERS);   // SELECT every column FROM users
     * }</pre>
     *
     * @param table the table: {@code Select.of(USERS)}
     * @return the query
     */
    public static Select of(Table table) {
        List<Expression<?>> cols = new ArrayList<>(table.columns());
        return new Select(false, List.copyOf(cols), List.of(table), null, List.of(), null, List.of(),
                null, null, LockMode.NONE);
    }

    /** A changed copy; {@link Select1} keeps its type while the select list stays the same. */
    Select copy(boolean distinct, List<Expression<?>> selections, List<FromItem> from, Condition where,
                        List<Expression<?>> groupBy, Condition having, List<OrderItem> orderBy, Long limit,
                        Long offset, LockMode lock) {
        return new Select(distinct, selections, from, where, groupBy, having, orderBy, limit, offset, lock);
    }

    private static <E extends @Nullable Object> List<E> append(List<E> list, List<? extends E> more) {
        if (list.isEmpty()) {
            return List.copyOf(more);
        }
        List<E> out = new ArrayList<>(list.size() + more.size());
        out.addAll(list);
        out.addAll(more);
        return Collections.unmodifiableList(out);
    }

    // ---------------------------------------------------------------- builder

    /**
     * Adds columns to the select list.
     *
     * <pre>{@code
     * Select q = select(USERS.id).from(USERS).columns(USERS.name, USERS.age);   // id, name, age
     * }</pre>
     *
     * @param more the columns to add: {@code select(USERS.name).columns(USERS.age)}
     * @return a new statement
     */
    public Select columns(Expression<?>... more) {
        return copy(distinct, append(selections, Arrays.asList(more)), from, where, groupBy, having, orderBy,
                limit, offset, lock);
    }

    /**
     * Replaces the select list, keeping everything else (e.g. to turn a query into a count).
     *
     * <pre>{@code
     * Select q = select(USERS).withOnlyColumns(USERS.id);   // SELECT users.id FROM users
     * }</pre>
     *
     * @param only the new select list: {@code query.withOnlyColumns(count())}
     * @return a new statement
     */
    public Select withOnlyColumns(Expression<?>... only) {
        return copy(distinct, List.of(only), from, where, groupBy, having, orderBy, limit, offset, lock);
    }

    /**
     * {@code SELECT DISTINCT}.
     *
     * <pre>{@code
     * Select roles = select(USERS.role).from(USERS).distinct();
     * }</pre>
     *
     * @return a new query: {@code select(USERS.name).distinct()}
     */
    public Select distinct() {
        return copy(true, selections, from, where, groupBy, having, orderBy, limit, offset, lock);
    }

    /**
     * Adds FROM items (tables, aliases, subqueries).
     *
     * <pre>{@code
     * Select q = select(count()).from(USERS);
     * }</pre>
     *
     * @param items the FROM items: {@code select(count()).from(USERS)}
     * @return a new statement
     */
    public Select from(FromItem... items) {
        return copy(distinct, selections, append(from, Arrays.asList(items)), where, groupBy, having, orderBy, limit, offset, lock);
    }

    /**
     * Inner join, ON inferred from the single foreign key between {@code right} and the tables joined so far.
     *
     * <pre>{@code
     * Select q = select(USERS.name, POSTS.title).from(USERS).join(POSTS);   // ON from the foreign key
     * }</pre>
     *
     * @param right the table to join: {@code select(USERS.name, POSTS.title).join(POSTS)}
     * @return a new statement
     */
    public Select join(FromItem right) {
        return join(right, JoinType.INNER, null);
    }

    /**
     * Inner join with an explicit ON condition.
     *
     * <pre>{@code
     * Select q = select(USERS.name, ORDERS.item).from(USERS).join(ORDERS, ORDERS.userId.eq(USERS.id));
     * }</pre>
     *
     * @param right the table to join
     * @param on the condition: {@code join(POSTS, POSTS.userId.eq(USERS.id))}
     * @return a new statement
     */
    public Select join(FromItem right, Condition on) {
        return join(right, JoinType.INNER, Objects.requireNonNull(on, "on"));
    }

    /**
     * Left outer join, ON inferred from the foreign key.
     *
     * <pre>{@code
     * Select q = select(USERS.name, count(POSTS.id)).from(USERS).leftJoin(POSTS).groupBy(USERS.name);
     * }</pre>
     *
     * @param right the table to join: {@code leftJoin(POSTS)}
     * @return a new statement
     */
    public Select leftJoin(FromItem right) {
        return join(right, JoinType.LEFT, null);
    }

    /**
     * Left outer join with an explicit ON condition.
     *
     * <pre>{@code
     * Select q = select(USERS.name, ORDERS.item).from(USERS).leftJoin(ORDERS, ORDERS.userId.eq(USERS.id));
     * }</pre>
     *
     * @param right the table to join
     * @param on the condition
     * @return a new statement
     */
    public Select leftJoin(FromItem right, Condition on) {
        return join(right, JoinType.LEFT, Objects.requireNonNull(on, "on"));
    }

    /**
     * A join of any type; a {@code null} condition is inferred from foreign keys.
     *
     * <pre>{@code
     * Select q = select(USERS.name, ORDERS.item).from(ORDERS).join(USERS, JoinType.RIGHT, ORDERS.userId.eq(USERS.id));
     * }</pre>
     *
     * @param right the table to join
     * @param type the join type: {@code join(POSTS, JoinType.FULL, on)}
     * @param on the condition, or {@code null} to infer it
     * @return a new statement
     */
    public Select join(FromItem right, JoinType type, @Nullable Condition on) {
        Objects.requireNonNull(right, "right");
        List<FromItem> items = new ArrayList<>(from);
        if (items.isEmpty()) {
            List<Table> inferred = FromInference.tablesOf(selections, where);
            if (inferred.isEmpty()) {
                throw new IllegalStateException("join(" + right + ") needs a FROM: call from() first");
            }
            inferred.remove(FromInference.tableOf(right));
            if (inferred.isEmpty()) {
                throw new IllegalStateException("join(" + right + ") needs a left side: call from() first");
            }
            items.add(inferred.get(0));
        }
        FromItem left = items.remove(items.size() - 1);
        Condition condition = on != null ? on : inferOn(left, right);
        items.add(new Join(left, right, type, condition));
        return copy(distinct, selections, List.copyOf(items), where, groupBy, having, orderBy, limit, offset, lock);
    }

    private static Condition inferOn(FromItem left, FromItem right) {
        Table rightTable = FromInference.tableOf(right);
        if (rightTable == null) {
            throw new IllegalArgumentException("cannot infer the ON clause for a join to " + right
                    + "; pass the condition explicitly");
        }
        List<Condition> found = new ArrayList<>();
        for (FromItem leftItem : FromInference.leaves(left)) {
            Table leftTable = FromInference.tableOf(leftItem);
            if (leftTable == null) {
                continue;
            }
            for (ForeignKey fk : rightTable.foreignKeys()) {
                if (fk.targetTable() == leftTable) {
                    found.add(fkCondition(fk, right, leftItem));
                }
            }
            for (ForeignKey fk : leftTable.foreignKeys()) {
                if (fk.targetTable() == rightTable && leftTable != rightTable) {
                    found.add(fkCondition(fk, leftItem, right));
                }
            }
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException((found.isEmpty() ? "no foreign key" : "more than one foreign key")
                    + " links " + rightTable.name() + " to " + left
                    + "; pass the ON condition explicitly: join(table, condition)");
        }
        return found.get(0);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Condition fkCondition(ForeignKey fk, FromItem child, FromItem parent) {
        List<Condition> parts = new ArrayList<>();
        for (int i = 0; i < fk.columns().size(); i++) {
            Expression childCol = FromInference.columnVia(child, fk.columns().get(i));
            Expression parentCol = FromInference.columnVia(parent, fk.targets().get(i));
            parts.add(childCol.eq(parentCol));
        }
        return Junction.of(Junction.Kind.AND, parts);
    }

    /**
     * Adds WHERE conditions; several calls are AND-ed together.
     *
     * <pre>{@code
     * Select q = select(USERS.name).where(USERS.age.gt(18)).where(USERS.active.eq(true));   // AND-ed
     * }</pre>
     *
     * @param conditions the conditions: {@code where(USERS.age.gt(18), USERS.name.startsWith("a"))}
     * @return a new statement
     */
    public Select where(Condition... conditions) {
        return copy(distinct, selections, from, and(where, conditions), groupBy, having, orderBy, limit, offset, lock);
    }

    static Condition and(Condition existing, Condition... more) {
        if (existing == null && more.length == 1) {
            return Objects.requireNonNull(more[0], "where condition");     // already a whole condition: nothing to flatten
        }
        List<Condition> parts = new ArrayList<>(more.length + 1);
        if (existing != null) {
            parts.add(existing);
        }
        for (Condition c : more) {
            parts.add(Objects.requireNonNull(c, "where condition"));
        }
        return parts.isEmpty() ? null : Junction.of(Junction.Kind.AND, parts);
    }

    /**
     * {@code GROUP BY expressions}: {@code select(USERS.age, count()).groupBy(USERS.age)}.
     *
     * <pre>{@code
     * Select q = select(USERS.role, count()).from(USERS).groupBy(USERS.role);
     * }</pre>
     *
     * @param expressions the grouping expressions
     * @return a new statement
     */
    public Select groupBy(Expression<?>... expressions) {
        return copy(distinct, selections, from, where, append(groupBy, Arrays.asList(expressions)), having, orderBy,
                limit, offset, lock);
    }

    /**
     * Adds HAVING conditions, AND-ed.
     *
     * <pre>{@code
     * Select q = select(USERS.role, count()).from(USERS).groupBy(USERS.role).having(count().gt(10L));
     * }</pre>
     *
     * @param conditions conditions on the groups: {@code having(count().gt(1L))}
     * @return a new statement
     */
    public Select having(Condition... conditions) {
        return copy(distinct, selections, from, where, groupBy, and(having, conditions), orderBy, limit, offset, lock);
    }

    /**
     * {@code ORDER BY} items: {@code orderBy(USERS.name.asc(), USERS.id.desc())}.
     *
     * <pre>{@code
     * Select q = select(USERS.name).from(USERS).orderBy(USERS.age.desc(), USERS.name.asc());
     * }</pre>
     *
     * @param items the sort items
     * @return a new statement
     */
    public Select orderBy(OrderItem... items) {
        return copy(distinct, selections, from, where, groupBy, having, append(orderBy, Arrays.asList(items)),
                limit, offset, lock);
    }

    /**
     * Orders ascending by each expression.
     *
     * <pre>{@code
     * Select q = select(USERS.name).from(USERS).orderBy(USERS.name);   // ascending
     * }</pre>
     *
     * @param expressions the expressions: {@code orderBy(USERS.name)}
     * @return a new statement
     */
    public Select orderBy(Expression<?>... expressions) {
        List<OrderItem> items = new ArrayList<>();
        for (Expression<?> e : expressions) {
            items.add(e.asc());
        }
        return copy(distinct, selections, from, where, groupBy, having, append(orderBy, items), limit, offset, lock);
    }

    /**
     * At most {@code rows} rows: {@code limit(10)}.
     *
     * <pre>{@code
     * Select firstTen = select(USERS.name).from(USERS).orderBy(USERS.id).limit(10);
     * }</pre>
     *
     * @param rows the limit
     * @return a new statement
     */
    public Select limit(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + rows);
        }
        return copy(distinct, selections, from, where, groupBy, having, orderBy, rows, offset, lock);
    }

    /**
     * Skips the first {@code rows} rows, for paging with {@link #limit(long)}: {@code limit(10).offset(20)}.
     *
     * <pre>{@code
     * Select page3 = select(USERS.name).from(USERS).orderBy(USERS.id).limit(10).offset(20);
     * }</pre>
     *
     * @param rows how many to skip
     * @return a new statement
     */
    public Select offset(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + rows);
        }
        return copy(distinct, selections, from, where, groupBy, having, orderBy, limit, rows, lock);
    }

    /**
     * {@code FOR UPDATE}: lock the selected rows until the transaction ends.
     *
     * <pre>{@code
     * engine.begin(conn -> conn.execute(select(ACCOUNTS.balance).where(ACCOUNTS.id.eq(id)).forUpdate()));
     * }</pre>
     *
     * @return a new query: {@code select(ACCOUNTS).where(ACCOUNTS.id.eq(id)).forUpdate()}
     */
    public Select forUpdate() {
        return forUpdate(LockMode.UPDATE);
    }

    /**
     * Row locks of another kind: {@code forUpdate(LockMode.UPDATE_SKIP_LOCKED)}.
     *
     * <pre>{@code
     * Select next = select(ORDERS.id).from(ORDERS).limit(1).forUpdate(LockMode.UPDATE_SKIP_LOCKED);
     * }</pre>
     *
     * @param mode the lock
     * @return a new statement
     */
    public Select forUpdate(LockMode mode) {
        return copy(distinct, selections, from, where, groupBy, having, orderBy, limit, offset,
                Objects.requireNonNull(mode));
    }

    // ---------------------------------------------------------------- composition

    /**
     * This query as a FROM item.
     *
     * <pre>{@code
     * DerivedTable counts = select(POSTS.userId, count().as("n")).from(POSTS).groupBy(POSTS.userId).as("c");
     * }</pre>
     *
     * @param alias its name in FROM: {@code DerivedTable t = select(...).as("t")}
     * @return the subquery as a FROM item
     */
    public DerivedTable as(String alias) {
        return new DerivedTable(this, alias);
    }

    /**
     * This single-column query as a value: {@code (SELECT max(x) FROM t)}.
     *
     * <pre>{@code
     * ScalarSubquery<Long> orders = select(count()).from(ORDERS).where(ORDERS.userId.eq(USERS.id)).asScalar();
     * }</pre>
     *
     * @param <T> the type of its single column
     * @return the subquery as an expression: {@code select(USERS.name, select(count()).from(POSTS).where(...).asScalar())}
     */
    @SuppressWarnings("unchecked")
    public <T extends @Nullable Object> ScalarSubquery<T> asScalar() {
        if (selections.size() != 1) {
            throw new IllegalStateException("a scalar subquery selects exactly one column, this one selects "
                    + selections.size());
        }
        Expression<T> only = (Expression<T>) selections.get(0);
        return new ScalarSubquery<>(this, only.type());
    }

    /**
     * {@code EXISTS (this)}.
     *
     * <pre>{@code
     * Condition hasPosts = select(POSTS.id).where(POSTS.userId.eq(USERS.id)).exists();
     * }</pre>
     *
     * @return the condition: {@code where(select(POSTS.id).where(POSTS.userId.eq(USERS.id)).exists())}
     */
    public Condition exists() {
        return new Exists(this, false);
    }

    /**
     * {@code this UNION other}: {@code select(USERS.name).union(select(ADMINS.name))}.
     *
     * <pre>{@code
     * SetOperation names = select(USERS.name).from(USERS).union(select(ADMINS.name).from(ADMINS));
     * }</pre>
     *
     * @param other the other query, with the same columns
     * @return the set operation
     */
    public SetOperation union(Select other) {
        return new SetOperation(SetOperation.Kind.UNION, List.of(this, other), List.of(), null, null);
    }

    /**
     * {@code this UNION ALL other}, duplicates kept.
     *
     * <pre>{@code
     * SetOperation names = select(USERS.name).from(USERS).unionAll(select(ADMINS.name).from(ADMINS));
     * }</pre>
     *
     * @param other the other query, with the same columns
     * @return the set operation
     */
    public SetOperation unionAll(Select other) {
        return new SetOperation(SetOperation.Kind.UNION_ALL, List.of(this, other), List.of(), null, null);
    }

    // ---------------------------------------------------------------- reading

    /**
     * Whether it is {@code SELECT DISTINCT}.
     *
     * <pre>{@code
     * boolean distinct = select(USERS.role).distinct().isDistinct();   // true
     * }</pre>
     *
     * @return {@code true} after {@link #distinct()}
     */
    public boolean isDistinct() {
        return distinct;
    }

    /**
     * The select list.
     *
     * <pre>{@code
     * List<Expression<?>> columns = select(USERS.id, USERS.name).selections();   // [users.id, users.name]
     * }</pre>
     *
     * @return the columns and expressions, in order
     */
    public List<Expression<?>> selections() {
        return selections;
    }

    /**
     * FROM items as given; see {@link #effectiveFrom()} for what is rendered.
     *
     * <pre>{@code
     * List<FromItem> given = select(USERS.name).from(USERS).from();   // [USERS]
     * }</pre>
     *
     * @return the FROM items given
     */
    public List<FromItem> from() {
        return from;
    }

    /**
     * FROM items as rendered: the given ones, or the tables of the selected columns.
     *
     * <pre>{@code
     * List<FromItem> inferred = select(USERS.name).effectiveFrom();   // [USERS], from the columns
     * }</pre>
     *
     * @return the FROM items rendered
     */
    public List<FromItem> effectiveFrom() {
        if (!from.isEmpty()) {
            return from;
        }
        return List.copyOf(FromInference.tablesOf(selections, where));
    }

    /**
     * The WHERE condition, the AND of every {@code where(...)}.
     *
     * <pre>{@code
     * Condition filter = select(USERS.name).where(USERS.age.gt(18)).where();
     * }</pre>
     *
     * @return the condition, or {@code null}
     */
    public @Nullable Condition where() {
        return where;
    }

    /**
     * The GROUP BY expressions.
     *
     * <pre>{@code
     * List<Expression<?>> keys = select(USERS.role, count()).groupBy(USERS.role).groupBy();   // [users.role]
     * }</pre>
     *
     * @return the expressions, empty when none
     */
    public List<Expression<?>> groupBy() {
        return groupBy;
    }

    /**
     * The HAVING condition.
     *
     * <pre>{@code
     * Condition filter = select(USERS.role, count()).groupBy(USERS.role).having(count().gt(1L)).having();
     * }</pre>
     *
     * @return the condition, or {@code null}
     */
    public @Nullable Condition having() {
        return having;
    }

    /**
     * The ORDER BY items.
     *
     * <pre>{@code
     * List<OrderItem> order = select(USERS.name).orderBy(USERS.name.asc()).orderBy();
     * }</pre>
     *
     * @return the items, empty when none
     */
    public List<OrderItem> orderBy() {
        return orderBy;
    }

    /**
     * The LIMIT.
     *
     * <pre>{@code
     * Long rows = select(USERS.name).limit(10).limit();   // 10
     * }</pre>
     *
     * @return the limit, or {@code null}
     */
    public @Nullable Long limit() {
        return limit;
    }

    /**
     * The OFFSET.
     *
     * <pre>{@code
     * Long skipped = select(USERS.name).limit(10).offset(20).offset();   // 20
     * }</pre>
     *
     * @return the offset, or {@code null}
     */
    public @Nullable Long offset() {
        return offset;
    }

    /**
     * The row lock asked for.
     *
     * <pre>{@code
     * LockMode mode = select(ACCOUNTS.balance).forUpdate().lock();   // LockMode.UPDATE
     * }</pre>
     *
     * @return the lock, {@link LockMode#NONE} by default
     */
    public LockMode lock() {
        return lock;
    }

    @Override
    public boolean returnsRows() {
        return true;
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitSelect(this);
    }

    @Override
    public String toString() {
        return "Select" + selections;
    }
}
