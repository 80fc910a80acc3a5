package org.tabula.migration;

import org.tabula.schema.inspect.TableInfo;

/**
 * A table the database has and the model does not; dropped only when destructive changes are asked for.
 */
public record TableDropped(TableInfo info) implements SchemaChange {

    @Override
    public String table() {
        return info.name();
    }

    @Override
    public boolean destructive() {
        return true;
    }

    @Override
    public String toString() {
        return "drop table " + info.name();
    }
}
