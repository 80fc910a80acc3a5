package org.tabula.it.cluster;

import static org.tabula.Sql.createTable;
import static org.tabula.Sql.select;

import java.util.List;
import java.util.UUID;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.schema.Column;
import org.tabula.schema.Table;

/**
 * A table of marker rows for the cluster tests: each row is a random token and the node that
 * wrote it, so a test can ask whether that write reached another node. Each test class names
 * its own table.
 *
 * <pre>{@code
 * ClusterRows rows = new ClusterRows("cluster_smoke");
 * rows.create(primary);
 * String token = rows.write(primary, "primary");
 * Await.until("the row on the replica", () -> rows.has(replica, token));
 * }</pre>
 */
public final class ClusterRows extends Table {

    public final Column<String> token = varchar("token", 40).primaryKey();
    public final Column<String> writer = varchar("writer", 64);

    public ClusterRows(String name) {
        super(name);
    }

    /** Creates the table where it does not exist yet. */
    public void create(Engine engine) {
        engine.begin(c -> c.execute(createTable(this)));
    }

    /** Inserts a fresh token on {@code conn} (in its transaction) and returns it. */
    public String insert(Connection conn, String writtenBy) {
        String value = UUID.randomUUID().toString();
        conn.execute(org.tabula.Sql.insert(this).set(token, value).set(writer, writtenBy));
        return value;
    }

    /** Inserts a fresh token in its own committed transaction and returns it. */
    public String write(Engine engine, String writtenBy) {
        return engine.transaction(c -> insert(c, writtenBy));
    }

    /** Whether {@code value} is there on {@code engine}'s node; {@code false} also while the table itself is not. */
    public boolean has(Engine engine, String value) {
        try {
            return tokens(engine, List.of(value)).contains(value);
        } catch (org.tabula.error.DatabaseException notReplicatedYet) {
            return false;
        }
    }

    /** Whether the table is there on {@code engine}'s node (replicas get it by replication). */
    public boolean existsOn(Engine engine) {
        try {
            tokens(engine, List.of("-"));
            return true;
        } catch (org.tabula.error.DatabaseException notReplicatedYet) {
            return false;
        }
    }

    /** Which of {@code values} are there on {@code engine}'s node. */
    public List<String> tokens(Engine engine, List<String> values) {
        return engine.transaction(c -> c.execute(select(token).from(this).where(token.in(values))).scalars());
    }
}
