package org.tabula.schema;

import org.jspecify.annotations.Nullable;

import java.util.Objects;
import org.tabula.expr.AliasedColumn;
import org.tabula.expr.SqlVisitor;
import org.tabula.statement.FromItem;
import org.tabula.type.Identifiers;

/**
 * A table under another name, for self-joins and correlated subqueries.
 *
 * <pre>{@code
 * TableAlias boss = EMPLOYEES.as("boss");
 * select(EMPLOYEES.name, boss.col(EMPLOYEES.name))
 *     .from(EMPLOYEES).join(boss, EMPLOYEES.managerId.eq(boss.col(EMPLOYEES.id)));
 * }</pre>
 */
public final class TableAlias implements FromItem {

    private final Table table;
    private final String alias;

    /**
     * {@code table} under {@code alias}; {@code USERS.as("u")} is the usual way to write it.
     *
     * <pre>{@code
     * TableAlias boss = new TableAlias(EMPLOYEES, "boss");   // the same as EMPLOYEES.as("boss")
     * }</pre>
     *
     * @param table the aliased table
     * @param alias the name the statement uses for it
     */
    public TableAlias(Table table, String alias) {
        this.table = Objects.requireNonNull(table, "table");
        if (alias == null || alias.isEmpty()) {
            throw new IllegalArgumentException("alias of " + table.name() + " must not be empty");
        }
        this.alias = Identifiers.check(alias, "alias of " + table.name() + ":");
    }

    /**
     * The table under the alias: {@code u.table()} is USERS.
     *
     * <pre>{@code
     * Table aliased = EMPLOYEES.as("boss").table();   // EMPLOYEES
     * }</pre>
     *
     * @return the table
     */
    public Table table() {
        return table;
    }

    /**
     * The alias: {@code u.alias()} is {@code "u"}.
     *
     * <pre>{@code
     * String alias = EMPLOYEES.as("boss").alias();   // "boss"
     * }</pre>
     *
     * @return the alias
     */
    public String alias() {
        return alias;
    }

    /**
     * The column of the underlying table, qualified by this alias.
     *
     * <pre>{@code
     * TableAlias boss = EMPLOYEES.as("boss");
     * AliasedColumn<String> bossName = boss.col(EMPLOYEES.name);   // "boss"."name"
     * }</pre>
     *
     * @param <T> the column's Java type
     * @param column a column of the aliased table: {@code Users u = USERS.as("u"); u.col(USERS.name)}
     * @return the column qualified by the alias ({@code u.name})
     */
    public <T extends @Nullable Object> AliasedColumn<T> col(Column<T> column) {
        if (column.table() != table) {
            throw new IllegalArgumentException("column " + column.qualifiedName() + " does not belong to "
                    + table.name() + " (aliased as " + alias + ")");
        }
        return new AliasedColumn<>(this, column);
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitTableAlias(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableAlias other && other.table == table && other.alias.equals(alias);
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(table) * 31 + alias.hashCode();
    }

    @Override
    public String toString() {
        return table.name() + " AS " + alias;
    }
}
