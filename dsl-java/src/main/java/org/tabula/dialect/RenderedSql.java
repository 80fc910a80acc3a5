package org.tabula.dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL text with {@code ?} placeholders and the ordered bindings that fill them.
 *
 * <pre>{@code
 * RenderedSql r = select(USERS.id).from(USERS).where(USERS.name.eq("ann")).toSql(Dialect.SQLITE);
 * r.sql();      // SELECT "users"."id" FROM "users" WHERE "users"."name" = ?
 * r.values();   // [ann]
 * }</pre>
 */
public record RenderedSql(String sql, List<Binding> bindings) {

    public RenderedSql {
        bindings = List.copyOf(bindings);
    }

    /** The values of the bindings, {@code null} for named ones, for debugging and tests. */
    public List<Object> values() {
        List<Object> out = new ArrayList<>(bindings.size());
        for (Binding b : bindings) {
            out.add(b.isNamed() ? ":" + b.name() : b.value());
        }
        return out;
    }

    /** Whether some bindings are named and need values at execution. */
    public boolean hasNamedBindings() {
        for (Binding b : bindings) {
            if (b.isNamed()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return sql + " " + values();
    }
}
