package org.tabula.dialect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.tabula.error.NotNullViolationException;
import org.tabula.error.UnsupportedFeatureException;
import org.tabula.expr.Aliased;
import org.tabula.expr.AliasedColumn;
import org.tabula.expr.Arithmetic;
import org.tabula.expr.Between;
import org.tabula.expr.BindParam;
import org.tabula.expr.BindValue;
import org.tabula.expr.Case;
import org.tabula.expr.Cast;
import org.tabula.expr.Comparison;
import org.tabula.expr.Concat;
import org.tabula.expr.Condition;
import org.tabula.expr.ConstantCondition;
import org.tabula.expr.Excluded;
import org.tabula.expr.Exists;
import org.tabula.expr.Expression;
import org.tabula.expr.FunctionCall;
import org.tabula.expr.InList;
import org.tabula.expr.InSubquery;
import org.tabula.expr.Junction;
import org.tabula.expr.Like;
import org.tabula.expr.Literal;
import org.tabula.expr.Not;
import org.tabula.expr.NullOrdering;
import org.tabula.expr.NullTest;
import org.tabula.expr.OrderItem;
import org.tabula.expr.RawSql;
import org.tabula.expr.ScalarSubquery;
import org.tabula.expr.SqlNode;
import org.tabula.expr.SqlVisitor;
import org.tabula.expr.Star;
import org.tabula.schema.Column;
import org.tabula.schema.ForeignKey;
import org.tabula.schema.Index;
import org.tabula.schema.Table;
import org.tabula.schema.TableAlias;
import org.tabula.schema.UniqueConstraint;
import org.tabula.statement.CreateEnumType;
import org.tabula.statement.CreateIndex;
import org.tabula.statement.CreateTable;
import org.tabula.statement.Delete;
import org.tabula.statement.DerivedColumn;
import org.tabula.statement.DerivedTable;
import org.tabula.statement.DropEnumType;
import org.tabula.statement.AddColumn;
import org.tabula.statement.DropColumn;
import org.tabula.statement.AlterColumn;
import org.tabula.statement.AddForeignKey;
import org.tabula.statement.DropForeignKey;
import org.tabula.statement.AddUnique;
import org.tabula.statement.DropUnique;
import org.tabula.statement.AddEnumValue;
import org.tabula.statement.RenameTable;
import org.tabula.statement.CopyRows;
import org.tabula.statement.DropIndex;
import org.tabula.statement.DropTable;
import org.tabula.statement.FromItem;
import org.tabula.statement.Insert;
import org.tabula.statement.Join;
import org.tabula.statement.JoinType;
import org.tabula.statement.LockMode;
import org.tabula.statement.OnConflict;
import org.tabula.statement.Select;
import org.tabula.statement.SetOperation;
import org.tabula.statement.TextStatement;
import org.tabula.statement.Update;
import org.tabula.type.EnumType;
import org.tabula.type.SqlType;
import org.tabula.type.SqlTypes;

/**
 * Renders the AST to SQL text and bindings: the ANSI-leaning common ground of all dialects.
 * Each dialect subclasses it and overrides the few places where its SQL differs (limit,
 * concatenation, RETURNING, NULLS ordering, auto-increment DDL...).
 *
 * <p>One renderer renders one statement and is then thrown away. It is the only place where
 * SQL text is built: values become {@code ?} plus a {@link Binding}, identifiers go through
 * {@link Dialect#quoteIdentifier}.
 *
 * <pre>{@code
 * final class H2Renderer extends SqlRenderer {
 *     H2Renderer(Dialect dialect) {
 *         super(dialect);
 *     }
 *
 *     protected void lockClause(LockMode mode) {
 *         if (mode != LockMode.NONE) {
 *             sql.append(" FOR UPDATE");
 *         }
 *     }
 * }
 * }</pre>
 */
public class SqlRenderer implements SqlVisitor<Void> {

    /** The functions {@code Sql} offers, which read only; any other may be a user's function that writes. */
    private static final java.util.Set<String> PURE_FUNCTIONS = java.util.Set.of("count", "sum", "avg", "min", "max",
            "coalesce", "lower", "upper", "length", "abs", "now");
    private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    /** The dialect this renderer renders for. */
    protected final Dialect dialect;
    /** 512: a select with a join and a few predicates fits without the builder growing (and copying) once. */
    protected final StringBuilder sql = new StringBuilder(512);
    /** The bindings, one per {@code ?} appended so far. */
    protected final List<Binding> bindings = new ArrayList<>();
    /** Whether column references carry their table name; off in INSERT column lists and SET targets. */
    protected boolean qualify = true;
    // RenderedSql.notNullHolds of the top statement: set for a select of inner joins alone.
    private boolean notNullHolds;
    /** Inside ORDER BY / GROUP BY an aliased expression is referred to by its alias. */
    protected boolean aliasReferences;
    /** Inside DDL there are no parameters: a bound value there is a programming error. */
    protected boolean ddl;
    /** Whether a column definition carries its UNIQUE and CHECK (not when MySQL redefines an existing column). */
    protected boolean columnConstraints = true;
    /**
     * FROM lists of enclosing queries, for auto-correlating subqueries with an implicit FROM.
     * Kept as the lists themselves (not sets of tables) so a select without subqueries allocates nothing here.
     */
    private final Deque<List<FromItem>> scopes = new ArrayDeque<>();
    /**
     * While {@link RenderCache} records a shape: what each binding's value came from (its
     * parameter node, the LIMIT/OFFSET value, or {@link RenderCache#NAMED}); {@code null} otherwise.
     */
    List<Object> sources;
    /** The node whose value {@link #parameter} is binding, while {@link #sources} is recorded. */
    private Object pendingSource;
    /** The node {@link Dialect#render} was asked for: only its visit describes the result. */
    SqlNode top;
    private StatementKind kind = StatementKind.OTHER;
    private Table target;
    private List<Expression<?>> resultColumns = List.of();
    private boolean returnsRows;
    private boolean locksRows;
    /**
     * Whether an INSERT's rows must reach the database in VALUES order (the executemany with
     * generated keys of {@link Dialect#renderInsertManyValues}).
     */
    boolean rowOrder;
    /** Whether raw SQL or a function not known to be pure was rendered: such a query may write. */
    private boolean mayWrite;

