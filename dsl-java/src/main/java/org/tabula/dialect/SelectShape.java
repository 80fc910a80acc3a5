package org.tabula.dialect;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import org.tabula.expr.Aliased;
import org.tabula.expr.AliasedColumn;
import org.tabula.expr.Arithmetic;
import org.tabula.expr.Between;
import org.tabula.expr.BindParam;
import org.tabula.expr.BindValue;
import org.tabula.expr.Cast;
import org.tabula.expr.Comparison;
import org.tabula.expr.Concat;
import org.tabula.expr.Condition;
import org.tabula.expr.ConstantCondition;
import org.tabula.expr.Expression;
import org.tabula.expr.FunctionCall;
import org.tabula.expr.InList;
import org.tabula.expr.Junction;
import org.tabula.expr.Like;
import org.tabula.expr.Literal;
import org.tabula.expr.Not;
import org.tabula.expr.NullTest;
import org.tabula.expr.OrderItem;
import org.tabula.expr.Star;
import org.tabula.schema.Column;
import org.tabula.schema.Table;
import org.tabula.schema.TableAlias;
import org.tabula.statement.FromItem;
import org.tabula.statement.Join;
import org.tabula.statement.Select;

/**
 * One walk over a select's structure without its values, for {@link RenderCache}. The walk
 * turns the tree into a sequence of tokens (a kind tag per node, then what its SQL text depends
 * on: columns and tables by identity, operators, flags, aliases, bind types, list sizes), so two
 * selects with equal token sequences render the same SQL. The walk also collects the nodes that
 * become bind parameters ({@code BindValue}, {@code Literal}, the LIMIT and OFFSET values), in
 * walk order. A node the walk does not know (a subquery, raw SQL, a user's own expression) makes
 * the select uncacheable: it is then rendered as always.
 *
 * <p>Three modes share the one walk, so what is hashed, compared and recorded cannot drift apart.
 */
final class SelectShape {

    private static final int HASH = 0;
    private static final int COMPARE = 1;
    private static final int RECORD = 2;

    private static final int SELECT = 1;
    private static final int COLUMN = 2;
    private static final int ALIASED_COLUMN = 3;
    private static final int BIND = 4;
    private static final int LITERAL = 5;
    private static final int PARAM = 6;
    private static final int COMPARISON = 7;
    private static final int JUNCTION = 8;
    private static final int LIKE = 9;
    private static final int NULL_TEST = 10;
    private static final int IN_LIST = 11;
    private static final int BETWEEN = 12;
    private static final int NOT = 13;
    private static final int ARITHMETIC = 14;
    private static final int ALIASED = 15;
    private static final int FUNCTION = 16;
    private static final int CONSTANT = 17;
    private static final int STAR = 18;
    private static final int CAST = 19;
    private static final int CONCAT = 20;
    private static final int TABLE = 21;
    private static final int TABLE_ALIAS = 22;
    private static final int JOIN = 23;
    private static final int ORDER = 24;
    private static final int ABSENT = 25;

    private final int mode;
    /** HASH: the hash of the tokens so far. */
    int hash = 1;
    /** COMPARE: the recorded tokens and the position reached. */
    private final Object @Nullable [] expected;
    private int position;
    /** RECORD: the tokens. */
    private final @Nullable List<Object> tokens;
    /** Whether the select is cacheable (every node known) and, in COMPARE mode, still equal. */
    boolean ok = true;
    /** HASH: the nodes and LIMIT/OFFSET values bound as parameters, in walk order. */
    Object[] sources = new Object[8];
    int sourceCount;

    private SelectShape(int mode, Object @Nullable [] expected, @Nullable List<Object> tokens) {
        this.mode = mode;
        this.expected = expected;
        this.tokens = tokens;
    }

    /** The hash and parameter sources of {@code select}, or {@code null} when it cannot be cached. */
    static @Nullable SelectShape hash(Select select) {
        SelectShape shape = new SelectShape(HASH, null, null);
        shape.select(select);
        return shape.ok ? shape : null;
    }

    /** Whether {@code select} has exactly the recorded shape. */
    static boolean matches(Select select, Object[] recorded) {
        SelectShape shape = new SelectShape(COMPARE, recorded, null);
        shape.select(select);
        return shape.ok && shape.position == recorded.length;
    }

    /** The tokens of a cacheable select. */
    static Object[] tokens(Select select) {
        List<Object> out = new ArrayList<>(64);
        new SelectShape(RECORD, null, out).select(select);
        return out.toArray();
    }

    /** The value a parameter source binds. */
    static @Nullable Object valueOf(Object source) {
        if (source instanceof BindValue<?> b) {
            return b.value();
        }
        if (source instanceof Literal<?> l) {
            return l.value();
        }
        return source;
    }

    // ---------------------------------------------------------------- tokens

    private void token(int value) {
        switch (mode) {
            case HASH -> hash = 31 * hash + value;
            case COMPARE -> {
                if (ok) {
                    ok = position < expected.length && expected[position] instanceof Integer i && i == value;
                }
                position++;
            }
            default -> tokens.add(value);
        }
    }

