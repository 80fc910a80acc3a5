package org.tabula.dialect;

import org.tabula.schema.Column;
import org.tabula.type.SqlType;

/** PostgreSQL (11+): identity columns, RETURNING everywhere, native UUID, timestamptz for instants. */
public final class PostgresDialect extends Dialect {

    PostgresDialect() {
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    protected SqlRenderer newRenderer() {
        return new PostgresRenderer(this);
    }

    @Override
    public void quoteIdentifier(StringBuilder out, String identifier) {
        out.append('"');
        SqliteDialect.appendDoubling(out, identifier, '"');
        out.append('"');
    }

    @Override
    public String typeName(SqlType<?> type, Column<?> column) {
        return switch (type.kind()) {
            case BOOLEAN -> "BOOLEAN";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case DECIMAL -> type.length() > 0 ? "NUMERIC(" + type.length() + ", " + type.scale() + ")" : "NUMERIC";
            case DOUBLE -> "DOUBLE PRECISION";
            case VARCHAR -> type.length() > 0 ? "VARCHAR(" + type.length() + ")" : "VARCHAR";
            case TEXT, ENUM -> "TEXT";
            case JSON -> "JSONB";
            case ARRAY -> "TEXT[]";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
            case INSTANT -> "TIMESTAMP WITH TIME ZONE";
            case BYTES -> "BYTEA";
            case UUID -> "UUID";
            case ANY -> "TEXT";
        };
    }

    @Override
    public boolean supportsReturning(ReturningSupport statement) {
        return true;
    }

    /** UTC sessions, so server-side {@code now()} for timestamps means the same on every database. */
    @Override
    public String connectionInitSql() {
        return "SET TIME ZONE 'UTC'";
    }
}
