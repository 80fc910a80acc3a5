package org.tabula.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tabula.error.TabulaException;

/**
 * The one dependency order of tables: every table after the tables its foreign keys reference.
 * {@link MetaData#sortedTables()} (CREATE and DROP order) and the ORM's flush (INSERT and DELETE
 * order) both use it. A table referencing itself is not a cycle (its rows are ordered, not its
 * table); tables outside the given ones are ignored.
 *
 * <pre>{@code
 * List<Table> order = TableOrder.parentsFirst(List.of(POSTS, USERS));   // [USERS, POSTS]
 * }</pre>
 */
public final class TableOrder {

    private TableOrder() {
    }

    /**
     * The given tables, parents before children; independent tables keep their given order.
     *
     * <pre>{@code
     * List<Table> order = TableOrder.parentsFirst(List.of(POSTS, USERS));   // [USERS, POSTS]
     * }</pre>
     *
     * @throws TabulaException naming the tables when their foreign keys form a cycle
     * @param tables the tables: {@code TableOrder.parentsFirst(List.of(POSTS, USERS))} is {@code [USERS, POSTS]}
     * @return the tables, each after those it references
     */
    public static List<Table> parentsFirst(Collection<Table> tables) {
        Set<Table> among = tables instanceof Set<Table> set ? set : new LinkedHashSet<>(tables);
        Set<Table> done = new LinkedHashSet<>();
        List<Table> path = new ArrayList<>();
        for (Table t : among) {
            visit(t, among, done, path);
        }
        return new ArrayList<>(done);
    }

    private static void visit(Table t, Set<Table> among, Set<Table> done, List<Table> path) {
        if (done.contains(t)) {
            return;
        }
        int at = path.indexOf(t);
        if (at >= 0) {
            throw new TabulaException("the foreign keys of tables " + names(path.subList(at, path.size()))
                    + " form a cycle: no order puts every table after the tables it references");
        }
        path.add(t);
        for (ForeignKey fk : t.foreignKeys()) {
            Table parent = fk.targetTable();
            if (parent != t && among.contains(parent)) {
                visit(parent, among, done, path);
            }
        }
        path.remove(path.size() - 1);
        done.add(t);
    }

    private static String names(List<Table> cycle) {
        List<String> names = new ArrayList<>();
        for (Table t : cycle) {
            names.add(t.name());
        }
        names.add(cycle.get(0).name());
        return String.join(" -> ", names);
    }
}
