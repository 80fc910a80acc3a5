package org.tabula.statement;

import org.jspecify.annotations.Nullable;

import org.tabula.expr.SqlVisitor;
import org.tabula.schema.ForeignKey;

/**
 * {@code ALTER TABLE t ADD CONSTRAINT name FOREIGN KEY (...) REFERENCES ...}.
 *
 * <pre>{@code
 * conn.execute(new AddForeignKey("fk_posts_user_id", POSTS.userId.foreignKey()));
 * }</pre>
 */
public record AddForeignKey(String name, ForeignKey foreignKey) implements Statement {

    @Override
    public boolean returnsRows() {
        return false;
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitAddForeignKey(this);
    }
}
