package org.tabula.statement;

import org.jspecify.annotations.Nullable;

import java.util.Objects;
import org.tabula.expr.SqlVisitor;
import org.tabula.type.SqlType;

/**
 * A subquery in FROM: {@code (SELECT ...) AS alias}.
 *
 * <pre>{@code
 * DerivedTable counts = select(POSTS.userId, count().as("n")).from(POSTS).groupBy(POSTS.userId).as("c");
 * var n = counts.col("n", SqlTypes.BIGINT);
 * select(USERS.name, n).from(USERS).join(counts, USERS.id.eq(counts.col("user_id", SqlTypes.BIGINT)));
 * }</pre>
 */
public record DerivedTable(Select select, String alias) implements FromItem {

    /**
     * Checks the alias; build one with {@code select.as("t")}.
     *
     * @param select the subquery
     * @param alias its name in FROM
     */
    public DerivedTable {
        Objects.requireNonNull(select, "select");
        if (alias == null || alias.isEmpty()) {
            throw new IllegalArgumentException("a subquery in FROM needs an alias");
        }
        org.tabula.type.Identifiers.check(alias, "alias of a subquery in FROM:");
    }

    /**
     * A column of the subquery's result, by its name or alias, qualified by this alias.
     *
     * <pre>{@code
     * DerivedTable counts = select(POSTS.userId, count().as("n")).from(POSTS).groupBy(POSTS.userId).as("c");
     * DerivedColumn<Long> n = counts.col("n", SqlTypes.BIGINT);
     * }</pre>
     *
     * @param <T> the column's Java type
     * @param name the label in the subquery: {@code counts.col("n", SqlTypes.BIGINT)}
     * @param type its SQL type
     * @return the column, qualified by the alias
     */
    public <T extends @Nullable Object> DerivedColumn<T> col(String name, SqlType<T> type) {
        return new DerivedColumn<>(this, name, type);
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitDerivedTable(this);
    }
}