    /**
     * Creates a renderer for one statement.
     *
     * @param dialect the dialect rendered for
     */
    protected SqlRenderer(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * The SQL and bindings rendered so far.
     *
     * <pre>{@code
     * RenderedSql sql = Dialect.SQLITE.render(select(USERS.name));   // Dialect.render calls result() on its renderer
     * }</pre>
     *
     * @return the rendered SQL and what executing it needs
     */
    public RenderedSql result() {
        return new RenderedSql(sql.toString(), bindings, kind, target, resultColumns, returnsRows, locksRows,
                kind == StatementKind.QUERY && !locksRows && !mayWrite, notNullHolds);
    }

    /**
     * Records what executing {@code node} needs (kind, target table, result columns) when it is
     * the statement being rendered, not one nested in it: rendering is the one reading of the AST.
     */
    private void describe(SqlNode node, StatementKind kind, Table target, List<Expression<?>> columns,
                          boolean returnsRows, boolean locksRows) {
        if (node != top) {
            return;
        }
        this.notNullHolds = false;
        this.kind = kind;
        this.target = target;
        this.resultColumns = columns;
        this.returnsRows = returnsRows;
        this.locksRows = locksRows;
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Appends {@code identifier} quoted by the dialect.
     *
     * @param identifier the unquoted name
     */
    protected final void quote(String identifier) {
        dialect.appendQuoted(sql, identifier);
    }

    /**
     * Appends a node by visiting it.
     *
     * @param node the expression, clause or statement
     */
    protected final void render(SqlNode node) {
        node.accept(this);
    }

    /**
     * {@code ?} with a value.
     *
     * @param value the value, not {@code null}
     * @param type its type
     * @throws IllegalArgumentException inside DDL, which cannot carry bound values
     */
    protected final void parameter(Object value, SqlType<?> type) {
        if (ddl) {
            throw new IllegalArgumentException("DDL cannot carry bound values; write a server default as SQL text");
        }
        sql.append('?');
        bindings.add(Binding.value(value, type));
        if (sources != null) {
            sources.add(pendingSource != null ? pendingSource : value);
            pendingSource = null;
        }
    }

    /**
     * Appends nodes separated by commas.
     *
     * @param nodes the nodes
     */
    protected final void list(List<? extends SqlNode> nodes) {
        for (int i = 0; i < nodes.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            render(nodes.get(i));
        }
    }

    /**
     * Renders a nested expression, in parentheses when it would otherwise bind wrongly.
     *
     * @param e the expression
     */
    protected final void operand(Expression<?> e) {
        boolean parens = e instanceof Junction || e instanceof Arithmetic<?> || e instanceof Comparison
                || e instanceof Not || e instanceof Like || e instanceof Between || e instanceof InList
                || e instanceof NullTest;
        if (parens) {
            sql.append('(');
        }
        render(e);
        if (parens) {
            sql.append(')');
        }
    }

    /**
     * Appends a select in parentheses; rendered by this renderer, so it may correlate with the
     * enclosing queries and its bindings land in order.
     *
     * @param select the subquery
     */
    protected final void subquery(Select select) {
        sql.append('(');
        render(select);
        sql.append(')');
    }

    // ---------------------------------------------------------------- expressions

    @Override
    public Void visitColumn(Column<?> column) {
        if (qualify) {
            quote(column.table().name());
            sql.append('.');
        }
        quote(column.name());
        return null;
    }

    @Override
    public Void visitAliasedColumn(AliasedColumn<?> column) {
        quote(column.alias().alias());
        sql.append('.');
        quote(column.column().name());
        return null;
    }

    @Override
    public Void visitDerivedColumn(DerivedColumn<?> column) {
        quote(column.table().alias());
        sql.append('.');
        quote(column.name());
        return null;
    }

    @Override
    public Void visitBindValue(BindValue<?> value) {
        pendingSource = value;
        parameter(value.value(), value.type());
        return null;
    }

    @Override
    public Void visitBindParam(BindParam<?> param) {
        if (ddl) {
            throw new IllegalArgumentException("DDL cannot carry parameters (:" + param.name() + ")");
        }
        sql.append('?');
        bindings.add(Binding.named(param.name(), param.type()));
        if (sources != null) {
            sources.add(RenderCache.NAMED);
        }
        return null;
    }

    @Override
    public Void visitRawSql(RawSql<?> raw) {
        mayWrite = true;
        sql.append(raw.sql());
        return null;
    }

    @Override
    public Void visitLiteral(Literal<?> literal) {
        if (ddl) {
            dialect.appendLiteral(sql, literal.value(), literal.type());
        } else {
            pendingSource = literal;
            parameter(literal.value(), literal.type());
        }
        return null;
    }

    @Override
    public Void visitComparison(Comparison comparison) {
        operand(comparison.left());
        sql.append(' ').append(Keywords.of(comparison.operator())).append(' ');
        operand(comparison.right());
        return null;
    }

    @Override
    public Void visitJunction(Junction junction) {
        String op = junction.kind() == Junction.Kind.AND ? " AND " : " OR ";
        List<Condition> parts = junction.conditions();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sql.append(op);
            }
            Condition c = parts.get(i);
            boolean parens = c instanceof Junction;
            if (parens) {
                sql.append('(');
            }
            render(c);
            if (parens) {
                sql.append(')');
            }
        }
        return null;
    }