    /** A token compared by identity: a column, a table, a type, an enum constant. */
    private void same(Object value) {
        switch (mode) {
            case HASH -> hash = 31 * hash + System.identityHashCode(value);
            case COMPARE -> {
                if (ok) {
                    ok = position < expected.length && expected[position] == value;
                }
                position++;
            }
            default -> tokens.add(value);
        }
    }

    /** A token compared by equality: an alias, a function or parameter name. */
    private void text(String value) {
        switch (mode) {
            case HASH -> hash = 31 * hash + value.hashCode();
            case COMPARE -> {
                if (ok) {
                    ok = position < expected.length && expected[position] instanceof String s && s.equals(value);
                }
                position++;
            }
            default -> tokens.add(value);
        }
    }

    private void source(Object node) {
        if (mode != HASH) {
            return;
        }
        if (sourceCount == sources.length) {
            sources = java.util.Arrays.copyOf(sources, sourceCount * 2);
        }
        sources[sourceCount++] = node;
    }

    // ---------------------------------------------------------------- the walk

    private void select(Select s) {
        token(SELECT);
        token(s.isDistinct() ? 1 : 0);
        same(s.lock());
        expressions(s.selections());
        List<FromItem> from = s.from();
        token(from.size());
        for (int i = 0; i < from.size() && ok; i++) {
            fromItem(from.get(i));
        }
        optional(s.where());
        expressions(s.groupBy());
        optional(s.having());
        List<OrderItem> orderBy = s.orderBy();
        token(orderBy.size());
        for (int i = 0; i < orderBy.size() && ok; i++) {
            OrderItem item = orderBy.get(i);
            token(ORDER);
            token(item.descending() ? 1 : 0);
            same(item.nulls());
            expression(item.expression());
        }
        limit(s.limit());
        limit(s.offset());
    }

    private void limit(@Nullable Long value) {
        if (value == null) {
            token(ABSENT);
        } else {
            token(BIND);
            source(value);
        }
    }

    private void optional(@Nullable Condition condition) {
        if (condition == null) {
            token(ABSENT);
        } else {
            expression(condition);
        }
    }

    private void expressions(List<? extends Expression<?>> list) {
        token(list.size());
        for (int i = 0; i < list.size() && ok; i++) {
            expression(list.get(i));
        }
    }

    private void fromItem(FromItem item) {
        if (item instanceof Table t) {
            token(TABLE);
            same(t);
        } else if (item instanceof TableAlias a) {
            token(TABLE_ALIAS);
            same(a.table());
            text(a.alias());
        } else if (item instanceof Join j) {
            token(JOIN);
            same(j.type());
            fromItem(j.left());
            fromItem(j.right());
            expression(j.on());
        } else {
            ok = false;
        }
    }

    private void expression(Expression<?> e) {
        if (!ok) {
            return;
        }
        if (e instanceof Column<?> c) {
            token(COLUMN);
            same(c);
        } else if (e instanceof BindValue<?> b) {
            token(BIND);
            same(b.type());
            source(b);
        } else if (e instanceof Comparison c) {
            token(COMPARISON);
            same(c.operator());
            expression(c.left());
            expression(c.right());
        } else if (e instanceof Junction j) {
            token(JUNCTION);
            same(j.kind());
            expressions(j.conditions());
        } else if (e instanceof Like l) {
            token(LIKE);
            token((l.negated() ? 1 : 0) | (l.escaped() ? 2 : 0) | (l.caseInsensitive() ? 4 : 0));
            expression(l.expression());
            expression(l.pattern());
        } else if (e instanceof AliasedColumn<?> a) {
            token(ALIASED_COLUMN);
            text(a.alias().alias());
            same(a.column());
        } else if (e instanceof Literal<?> l) {
            token(LITERAL);
            same(l.type());
            source(l);
        } else if (e instanceof BindParam<?> p) {
            token(PARAM);
            text(p.name());
            same(p.type());
        } else if (e instanceof NullTest n) {
            token(NULL_TEST);
            token(n.negated() ? 1 : 0);
            expression(n.expression());
        } else if (e instanceof InList in) {
            token(IN_LIST);
            token(in.negated() ? 1 : 0);
            expression(in.expression());
            expressions(in.values());
        } else if (e instanceof Between b) {
            token(BETWEEN);
            token(b.negated() ? 1 : 0);
            expression(b.expression());
            expression(b.low());
            expression(b.high());
        } else if (e instanceof Not n) {
            token(NOT);
            expression(n.condition());
        } else if (e instanceof Arithmetic<?> a) {
            token(ARITHMETIC);
            same(a.operator());
            expression(a.left());
            expression(a.right());
        } else if (e instanceof Aliased<?> a) {
            token(ALIASED);
            text(a.alias());
            expression(a.expression());
        } else if (e instanceof FunctionCall<?> f) {
            token(FUNCTION);
            text(f.name());
            token(f.distinct() ? 1 : 0);
            expressions(f.arguments());
        } else if (e instanceof ConstantCondition c) {
            token(CONSTANT);
            token(c.value() ? 1 : 0);
        } else if (e instanceof Star) {
            token(STAR);
        } else if (e instanceof Cast<?> c) {
            token(CAST);
            same(c.type());
            expression(c.expression());
        } else if (e instanceof Concat c) {
            token(CONCAT);
            expressions(c.parts());
        } else {
            ok = false;
        }
    }
}
