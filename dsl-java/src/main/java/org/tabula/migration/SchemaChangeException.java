package org.tabula.migration;

import java.util.List;
import org.tabula.error.TabulaException;

/**
 * A schema change the database refused, naming the changes (table and column) and the statement.
 * Where DDL is transactional (PostgreSQL, SQLite) nothing of the migration remains; MySQL and
 * MariaDB commit each DDL statement, so the statements before the failing one stay applied.
 *
 * <pre>{@code
 * try {
 *     diff.apply(engine);
 * } catch (SchemaChangeException e) {
 *     log.error("migration failed at " + e.changes(), e);
 * }
 * }</pre>
 */
public class SchemaChangeException extends TabulaException {

    private final transient List<SchemaChange> changes;

    /**
     * An exception for the {@code changes} whose statement failed.
     *
     * <pre>{@code
     * throw new SchemaChangeException("cannot add column users.email", List.of(change), sqlFailure);
     * }</pre>
     *
     * @param message what failed, naming table and column
     * @param changes the changes whose statement failed
     * @param cause the database's exception
     */
    public SchemaChangeException(String message, List<SchemaChange> changes, Throwable cause) {
        super(message, cause);
        this.changes = List.copyOf(changes);
    }

    /**
     * The changes whose statement failed.
     *
     * <pre>{@code
     * try {
     *     diff.apply(engine);
     * } catch (SchemaChangeException e) {
     *     log.error("failed at {}", e.changes(), e);
     * }
     * }</pre>
     *
     * @return those changes, in the order they were applied: {@code e.changes().get(0).table()}
     */
    public List<SchemaChange> changes() {
        return changes;
    }
}