    @Override
    public Void visitNot(Not not) {
        sql.append("NOT (");
        render(not.condition());
        sql.append(')');
        return null;
    }

    @Override
    public Void visitNullTest(NullTest test) {
        operand(test.expression());
        sql.append(test.negated() ? " IS NOT NULL" : " IS NULL");
        return null;
    }

    @Override
    public Void visitInList(InList in) {
        operand(in.expression());
        sql.append(in.negated() ? " NOT IN (" : " IN (");
        list(in.values());
        sql.append(')');
        return null;
    }

    @Override
    public Void visitInSubquery(InSubquery in) {
        operand(in.expression());
        sql.append(in.negated() ? " NOT IN " : " IN ");
        subquery(in.subquery());
        return null;
    }

    @Override
    public Void visitBetween(Between between) {
        operand(between.expression());
        sql.append(between.negated() ? " NOT BETWEEN " : " BETWEEN ");
        operand(between.low());
        sql.append(" AND ");
        operand(between.high());
        return null;
    }

    @Override
    public Void visitLike(Like like) {
        if (like.caseInsensitive()) {
            sql.append("lower(");
            render(like.expression());
            sql.append(')');
            sql.append(like.negated() ? " NOT LIKE lower(" : " LIKE lower(");
            render(like.pattern());
            sql.append(')');
        } else {
            operand(like.expression());
            sql.append(like.negated() ? " NOT LIKE " : " LIKE ");
            render(like.pattern());
        }
        if (like.escaped()) {
            sql.append(" ESCAPE '").append(Like.ESCAPE_CHAR).append('\'');
        }
        return null;
    }

    @Override
    public Void visitExists(Exists exists) {
        sql.append(exists.negated() ? "NOT EXISTS " : "EXISTS ");
        subquery(exists.subquery());
        return null;
    }

    @Override
    public Void visitScalarSubquery(ScalarSubquery<?> subquery) {
        subquery(subquery.subquery());
        return null;
    }

    @Override
    public Void visitArithmetic(Arithmetic<?> arithmetic) {
        operand(arithmetic.left());
        sql.append(' ').append(Keywords.of(arithmetic.operator())).append(' ');
        operand(arithmetic.right());
        return null;
    }

