package org.tabula.it.reliability;

import static org.tabula.Sql.count;
import static org.tabula.Sql.select;

import java.util.stream.Stream;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.it.Databases;
import org.tabula.schema.Table;

/** Shared helpers of the reliability suite. */
final class Rel {

    private Rel() {
    }

    static Stream<String> databases() {
        return Databases.names().stream();
    }

    /** The shared engine of {@code db} with the rel_ tables dropped and created empty. */
    static Engine fresh(String db) {
        Engine engine = Databases.engine(db);
        RelSchema.METADATA.dropAll(engine);
        RelSchema.METADATA.createAll(engine);
        return engine;
    }

    static long rows(Engine engine, Table table) {
        try (Connection conn = engine.connect()) {
            return rows(conn, table);
        }
    }

    static long rows(Connection conn, Table table) {
        return conn.execute(select(count()).from(table)).<Long>scalarOne();
    }
}
