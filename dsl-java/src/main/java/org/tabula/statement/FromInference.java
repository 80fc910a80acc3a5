package org.tabula.statement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tabula.expr.Aliased;
import org.tabula.expr.Arithmetic;
import org.tabula.expr.Between;
import org.tabula.expr.Case;
import org.tabula.expr.Cast;
import org.tabula.expr.Comparison;
import org.tabula.expr.Concat;
import org.tabula.expr.Expression;
import org.tabula.expr.FunctionCall;
import org.tabula.expr.InList;
import org.tabula.expr.Junction;
import org.tabula.expr.Like;
import org.tabula.expr.Not;
import org.tabula.expr.NullTest;
import org.tabula.expr.SqlNode;
import org.tabula.schema.Column;
import org.tabula.schema.Table;
import org.tabula.schema.TableAlias;

/** Finds the tables a select refers to, for an implicit FROM and for join inference. */
final class FromInference {

    private FromInference() {
    }

    /** Tables of the columns in the select list (then in WHERE), in order of first use. */
    static List<Table> tablesOf(List<Expression<?>> selections, SqlNode where) {
        Set<Table> tables = new LinkedHashSet<>();
        for (Expression<?> e : selections) {
            collect(e, tables);
        }
        if (where != null) {
            collect(where, tables);
        }
        return new ArrayList<>(tables);
    }

    private static void collect(SqlNode node, Set<Table> out) {
        if (node instanceof Column<?> c) {
            out.add(c.table());
        } else if (node instanceof Aliased<?> a) {
            collect(a.expression(), out);
        } else if (node instanceof FunctionCall<?> f) {
            f.arguments().forEach(arg -> collect(arg, out));
        } else if (node instanceof Arithmetic<?> a) {
            collect(a.left(), out);
            collect(a.right(), out);
        } else if (node instanceof Concat c) {
            c.parts().forEach(p -> collect(p, out));
        } else if (node instanceof Cast<?> c) {
            collect(c.expression(), out);
        } else if (node instanceof Case<?> c) {
            for (Case.When<?> w : c.whens()) {
                collect(w.condition(), out);
                collect(w.result(), out);
            }
            if (c.otherwise() != null) {
                collect(c.otherwise(), out);
            }
        } else if (node instanceof Comparison c) {
            collect(c.left(), out);
            collect(c.right(), out);
        } else if (node instanceof Junction j) {
            j.conditions().forEach(p -> collect(p, out));
        } else if (node instanceof Not n) {
            collect(n.condition(), out);
        } else if (node instanceof NullTest n) {
            collect(n.expression(), out);
        } else if (node instanceof InList i) {
            collect(i.expression(), out);
        } else if (node instanceof Between b) {
            collect(b.expression(), out);
        } else if (node instanceof Like l) {
            collect(l.expression(), out);
        }
        // AliasedColumn refers to an alias, which must be in an explicit FROM.
    }

    /** The table behind a from item, or {@code null} for subqueries and joins. */
    static Table tableOf(FromItem item) {
        if (item instanceof Table t) {
            return t;
        }
        if (item instanceof TableAlias a) {
            return a.table();
        }
        return null;
    }

    /** The tables and aliases inside a (possibly nested) join, left to right. */
    static List<FromItem> leaves(FromItem item) {
        List<FromItem> out = new ArrayList<>();
        addLeaves(item, out);
        return out;
    }

    private static void addLeaves(FromItem item, List<FromItem> out) {
        if (item instanceof Join j) {
            addLeaves(j.left(), out);
            addLeaves(j.right(), out);
        } else {
            out.add(item);
        }
    }

    /** {@code column} as seen through {@code item}: aliased when the item is an alias. */
    static Expression<?> columnVia(FromItem item, Column<?> column) {
        return item instanceof TableAlias alias ? alias.col(column) : column;
    }
}
