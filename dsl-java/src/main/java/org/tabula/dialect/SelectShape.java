package org.tabula.dialect;

import org.jspecify.annotations.Nullable;

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
 * <p>The tokens go into a per-thread buffer, so checking a select against a cached shape is one
 * walk plus a comparison of two arrays, and allocates nothing.
 */
final class SelectShape {

    private static final ThreadLocal<SelectShape> SCRATCH = ThreadLocal.withInitial(SelectShape::new);

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

    /** The hash of the tokens. */
    int hash;
    /** Whether every node of the select is known to the walk. */
    private boolean ok;
    private boolean inUse;
    /** The structure: kind tags, flags, list sizes; alone it decides where each object token belongs. */
    private int[] ints = new int[64];
    private int intCount;
    /** Columns, tables, types, enum constants (by identity), aliases and names (by equality), in walk order. */
    private Object[] objects = new Object[32];
    private int objectCount;
    /** The nodes and LIMIT/OFFSET values bound as parameters, in walk order. */
    Object[] sources = new Object[16];
    int sourceCount;

    private SelectShape() {
    }

    /**
     * The shape of {@code select}, or {@code null} when it cannot be cached; {@link #release()}
     * it when done.
     */
    static @Nullable SelectShape of(Select select) {
        SelectShape shape = SCRATCH.get();
        if (shape.inUse) {
            shape = new SelectShape();      // rendering inside a render: never share the buffers
        }
        shape.inUse = true;
        shape.hash = 1;
        shape.ok = true;
        shape.intCount = 0;
        shape.objectCount = 0;
        shape.sourceCount = 0;
        try {
            shape.select(select);
        } catch (RuntimeException malformed) {
            shape.ok = false;       // e.g. a null inside a node: the plain render reports it as it always has
        }
        if (!shape.ok) {
            shape.release();
            return null;
        }
        return shape;
    }

    /** Drops the references to this select's values and frees the buffers for the thread's next select. */
    void release() {
        java.util.Arrays.fill(sources, 0, sourceCount, null);
        sourceCount = 0;
        inUse = false;
    }

    /** Whether the tokens are exactly those of {@code recorded}. */
    boolean matches(Recorded recorded) {
        if (recorded.ints.length != intCount || recorded.objects.length != objectCount
                || !java.util.Arrays.equals(ints, 0, intCount, recorded.ints, 0, intCount)) {
            return false;
        }
        Object[] mine = objects;
        Object[] theirs = recorded.objects;
        for (int i = 0; i < theirs.length; i++) {
            Object a = mine[i];
            Object b = theirs[i];
            // Only names compare by value; columns, tables, types, enum constants by identity.
            if (a != b && !(a instanceof String && a.equals(b))) {
                return false;
            }
        }
        return true;
    }

    /** A copy of the tokens, for a cache entry. */
    Recorded record() {
        return new Recorded(java.util.Arrays.copyOf(ints, intCount), java.util.Arrays.copyOf(objects, objectCount));
    }

    /** The tokens of a shape kept in the cache. */
    record Recorded(int[] ints, Object[] objects) {
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

    private void add(Object token) {
        if (objectCount == objects.length) {
            objects = java.util.Arrays.copyOf(objects, objectCount * 2);
        }
        objects[objectCount++] = token;
    }

    private void token(int value) {
        hash = 31 * hash + value;
        if (intCount == ints.length) {
            ints = java.util.Arrays.copyOf(ints, intCount * 2);
        }
        ints[intCount++] = value;
    }

    /** A token compared by identity: a column, a table, a type, an enum constant. */
    private void same(Object value) {
        hash = 31 * hash + System.identityHashCode(value);
        add(value);
    }

    /** A token compared by equality: an alias, a function or parameter name. */
    private void text(String value) {
        hash = 31 * hash + value.hashCode();
        add(value);
    }

    private void source(Object node) {
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
