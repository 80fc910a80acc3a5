package org.tabula.orm;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tabula.result.Row;
import org.tabula.schema.Column;
import org.tabula.statement.Select;

/**
 * The deferred columns an entity query loads with its rows ({@link LoadOption#undefer}): they are
 * appended to the end of the statement's columns (after any joined relationship's), and their
 * values written into the row's column values before the row becomes an object.
 */
final class Undeferred {

    private final int[] indexes;           // column attribute indexes in the mapping
    private final Column<?>[] columns;

    private Undeferred(int[] indexes, Column<?>[] columns) {
        this.indexes = indexes;
        this.columns = columns;
    }

    /** The undefer options of {@code options} for {@code mapping}, or null when there are none. */
    static @Nullable Undeferred of(EntityMapping<?> mapping, List<LoadOption> options) {
        List<ColumnAttribute> found = null;
        for (LoadOption o : options) {
            if (o.undefersOwnColumn()) {
                ColumnAttribute a = attribute(mapping, o);
                if (found == null) {
                    found = new ArrayList<>();
                }
                if (!found.contains(a)) {
                    found.add(a);
                }
            }
        }
        if (found == null) {
            return null;
        }
        int[] indexes = new int[found.size()];
        Column<?>[] columns = new Column<?>[found.size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = mapping.indexOf(found.get(i));
            columns[i] = found.get(i).column();
        }
        return new Undeferred(indexes, columns);
    }

    /** The deferred attribute of {@code mapping} an undefer option names, or an exception naming both. */
    static ColumnAttribute attribute(EntityMapping<?> mapping, LoadOption option) {
        Column<?> column = option.column();
        for (ColumnAttribute a : mapping.columnAttributes()) {
            if (a.column() == column || a.column().qualifiedName().equals(column.qualifiedName())) {
                if (!a.isDeferred()) {
                    throw new OrmException("load option " + option + ": " + a.qualifiedName()
                            + " is not deferred (a Lazy field), it is always loaded");
                }
                return a;
            }
        }
        throw new OrmException("load option " + option + ": " + column.qualifiedName() + " is not a column of "
                + mapping.entityClass().getSimpleName() + " (table " + mapping.table().name() + ") that this query loads");
    }

    /** {@code select} with the deferred columns appended. */
    Select extend(Select select) {
        return select.columns(columns);
    }

    /** Writes the deferred values found in {@code row} from {@code offset} on into {@code values}. */
    Object[] fill(Object[] values, Row row, int offset) {
        for (int i = 0; i < indexes.length; i++) {
            values[indexes[i]] = row.get(offset + i);
        }
        return values;
    }

    /** Writes the deferred values found in {@code selected} from {@code offset} on into {@code values}. */
    Object[] fill(Object[] values, Object[] selected, int offset) {
        for (int i = 0; i < indexes.length; i++) {
            values[indexes[i]] = selected[offset + i];
        }
        return values;
    }
}