    /** {@code a || b}; MySQL overrides with {@code CONCAT(a, b)}. */
    @Override
    public Void visitConcat(Concat concat) {
        List<Expression<?>> parts = concat.parts();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sql.append(" || ");
            }
            operand(parts.get(i));
        }
        return null;
    }

    @Override
    public Void visitFunctionCall(FunctionCall<?> call) {
        String name = call.name();
        if (!FUNCTION_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a function name: " + name);
        }
        if (!PURE_FUNCTIONS.contains(name)) {
            mayWrite = true; // a user's function may write: such a query never runs in auto-commit
        }
        if (name.equals("now") && call.arguments().isEmpty()) {
            renderNow();
            return null;
        }
        sql.append(name.toUpperCase(java.util.Locale.ROOT)).append('(');
        if (call.distinct()) {
            sql.append("DISTINCT ");
        }
        if (call.arguments().isEmpty() && name.equals("count")) {
            sql.append('*');
        } else {
            list(call.arguments());
        }
        sql.append(')');
        return null;
    }

    /** The current timestamp. */
    protected void renderNow() {
        sql.append("CURRENT_TIMESTAMP");
    }

    @Override
    public Void visitCase(Case<?> caseExpression) {
        sql.append("CASE");
        for (Case.When<?> when : caseExpression.whens()) {
            sql.append(" WHEN ");
            render(when.condition());
            sql.append(" THEN ");
            render(when.result());
        }
        if (caseExpression.otherwise() != null) {
            sql.append(" ELSE ");
            render(caseExpression.otherwise());
        }
        sql.append(" END");
        return null;
    }

    @Override
    public Void visitAliased(Aliased<?> aliased) {
        if (aliasReferences) {
            quote(aliased.alias());
        } else {
            render(aliased.expression());
            sql.append(" AS ");
            quote(aliased.alias());
        }
        return null;
    }

    @Override
    public Void visitCast(Cast<?> cast) {
        sql.append("CAST(");
        render(cast.expression());
        sql.append(" AS ").append(dialect.castTypeName(cast.type())).append(')');
        return null;
    }

    @Override
    public Void visitConstantCondition(ConstantCondition condition) {
        sql.append(condition.value() ? "1 = 1" : "1 = 0");
        return null;
    }

    @Override
    public Void visitOrderItem(OrderItem item) {
        render(item.expression());
        if (item.descending()) {
            sql.append(" DESC");
        }
        if (item.nulls() == NullOrdering.FIRST) {
            sql.append(" NULLS FIRST");
        } else if (item.nulls() == NullOrdering.LAST) {
            sql.append(" NULLS LAST");
        }
        return null;
    }

    @Override
    public Void visitStar(Star star) {
        sql.append('*');
        return null;
    }

    // ---------------------------------------------------------------- from items

    @Override
    public Void visitTable(Table table) {
        quote(table.name());
        return null;
    }

    @Override
    public Void visitTableAlias(TableAlias alias) {
        quote(alias.table().name());
        sql.append(" AS ");
        quote(alias.alias());
        return null;
    }

    @Override
    public Void visitDerivedTable(DerivedTable derived) {
        subquery(derived.select());
        sql.append(" AS ");
        quote(derived.alias());
        return null;
    }

    @Override
    public Void visitJoin(Join join) {
        render(join.left());
        sql.append(' ').append(Keywords.of(join.type())).append(' ');
        boolean nested = join.right() instanceof Join;
        if (nested) {
            sql.append('(');
        }
        render(join.right());
        if (nested) {
            sql.append(')');
        }
        sql.append(" ON ");
        render(join.on());
        return null;
    }

    // ---------------------------------------------------------------- queries

    @Override
    public Void visitSelect(Select select) {
        describe(select, StatementKind.QUERY, null, select.selections(), true,
                select.lock() != LockMode.NONE && select.lock() != LockMode.SHARE);
        List<FromItem> from = fromOf(select);
        if (select == top) {
            notNullHolds = innerJoinsOnly(from);
        }
        scopes.push(from);
        try {
            sql.append(select.isDistinct() ? "SELECT DISTINCT " : "SELECT ");
            list(select.selections());
            if (!from.isEmpty()) {
                sql.append(" FROM ");
                list(from);
            }
            if (select.where() != null) {
                sql.append(" WHERE ");
                render(select.where());
            }
            if (!select.groupBy().isEmpty()) {
                sql.append(" GROUP BY ");
                aliasReferences = true;
                list(select.groupBy());
                aliasReferences = false;
            }
            if (select.having() != null) {
                sql.append(" HAVING ");
                render(select.having());
            }
            orderByClause(select.orderBy());
            limitClause(select.limit(), select.offset());
            if (select.lock() != LockMode.NONE) {
                lockClause(select.lock());
            }
        } finally {
            scopes.pop();
        }
        return null;
    }

    /** The FROM of a select: explicit, or inferred minus the tables of enclosing queries (correlation). */
    /** Whether no outer join in {@code from} can read a NULL where a column is declared NOT NULL. */
    private static boolean innerJoinsOnly(List<FromItem> from) {
        for (FromItem item : from) {
            if (!innerJoinsOnly(item)) {
                return false;
            }
        }
        return true;
    }

    private static boolean innerJoinsOnly(FromItem item) {
        return !(item instanceof Join join)
                || join.type() == JoinType.INNER && innerJoinsOnly(join.left()) && innerJoinsOnly(join.right());
    }

    private List<FromItem> fromOf(Select select) {
        if (!select.from().isEmpty()) {
            return select.from();
        }
        List<FromItem> inferred = select.effectiveFrom();
        if (scopes.isEmpty() || inferred.isEmpty()) {
            return inferred;
        }
        List<FromItem> own = new ArrayList<>(inferred.size());
        for (FromItem item : inferred) {
            boolean outer = false;
            for (List<FromItem> s : scopes) {
                if (containsTable(s, item)) {
                    outer = true;
                    break;
                }
            }
            if (!outer) {
                own.add(item);
            }
        }
        return own;
    }

    /** Whether {@code item} is one of the tables (joined or not) of a FROM list. */
    private static boolean containsTable(List<FromItem> from, FromItem item) {
        for (FromItem f : from) {
            if (containsTable(f, item)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsTable(FromItem from, FromItem item) {
        if (from instanceof Table t) {
            return t.equals(item);
        }
        if (from instanceof Join j) {
            return containsTable(j.left(), item) || containsTable(j.right(), item);
        }
        return false;
    }

    /**
     * {@code ORDER BY a, b DESC}, nothing when there are no items.
     *
     * @param items the order items
     */
    protected void orderByClause(List<OrderItem> items) {
        if (items.isEmpty()) {
            return;
        }
        sql.append(" ORDER BY ");
        aliasReferences = true;
        list(items);
        aliasReferences = false;
    }

    /**
     * {@code LIMIT ? OFFSET ?}, parts omitted when not set.
     *
     * @param limit the row limit, or {@code null}
     * @param offset the rows skipped, or {@code null}
     */
    protected void limitClause(Long limit, Long offset) {
        if (limit != null) {
            sql.append(" LIMIT ");
            parameter(limit, SqlTypes.BIGINT);
        }
        if (offset != null) {
            sql.append(" OFFSET ");
            parameter(offset, SqlTypes.BIGINT);
        }
    }

    /**
     * {@code FOR UPDATE} and its variants. SQLite appends nothing (it has no row locks); MariaDB spells
     * {@code FOR SHARE} as {@code LOCK IN SHARE MODE}.
     *
     * @param mode the lock requested
     */
    protected void lockClause(LockMode mode) {
        switch (mode) {
            case UPDATE -> sql.append(" FOR UPDATE");
            case UPDATE_NOWAIT -> sql.append(" FOR UPDATE NOWAIT");
            case UPDATE_SKIP_LOCKED -> sql.append(" FOR UPDATE SKIP LOCKED");
            case SHARE -> sql.append(" FOR SHARE");
            case NONE -> {
            }
        }
    }

    @Override
    public Void visitSetOperation(SetOperation operation) {
        List<Select> selects = operation.selects();
        describe(operation, StatementKind.QUERY, null, selects.get(0).selections(), true, false);
        for (int i = 0; i < selects.size(); i++) {
            if (i > 0) {
                sql.append(' ').append(Keywords.of(operation.kind())).append(' ');
            }
            setOperand(selects.get(i));
        }
        orderByClause(operation.orderBy());
        limitClause(operation.limit(), operation.offset());
        return null;
    }

    /**
     * One member of a UNION; SQLite does not allow parentheses there.
     *
     * @param select the member
     */
    protected void setOperand(Select select) {
        subquery(select);
    }

    // ---------------------------------------------------------------- DML

    @Override
    public Void visitInsert(Insert insert) {
        mayWrite = true; // also where a query holds it (a data-modifying WITH)
        Table table = insert.table();
        describe(insert, StatementKind.INSERT, table, insert.returning(), !insert.returning().isEmpty(), false);
        List<Column<?>> columns = new ArrayList<>(insert.columns());
        List<List<Expression<?>>> rows = new ArrayList<>(insert.rows());
        Select fromSelect = insert.fromSelect();
        if (fromSelect == null) {
            addClientDefaults(table, columns, rows);
        } else {
            fromSelect = withSelectedDefaults(table, columns, fromSelect);
        }
        checkRequiredColumns(table, columns);
        sql.append("INSERT INTO ");
        quote(table.name());
        if (columns.isEmpty() && insert.fromSelect() == null) {
            emptyInsertValues();
        } else {
            sql.append(" (");
            qualify = false;
            list(columns);
            qualify = true;
            sql.append(')');
            if (fromSelect != null) {
                sql.append(' ');
                render(fromSelect);
            } else {
                valueRows(columns, rows);
            }
        }
        if (insert.onConflict() != null) {
            onConflictClause(insert.onConflict());
        }
        returning(Dialect.ReturningSupport.INSERT, table, insert.returning());
        return null;
    }

    /**
     * {@code  VALUES (...), (...)}: an INSERT's rows. With {@link #rowOrder} a dialect whose
     * database may take VALUES rows in another order renders a form that keeps theirs.
     *
     * <pre>{@code
     * // not compiled: a renderer's own protected step, as a subclass calls it
     * valueRows(List.of(USERS.name), List.of(List.of(value("ann")), List.of(value("bob"))));   //  VALUES (?), (?)
     * }</pre>
     *
     * @param columns the inserted columns
     * @param rows the rows, one expression per column
     */
    protected void valueRows(List<Column<?>> columns, List<List<Expression<?>>> rows) {
        sql.append(" VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            if (r > 0) {
                sql.append(", ");
            }
            sql.append('(');
            List<Expression<?>> row = rows.get(r);
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                value(columns.get(i), row.get(i));
            }
            sql.append(')');
        }
    }

    /**
     * {@code ON CONFLICT (target) DO NOTHING | DO UPDATE SET ...}; MySQL overrides.
     *
     * @param conflict the conflict handling
     */
    protected void onConflictClause(OnConflict conflict) {
        sql.append(" ON CONFLICT (");
        qualify = false;
        list(conflict.target());
        qualify = true;
        sql.append(')');
        if (conflict.doesNothing()) {
            sql.append(" DO NOTHING");
            return;
        }
        sql.append(" DO UPDATE SET ");
        assignments(conflict.assignments());
    }

    /**
     * {@code "a" = ?, "b" = expr}.
     *
     * @param assignments the assignments, in order
     */
    protected final void assignments(List<Update.Assignment> assignments) {
        for (int i = 0; i < assignments.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            Update.Assignment a = assignments.get(i);
            quote(a.column().name());
            sql.append(" = ");
            value(a.column(), a.value());
        }
    }

    @Override
    public Void visitExcluded(Excluded<?> excluded) {
        sql.append("excluded.");
        quote(excluded.column().name());
        return null;
    }

    /**
     * Renders a value written to {@code column}, tagging its binding with the column for validation.
     *
     * @param column the target column
     * @param value the value expression
     */
    protected final void value(Column<?> column, Expression<?> value) {
        int before = bindings.size();
        render(value);
        if (value instanceof BindValue<?> || value instanceof BindParam<?>) {
            if (bindings.size() == before + 1) {
                Binding b = bindings.get(before);
                bindings.set(before, new Binding(b.name(), b.value(), b.type(), column));
            }
        }
    }

    /** Client-side defaults for columns the insert leaves out, evaluated now, once per row. */
    @SuppressWarnings("unchecked")
    private static void addClientDefaults(Table table, List<Column<?>> columns, List<List<Expression<?>>> rows) {
        for (Column<?> column : table.columns()) {
            if (column.defaultValue() == null || columns.contains(column)) {
                continue;
            }
            boolean named = !rows.isEmpty() && !rows.get(0).isEmpty() && rows.get(0).get(0) instanceof BindParam<?>;
            if (named) {
                continue; // executemany: the engine fills defaults per row
            }
            columns.add(column);
            if (rows.isEmpty()) {
                rows.add(new ArrayList<>());
            }
            for (int r = 0; r < rows.size(); r++) {
                List<Expression<?>> row = new ArrayList<>(rows.get(r));
                Column<Object> c = (Column<Object>) column;
                row.add(new BindValue<>(c.defaultValue().get(), c.type()));
                rows.set(r, row);
            }
        }
    }

    /**
     * INSERT ... SELECT: client defaults of columns the select does not fill are added to the
     * select list as bound values, evaluated once for the statement (as SQLAlchemy does).
     */
    @SuppressWarnings("unchecked")
    private static Select withSelectedDefaults(Table table, List<Column<?>> columns, Select select) {
        Select out = select;
        for (Column<?> column : table.columns()) {
            if (column.defaultValue() != null && !columns.contains(column)) {
                Column<Object> c = (Column<Object>) column;
                columns.add(c);
                out = out.columns(new BindValue<>(c.defaultValue().get(), c.type()));
            }
        }
        return out;
    }

    private static void checkRequiredColumns(Table table, List<Column<?>> columns) {
        for (Column<?> column : table.columns()) {
            if (!column.isNullable() && !column.hasServerValue() && column.defaultValue() == null
                    && !columns.contains(column)) {
                throw new NotNullViolationException("insert into " + table.name() + ": column "
                        + column.qualifiedName() + " is NOT NULL and has no value or default", null, null);
            }
        }
    }

    /** An insert of a row made only of defaults. MySQL overrides. */
    protected void emptyInsertValues() {
        sql.append(" DEFAULT VALUES");
    }

    /**
     * {@code RETURNING a, b}, or the dialect's error where {@code kind} has none.
     *
     * @param kind the statement the clause follows
     * @param table the table written to, for error messages
     * @param expressions the returned expressions; nothing is appended when empty
     * @throws org.tabula.error.UnsupportedFeatureException when the dialect has no RETURNING for {@code kind}
     */
    protected void returning(Dialect.ReturningSupport kind, Table table, List<Expression<?>> expressions) {
        if (expressions.isEmpty()) {
            return;
        }
        if (!dialect.supportsReturning(kind)) {
            throw new UnsupportedFeatureException(kind + " ... RETURNING is not supported by " + dialect.name()
                    + " (table " + table.name() + ")"
                    + (kind == Dialect.ReturningSupport.INSERT ? "" : "; select the rows in the same transaction instead"));
        }
        sql.append(" RETURNING ");
        boolean saved = qualify;
        qualify = false;
        list(expressions);
        qualify = saved;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Void visitUpdate(Update update) {
        mayWrite = true; // also where a query holds it (a data-modifying WITH)
        Table table = update.table();
        describe(update, StatementKind.UPDATE, table, update.returning(), !update.returning().isEmpty(), false);
        if (update.where() == null && !update.unrestricted()) {
            throw new IllegalStateException("update of " + table.name()
                    + " has no WHERE clause; add where(...) or call allRows() to update every row");
        }
        List<Update.Assignment> assignments = new ArrayList<>(update.assignments());
        if (assignments.isEmpty()) {
            throw new IllegalStateException("update of " + table.name() + " sets no column");
        }
        for (Column<?> column : table.columns()) {
            if (column.onUpdate() != null && assignments.stream().noneMatch(a -> a.column().equals(column))) {
                Column<Object> c = (Column<Object>) column;
                assignments.add(new Update.Assignment(c, new BindValue<>(c.onUpdate().get(), c.type())));
            }
        }
        sql.append("UPDATE ");
        quote(table.name());
        sql.append(" SET ");
        assignments(assignments);
        if (update.where() != null) {
            sql.append(" WHERE ");
            render(update.where());
        }
        returning(Dialect.ReturningSupport.UPDATE, table, update.returning());
        return null;
    }

    @Override
    public Void visitDelete(Delete delete) {
        mayWrite = true; // also where a query holds it (a data-modifying WITH)
        Table table = delete.table();
        describe(delete, StatementKind.DELETE, table, delete.returning(), !delete.returning().isEmpty(), false);
        if (delete.where() == null && !delete.unrestricted()) {
            throw new IllegalStateException("delete from " + table.name()
                    + " has no WHERE clause; add where(...) or call allRows() to delete every row");
        }
        sql.append("DELETE FROM ");
        quote(table.name());
        if (delete.where() != null) {
            sql.append(" WHERE ");
            render(delete.where());
        }
        returning(Dialect.ReturningSupport.DELETE, table, delete.returning());
        return null;
    }

    @Override
    public Void visitText(TextStatement text) {
        describe(text, StatementKind.TEXT, null, text.columns(), text.returnsRows(), false);
        List<String> fragments = text.fragments();
        List<String> names = text.parameterOccurrences();
        sql.append(fragments.get(0));
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            BindValue<?> bound = text.boundValue(name);
            sql.append('?');
            bindings.add(bound != null ? Binding.value(bound.value(), bound.type()) : Binding.named(name, SqlTypes.ANY));
            sql.append(fragments.get(i + 1));
        }
        return null;
    }

    // ---------------------------------------------------------------- DDL

    @Override
    public Void visitCreateTable(CreateTable create) {
        ddl = true;
        qualify = false;
        Table table = create.table();
        sql.append(create.ifNotExists() ? "CREATE TABLE IF NOT EXISTS " : "CREATE TABLE ");
        quote(create.name());
        sql.append(" (");
        List<Column<?>> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            columnDefinition(columns.get(i));
        }
        List<Column<?>> pk = table.primaryKey();
        if (!pk.isEmpty() && !primaryKeyInline(table)) {
            sql.append(", PRIMARY KEY (");
            list(pk);
            sql.append(')');
        }
        for (UniqueConstraint u : table.uniqueConstraints()) {
            sql.append(", CONSTRAINT ");
            quote(u.name());
            sql.append(" UNIQUE (");
            list(u.columns());
            sql.append(')');
        }
        for (ForeignKey fk : table.foreignKeys()) {
            sql.append(", ");
            foreignKeyClause(fk);
        }
        sql.append(')');
        tableOptions(table);
        return null;
    }

    /**
     * {@code FOREIGN KEY (a) REFERENCES t (b) [ON DELETE x] [ON UPDATE y]}.
     *
     * @param fk the foreign key
     */
    protected void foreignKeyClause(ForeignKey fk) {
        sql.append("FOREIGN KEY (");
        list(fk.columns());
        sql.append(") REFERENCES ");
        quote(fk.targetTable().name());
        sql.append(" (");
        list(fk.targets());
        sql.append(')');
        if (fk.onDelete() != org.tabula.schema.ReferentialAction.NO_ACTION) {
            sql.append(" ON DELETE ").append(Keywords.of(fk.onDelete()));
        }
        if (fk.onUpdate() != org.tabula.schema.ReferentialAction.NO_ACTION) {
            sql.append(" ON UPDATE ").append(Keywords.of(fk.onUpdate()));
        }
    }

    /**
     * Whether the primary key is declared inside a column definition (SQLite's AUTOINCREMENT needs it).
     *
     * @param table the table
     * @return {@code true} when the key goes in the column definition
     */
    protected boolean primaryKeyInline(Table table) {
        return false;
    }

    /**
     * {@code "name" TYPE [identity] [DEFAULT x] [NOT NULL] [UNIQUE]}.
     *
     * @param column the column
     */
    protected void columnDefinition(Column<?> column) {
        quote(column.name());
        sql.append(' ').append(dialect.typeName(column.type(), column));
        if (column.isAutoIncrement()) {
            autoIncrementClause(column);
        }
        if (column.serverDefault() != null) {
            sql.append(" DEFAULT ");
            render(column.serverDefault());
        }
        if (!column.isNullable()) {
            sql.append(" NOT NULL");
        }
        if (!columnConstraints) {
            return;
        }
        if (column.isUnique()) {
            sql.append(" UNIQUE");
        }
        if (column.type() instanceof EnumType<?> e && dialect.checksEnumLabels(e)) {
            // Checked VARCHAR: the database refuses labels the enum does not have.
            sql.append(" CHECK (");
            quote(column.name());
            sql.append(" IN ").append(dialect.enumLabels(e)).append(')');
        }
    }

    /**
     * What follows the type of an auto-increment column.
     *
     * @param column the auto-increment column
     */
    protected void autoIncrementClause(Column<?> column) {
        sql.append(" GENERATED BY DEFAULT AS IDENTITY");
    }

    /**
     * Text after the closing parenthesis of CREATE TABLE (MySQL's charset).
     *
     * @param table the table
     */
    protected void tableOptions(Table table) {
    }

    @Override
    public Void visitDropTable(DropTable drop) {
        sql.append(drop.ifExists() ? "DROP TABLE IF EXISTS " : "DROP TABLE ");
        quote(drop.table().name());
        return null;
    }

    @Override
    public Void visitCreateIndex(CreateIndex create) {
        Index index = create.index();
        sql.append(index.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
        if (create.ifNotExists()) {
            if (!dialect.supportsCreateIndexIfNotExists()) {
                throw new UnsupportedFeatureException("CREATE INDEX IF NOT EXISTS is not supported by " + dialect.name());
            }
            sql.append("IF NOT EXISTS ");
        }
        quote(index.name());
        sql.append(" ON ");
        quote(index.table().name());
        sql.append(" (");
        qualify = false;
        list(index.columns());
        qualify = true;
        sql.append(')');
        return null;
    }

    @Override
    public Void visitCreateEnumType(CreateEnumType create) {
        ddl = true;
        sql.append("CREATE TYPE ");
        quote(create.type().nativeName());
        sql.append(" AS ENUM ").append(dialect.enumLabels(create.type()));
        return null;
    }

    @Override
    public Void visitDropEnumType(DropEnumType drop) {
        sql.append("DROP TYPE IF EXISTS ");
        quote(drop.type().nativeName());
        return null;
    }

    @Override
    public Void visitDropIndex(DropIndex drop) {
        sql.append(drop.ifExists() ? "DROP INDEX IF EXISTS " : "DROP INDEX ");
        quote(drop.index().name());
        return null;
    }

    // ---------------------------------------------------------------- schema changes

    /**
     * {@code ALTER TABLE "t" }.
     *
     * @param table the unquoted table name
     */
    protected final void alterTable(String table) {
        ddl = true;
        qualify = false;
        sql.append("ALTER TABLE ");
        quote(table);
        sql.append(' ');
    }

    /**
     * {@code ALTER TABLE "t" DROP <what> "name"}.
     *
     * @param table the unquoted table name
     * @param what the kind of object, e.g. {@code CONSTRAINT} or {@code INDEX}
     * @param name the unquoted object name
     */
    protected final void alterTableDrop(String table, String what, String name) {
        alterTable(table);
        sql.append("DROP ").append(what).append(' ');
        quote(name);
    }

    @Override
    public Void visitAddColumn(AddColumn statement) {
        alterTable(statement.column().table().name());
        sql.append("ADD COLUMN ");
        columnDefinition(statement.column());
        return null;
    }

    @Override
    public Void visitDropColumn(DropColumn statement) {
        alterTableDrop(statement.table(), "COLUMN", statement.column());
        return null;
    }

    /** The standard form: one {@code ALTER COLUMN} clause per changed part. */
    @Override
    public Void visitAlterColumn(AlterColumn statement) {
        Column<?> column = statement.column();
        alterTable(column.table().name());
        String separator = "";
        if (statement.type()) {
            String type = dialect.typeName(column.type(), column);
            sql.append("ALTER COLUMN ");
            quote(column.name());
            sql.append(" TYPE ").append(type).append(" USING ");
            quote(column.name());
            sql.append("::").append(type);
            separator = ", ";
        }
        if (statement.serverDefault()) {
            sql.append(separator).append("ALTER COLUMN ");
            quote(column.name());
            if (column.serverDefault() == null) {
                sql.append(" DROP DEFAULT");
            } else {
                sql.append(" SET DEFAULT ");
                render(column.serverDefault());
            }
            separator = ", ";
        }
        if (statement.nullability()) {
            sql.append(separator).append("ALTER COLUMN ");
            quote(column.name());
            sql.append(column.isNullable() ? " DROP NOT NULL" : " SET NOT NULL");
        }
        return null;
    }

    @Override
    public Void visitAddForeignKey(AddForeignKey statement) {
        alterTable(statement.foreignKey().table().name());
        sql.append("ADD CONSTRAINT ");
        quote(statement.name());
        sql.append(' ');
        foreignKeyClause(statement.foreignKey());
        return null;
    }

    @Override
    public Void visitDropForeignKey(DropForeignKey statement) {
        alterTableDrop(statement.table(), "CONSTRAINT", statement.name());
        return null;
    }

    @Override
    public Void visitAddUnique(AddUnique statement) {
        alterTable(statement.table());
        sql.append("ADD CONSTRAINT ");
        quote(statement.name());
        sql.append(" UNIQUE (");
        list(statement.columns());
        sql.append(')');
        return null;
    }

    @Override
    public Void visitDropUnique(DropUnique statement) {
        alterTableDrop(statement.table(), "CONSTRAINT", statement.name());
        return null;
    }

    @Override
    public Void visitAddEnumValue(AddEnumValue statement) {
        if (!dialect.supportsNativeEnumTypes()) {
            throw new UnsupportedFeatureException(dialect.name() + " has no named enum types (type " + statement.typeName() + ")");
        }
        sql.append("ALTER TYPE ");
        quote(statement.typeName());
        sql.append(" ADD VALUE ");
        dialect.appendStringLiteral(sql, statement.label());
        return null;
    }

    @Override
    public Void visitRenameTable(RenameTable statement) {
        alterTable(statement.from());
        sql.append("RENAME TO ");
        quote(statement.to());
        return null;
    }

    @Override
    public Void visitCopyRows(CopyRows statement) {
        sql.append("INSERT INTO ");
        quote(statement.to());
        sql.append(" (");
        names(statement.columns());
        sql.append(") SELECT ");
        names(statement.columns());
        sql.append(" FROM ");
        quote(statement.from());
        return null;
    }

    private void names(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            quote(names.get(i));
        }
    }
}
