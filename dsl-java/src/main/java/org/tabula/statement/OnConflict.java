package org.tabula.statement;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import org.tabula.expr.BindValue;
import org.tabula.expr.Excluded;
import org.tabula.expr.Expression;
import org.tabula.schema.Column;

/**
 * What an INSERT does when a row collides with a unique key: nothing, or an update (upsert).
 * Rendered as {@code ON CONFLICT (...) DO ...} on SQLite and PostgreSQL and as
 * {@code ON DUPLICATE KEY UPDATE} on MySQL/MariaDB (which applies to any unique key; the target
 * columns are not part of its syntax).
 *
 * <pre>{@code
 * insert(USERS).set(USERS.email, "a@x").set(USERS.name, "ann")
 *     .onConflict(USERS.email).doUpdate(USERS.name);                        // name = the proposed name
 * insert(COUNTERS).set(COUNTERS.key, "k").set(COUNTERS.hits, 1)
 *     .onConflict(COUNTERS.key).doUpdate(COUNTERS.hits, COUNTERS.hits.plus(excluded(COUNTERS.hits)));
 * insert(TAGS).set(TAGS.name, "x").onConflict(TAGS.name).doNothing();
 * }</pre>
 */
public record OnConflict(List<Column<?>> target, List<Update.Assignment> assignments) {

    /**
     * Copies the lists; build one with {@code insert(...).onConflict(USERS.email)}.
     *
     * @param target the unique columns of the collision
     * @param assignments what DO UPDATE sets; empty for DO NOTHING
     */
    public OnConflict {
        target = List.copyOf(target);
        assignments = List.copyOf(assignments);
        if (target.isEmpty()) {
            throw new IllegalArgumentException("onConflict needs the columns of a unique key or primary key");
        }
    }

    /**
     * DO NOTHING: no assignments.
     *
     * <pre>{@code
     * boolean ignore = insert(TAGS).set(TAGS.name, "x").onConflict(TAGS.name).doNothing().onConflict().doesNothing();   // true
     * }</pre>
     *
     * @return {@code true} for DO NOTHING
     */
    public boolean doesNothing() {
        return assignments.isEmpty();
    }

    /** The builder step between {@code onConflict(...)} and {@code doNothing()/doUpdate(...)}. */
    public static final class Builder {
        private final Insert insert;
        private final List<Column<?>> target;

        Builder(Insert insert, List<Column<?>> target) {
            this.insert = insert;
            this.target = target;
        }

        /**
         * Keep the existing row.
         *
         * <pre>{@code
         * conn.execute(insert(TAGS).set(TAGS.name, "x").onConflict(TAGS.name).doNothing());
         * }</pre>
         *
         * @return the insert: {@code insert(USERS).set(USERS.email, e).onConflict(USERS.email).doNothing()}
         */
        public Insert doNothing() {
            return insert.withOnConflict(new OnConflict(target, List.of()));
        }

        /**
         * Overwrite these columns with the values proposed for insertion.
         *
         * <pre>{@code
         * conn.execute(insert(USERS).set(USERS.email, "a@x").set(USERS.name, "ann").onConflict(USERS.email).doUpdate(USERS.name));
         * }</pre>
         *
         * @param columns the columns to overwrite: {@code onConflict(USERS.email).doUpdate(USERS.name)}
         * @return the insert
         */
        public Insert doUpdate(Column<?>... columns) {
            List<Update.Assignment> set = new ArrayList<>();
            for (Column<?> c : columns) {
                set.add(new Update.Assignment(c, new Excluded<>(c)));
            }
            return insert.withOnConflict(new OnConflict(target, set));
        }

        /**
         * Set one column to an expression (which may use {@code Sql.excluded(column)}).
         *
         * <pre>{@code
         * conn.execute(insert(COUNTERS).set(COUNTERS.key, "k").set(COUNTERS.hits, 1)
         *         .onConflict(COUNTERS.key).doUpdate(COUNTERS.hits, COUNTERS.hits.plus(excluded(COUNTERS.hits))));
         * }</pre>
         *
         * @param <T> the column's Java type
         * @param column the column
         * @param value the expression: {@code doUpdate(COUNTERS.n, COUNTERS.n.plus(1))}
         * @return the insert
         */
        public <T extends @Nullable Object> Insert doUpdate(Column<T> column, Expression<? extends T> value) {
            return insert.withOnConflict(new OnConflict(target, List.of(new Update.Assignment(column, value))));
        }

        /**
         * Set one column to a value.
         *
         * <pre>{@code
         * conn.execute(insert(COUNTERS).set(COUNTERS.key, "k").set(COUNTERS.hits, 1).onConflict(COUNTERS.key).doUpdate(COUNTERS.hits, 1));
         * }</pre>
         *
         * @param <T> the column's Java type
         * @param column the column
         * @param value the value
         * @return the insert
         */
        public <T extends @Nullable Object> Insert doUpdate(Column<T> column, T value) {
            return doUpdate(column, new BindValue<>(value, column.type()));
        }
    }
}
